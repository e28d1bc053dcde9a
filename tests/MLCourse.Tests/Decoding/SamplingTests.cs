using MLCourse.Decoding;

namespace MLCourse.Tests.Decoding;

public class SamplingTests
{
    [Fact]
    public void Draw_frequencies_match_the_probabilities_within_five_standard_errors()
    {
        var p = Vector<double>.Build.DenseOfArray([0.5, 0.0, 0.2, 0.25, 0.05]);
        var random = Rng.Create(3);
        const int n = 20000;
        var counts = new int[p.Count];
        for (var i = 0; i < n; i++) counts[MLCourse.Decoding.Sampling.Draw(p, random)]++;

        Assert.Equal(0, counts[1]);
        for (var i = 0; i < p.Count; i++)
            Assert.InRange(counts[i] - n * p[i], -5 * Math.Sqrt(n * p[i] * (1 - p[i])), 5 * Math.Sqrt(n * p[i] * (1 - p[i])));
    }

    [Fact]
    public void Many_draws_are_the_same_numbers_as_single_draws()
    {
        var p = Vector<double>.Build.DenseOfArray([0.1, 0.0, 0.3, 0.0, 0.6, 0.0]);
        var (one, many) = (Rng.Create(8), Rng.Create(8));

        var single = Enumerable.Range(0, 500).Select(_ => MLCourse.Decoding.Sampling.Draw(p, one)).ToArray();

        Assert.Equal(single, MLCourse.Decoding.Sampling.Draw(p, 500, many));
        Assert.DoesNotContain(single, i => p[i] == 0);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => MLCourse.Decoding.Sampling.Draw(p, 0, one)).ParamName);
    }

    [Fact]
    public void Draw_inverts_the_cumulative_distribution()
    {
        // u ∈ [0, 0.1) → 0, [0.1, 0.4) → 2, [0.4, 1) → 4.
        var p = Vector<double>.Build.DenseOfArray([0.1, 0.0, 0.3, 0.0, 0.6]);

        Assert.Equal([0, 2, 2, 4, 4], MLCourse.Decoding.Sampling.Draw(p, 5, new FixedRandom(0.0, 0.1, 0.39, 0.4, 0.999)));
    }

    private sealed class FixedRandom(params double[] values) : System.Random
    {
        private int next;

        public override double NextDouble() => values[next++];
    }

    [Fact]
    public void Draw_returns_the_only_possible_token()
    {
        var p = Vector<double>.Build.DenseOfArray([0.0, 0.0, 1.0, 0.0]);
        var random = Rng.Create(1);

        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(2, MLCourse.Decoding.Sampling.Draw(p, random)));
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.6 })]
    [InlineData(new[] { 1.5, -0.5 })]
    [InlineData(new[] { double.NaN, 1.0 })]
    public void Draw_rejects_non_distributions(double[] p)
    {
        var e = Assert.Throws<ArgumentException>(() => MLCourse.Decoding.Sampling.Draw(Vector<double>.Build.DenseOfArray(p), Rng.Create(1)));

        Assert.Equal("probabilities", e.ParamName);
    }

    [Fact]
    public void Generate_is_reproducible_with_the_same_seed_and_reports_the_model_log_probability()
    {
        var model = TinyModels.Random(6, seed: 5);

        var first = MLCourse.Decoding.Sampling.Generate(model, [0], 12, Rng.Create(9), temperature: 0.8, topK: 4, topP: 0.9);
        var again = MLCourse.Decoding.Sampling.Generate(model, [0], 12, Rng.Create(9), temperature: 0.8, topK: 4, topP: 0.9);

        Assert.Equal(first.Tokens, again.Tokens);
        var expected = first.Tokens.Select((t, i) => Math.Log(model.Probability(i == 0 ? 0 : first.Tokens[i - 1], t))).Sum();
        Assert.Equal(expected, first.LogProbability, 12);
    }

    [Fact]
    public void Top_k_1_sampling_is_greedy()
    {
        var model = TinyModels.Random(7, seed: 6);

        var sampled = MLCourse.Decoding.Sampling.Generate(model, [3], 15, Rng.Create(2), topK: 1);

        Assert.Equal(Search.Greedy(model, [3], 15).Tokens, sampled.Tokens);
    }

    [Fact]
    public void Generate_stops_after_the_end_token()
    {
        var model = BigramModel.FromProbabilities(Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 1.0 }, { 0.5, 0.5 } }));

        var h = MLCourse.Decoding.Sampling.Generate(model, [0], 50, Rng.Create(4), endToken: 1);

        Assert.Equal([1], h.Tokens);
        Assert.True(h.Finished);
    }

    [Fact]
    public void Warp_names_the_caller_s_arguments()
    {
        var logits = Vector<double>.Build.DenseOfArray([0.0, 1.0, 2.0]);

        Assert.Equal("topK", Assert.Throws<ArgumentOutOfRangeException>(() => MLCourse.Decoding.Sampling.Warp(logits, topK: 0)).ParamName);
        Assert.Equal("topP", Assert.Throws<ArgumentOutOfRangeException>(() => MLCourse.Decoding.Sampling.Distribution(logits, topP: 0)).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => MLCourse.Decoding.Sampling.Warp(logits, temperature: -1)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => MLCourse.Decoding.Sampling.Warp(Vector<double>.Build.DenseOfArray([double.NaN]))).ParamName);
    }

    [Fact]
    public void Generate_validates_its_arguments_by_name()
    {
        var model = TinyModels.Random(4, seed: 1);
        var random = Rng.Create(1);

        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => MLCourse.Decoding.Sampling.Generate(model, [0], 3, random, temperature: 0)).ParamName);
        Assert.Equal("topK", Assert.Throws<ArgumentOutOfRangeException>(() => MLCourse.Decoding.Sampling.Generate(model, [0], 3, random, topK: 0)).ParamName);
        Assert.Equal("topP", Assert.Throws<ArgumentOutOfRangeException>(() => MLCourse.Decoding.Sampling.Generate(model, [0], 3, random, topP: 1.5)).ParamName);
        Assert.Equal("maxNewTokens", Assert.Throws<ArgumentOutOfRangeException>(() => MLCourse.Decoding.Sampling.Generate(model, [0], 0, random)).ParamName);
        Assert.Equal("prompt", Assert.Throws<ArgumentException>(() => MLCourse.Decoding.Sampling.Generate(model, [], 3, random)).ParamName);
        Assert.Equal("endToken", Assert.Throws<ArgumentOutOfRangeException>(() => MLCourse.Decoding.Sampling.Generate(model, [0], 3, random, endToken: 4)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => MLCourse.Decoding.Sampling.Generate(model, [0], 3, null!)).ParamName);
    }
}
