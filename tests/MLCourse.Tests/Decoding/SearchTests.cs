using MLCourse.Decoding;

namespace MLCourse.Tests.Decoding;

public class SearchTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Beam_width_1_is_greedy(int seed)
    {
        var model = TinyModels.Random(9, seed);

        var greedy = Search.Greedy(model, [seed], 20);
        var beam = Search.Beam(model, [seed], beamWidth: 1, maxNewTokens: 20).Best;

        Assert.Equal(greedy.Tokens, beam.Tokens);
        Assert.Equal(greedy.LogProbability, beam.LogProbability);
    }

    [Fact]
    public void Greedy_takes_the_argmax_and_sums_the_log_probabilities()
    {
        var model = BigramModel.FromProbabilities(Matrix<double>.Build.DenseOfArray(new[,] { { 0.2, 0.5, 0.3 }, { 0.1, 0.1, 0.8 }, { 0.6, 0.2, 0.2 } }));

        var h = Search.Greedy(model, [0], 3);

        Assert.Equal([1, 2, 0], h.Tokens);
        Assert.Equal(Math.Log(0.5) + Math.Log(0.8) + Math.Log(0.6), h.LogProbability, 14);
        Assert.False(h.Finished);
    }

    [Fact]
    public void A_beam_as_wide_as_all_sequences_finds_the_exact_optimum()
    {
        var model = TinyModels.Random(4, seed: 8);
        var best = TinyModels.AllContinuations(model, 2, 3).MaxBy(p => p.LogProbability);

        var beam = Search.Beam(model, [2], beamWidth: 16, maxNewTokens: 3).Best;

        Assert.Equal(best.Tokens, beam.Tokens);
        Assert.Equal(best.LogProbability, beam.LogProbability, 12);
    }

    [Fact]
    public void Scores_V_candidates_at_the_first_step_and_B_times_V_afterwards()
    {
        var model = TinyModels.Random(10, seed: 4);

        var result = Search.Beam(model, [0], beamWidth: 3, maxNewTokens: 5);

        Assert.Equal([10, 30, 30, 30, 30], result.CandidatesScored);
        Assert.All(result.Beams, beam => Assert.Equal(3, beam.Count));
        Assert.Equal(5, result.Beams.Count);
    }

    [Fact]
    public void The_beam_keeps_the_B_best_of_all_candidates()
    {
        var model = TinyModels.Random(6, seed: 12);
        var all = TinyModels.AllContinuations(model, 1, 2).OrderByDescending(p => p.LogProbability).ToList();

        var result = Search.Beam(model, [1], beamWidth: 6, maxNewTokens: 2);

        // Every two-token sequence extends one of the 6 one-token prefixes, so with B = V the beam is exact at step 2.
        Assert.Equal(all.Take(6).Select(p => p.Tokens), result.Beams[1].Select(h => h.Tokens.ToArray()));
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, null)]
    [InlineData(3, 0)]
    [InlineData(4, 5)]
    public void Equals_ranking_all_B_times_V_candidates_at_every_step(int beamWidth, int? endToken)
    {
        for (var seed = 20; seed < 25; seed++)
        {
            var model = TinyModels.Random(7, seed);

            var result = Search.Beam(model, [1], beamWidth, maxNewTokens: 6, endToken);
            var reference = ReferenceBeam(model, 1, beamWidth, 6, endToken);

            Assert.Equal(reference.Count, result.Beams.Count);
            for (var t = 0; t < reference.Count; t++)
                Assert.Equal(reference[t].Select(h => h.Tokens.ToArray()), result.Beams[t].Select(h => h.Tokens.ToArray()));
        }
    }

    /// <summary>The textbook algorithm: score every one of the B·V candidates, sort them all, walk down the ranking.</summary>
    private static List<List<Hypothesis>> ReferenceBeam(BigramModel model, int prompt, int beamWidth, int steps, int? endToken)
    {
        var (live, beams, finished) = (new List<Hypothesis> { new([], 0, false) }, new List<List<Hypothesis>>(), 0);
        for (var t = 0; t < steps && live.Count > 0 && finished < beamWidth; t++)
        {
            var all = live.SelectMany((h, b) => Enumerable.Range(0, model.VocabularySize).Select(v =>
                (Score: h.LogProbability + Math.Log(model.Probability(h.Tokens.Count == 0 ? prompt : h.Tokens[^1], v)), Beam: b, Token: v)))
                .OrderByDescending(c => c.Score).ThenBy(c => c.Beam).ThenBy(c => c.Token).ToList();
            var next = new List<Hypothesis>();
            for (var rank = 0; rank < all.Count && next.Count < beamWidth; rank++)
                if (all[rank].Token != endToken) next.Add(new([.. live[all[rank].Beam].Tokens, all[rank].Token], all[rank].Score, false));
                else if (rank < beamWidth) finished++;
            beams.Add(next);
            live = next;
        }
        return beams;
    }

    [Fact]
    public void Beam_search_can_end_below_greedy()
    {
        var model = TinyModels.BeamLosesToGreedy();

        var greedy = Search.Greedy(model, [0], 3);
        var beam = Search.Beam(model, [0], beamWidth: 2, maxNewTokens: 3);

        Assert.Equal([1, 4, 4], greedy.Tokens);
        Assert.Equal(Math.Log(0.4 * 0.4), greedy.LogProbability, 14);
        Assert.Equal(Math.Log(0.35 * 0.5 * 0.2), beam.Best.LogProbability, 14);
        Assert.DoesNotContain(beam.Beams[1], h => h.Tokens[0] == 1);
    }

    [Fact]
    public void End_token_finishes_hypotheses_and_the_length_penalty_reranks_them()
    {
        // From 0: the end token 2 at once (0.4), or 1 (0.6) and then the end token (0.6): 0.36 for two tokens.
        var model = BigramModel.FromProbabilities(Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0.6, 0.4 }, { 0.0, 0.4, 0.6 }, { 1.0, 0.0, 0.0 } }));

        var raw = Search.Beam(model, [0], beamWidth: 2, maxNewTokens: 5, endToken: 2, lengthPenalty: 0);
        var perToken = Search.Beam(model, [0], beamWidth: 2, maxNewTokens: 5, endToken: 2, lengthPenalty: 1);

        Assert.Equal([2], raw.Best.Tokens);   // raw log-probability: 0.4 beats 0.36, the shorter one wins
        Assert.True(raw.Best.Finished);
        Assert.Equal([1, 2], perToken.Best.Tokens);   // per token: ln 0.36 / 2 = −0.51 beats ln 0.4 = −0.92
        Assert.Equal(Math.Log(0.36) / 2, perToken.Best.Score(1), 14);
        Assert.Equal([[2], [1, 2], [1, 1]], raw.Hypotheses.Select(h => h.Tokens.ToArray()));
        Assert.Equal([1, 2], Search.Greedy(model, [0], 5, endToken: 2).Tokens);
    }

    [Fact]
    public void Stops_once_B_hypotheses_have_finished()
    {
        var model = BigramModel.FromProbabilities(Matrix<double>.Build.DenseOfArray(new[,] { { 0.5, 0.5 }, { 0.5, 0.5 } }));

        var result = Search.Beam(model, [0], beamWidth: 1, maxNewTokens: 10, endToken: 0);

        Assert.Single(result.CandidatesScored);
        Assert.Equal([0], result.Best.Tokens);
    }

    [Fact]
    public void Hypothesis_score_divides_by_length_to_the_power_alpha()
    {
        var h = new Hypothesis([1, 2, 3, 4], -8, Finished: true);

        Assert.Equal(-8, h.Score(0));
        Assert.Equal(-2, h.Score(1));
        Assert.Equal(-4, h.Score(0.5), 14);
        Assert.Equal("lengthPenalty", Assert.Throws<ArgumentOutOfRangeException>(() => h.Score(double.NaN)).ParamName);
    }

    [Fact]
    public void Validates_its_arguments_by_name()
    {
        var model = TinyModels.Random(4, seed: 1);

        Assert.Equal("beamWidth", Assert.Throws<ArgumentOutOfRangeException>(() => Search.Beam(model, [0], 0, 3)).ParamName);
        Assert.Equal("maxNewTokens", Assert.Throws<ArgumentOutOfRangeException>(() => Search.Beam(model, [0], 2, 0)).ParamName);
        Assert.Equal("maxNewTokens", Assert.Throws<ArgumentOutOfRangeException>(() => Search.Greedy(model, [0], -1)).ParamName);
        Assert.Equal("prompt", Assert.Throws<ArgumentException>(() => Search.Greedy(model, [], 3)).ParamName);
        Assert.Equal("endToken", Assert.Throws<ArgumentOutOfRangeException>(() => Search.Beam(model, [0], 2, 3, endToken: -1)).ParamName);
        Assert.Equal("lengthPenalty", Assert.Throws<ArgumentOutOfRangeException>(() => Search.Beam(model, [0], 2, 3, lengthPenalty: double.PositiveInfinity)).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => Search.Greedy(null!, [0], 3)).ParamName);
    }

    [Fact]
    public void A_model_returning_the_wrong_length_is_reported()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Search.Greedy(new BrokenModel(), [0], 2));

        Assert.Contains("2 log-probabilities for a vocabulary of 3", e.Message);
    }

    private sealed class BrokenModel : ILanguageModel
    {
        public int VocabularySize => 3;

        public Vector<double> NextLogProbabilities(IReadOnlyList<int> context) => Vector<double>.Build.Dense(2, Math.Log(0.5));
    }
}
