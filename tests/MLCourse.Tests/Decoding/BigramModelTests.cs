using MLCourse.Decoding;

namespace MLCourse.Tests.Decoding;

public class BigramModelTests
{
    [Fact]
    public void Train_counts_bigrams_with_add_k_smoothing()
    {
        // "0 1 0 2 0 1": c(0,1) = 2, c(0,2) = 1, c(1,0) = 1, c(2,0) = 1; V = 3, k = 0.5.
        var model = BigramModel.Train([0, 1, 0, 2, 0, 1], vocabularySize: 3, smoothing: 0.5);

        Assert.Equal((2 + 0.5) / (3 + 1.5), model.Probability(0, 1), 15);
        Assert.Equal((0 + 0.5) / (3 + 1.5), model.Probability(0, 0), 15);
        Assert.Equal((1 + 0.5) / (1 + 1.5), model.Probability(2, 0), 15);
        Assert.Equal(Math.Log((1 + 0.5) / (1 + 1.5)), model.NextLogProbabilities([1, 2])[0], 15);
    }

    [Fact]
    public void Every_row_is_a_distribution_and_an_unseen_context_is_uniform()
    {
        var model = BigramModel.Train([0, 1, 1, 2], vocabularySize: 4, smoothing: 0.1);

        for (var v = 0; v < 4; v++) Assert.Equal(1.0, model.NextLogProbabilities(v).Sum(Math.Exp), 14);
        Assert.All(Enumerable.Range(0, 4), w => Assert.Equal(0.25, model.Probability(3, w), 15));
    }

    [Fact]
    public void Most_likely_continuation_is_the_exact_argmax_over_all_sequences()
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var model = TinyModels.Random(5, seed);
            var best = TinyModels.AllContinuations(model, 0, 4).MaxBy(p => p.LogProbability);

            var exact = model.MostLikelyContinuation([3, 0], 4);

            Assert.Equal(best.Tokens, exact.Tokens);
            Assert.Equal(best.LogProbability, exact.LogProbability, 12);
        }
    }

    [Fact]
    public void Most_likely_continuation_skips_impossible_transitions_and_beats_greedy()
    {
        var model = TinyModels.BeamLosesToGreedy();

        var exact = model.MostLikelyContinuation([0], 3);

        Assert.Equal([3, 3, 3], exact.Tokens);   // 0.25·1·1, while greedy gets 0.16
        Assert.Equal(Math.Log(0.25), exact.LogProbability, 14);
        Assert.True(Search.Greedy(model, [0], 3).LogProbability < exact.LogProbability);
    }

    [Fact]
    public void Train_validates_its_arguments_by_name()
    {
        Assert.Equal("smoothing", Assert.Throws<ArgumentOutOfRangeException>(() => BigramModel.Train([0, 1], 2, 0)).ParamName);
        Assert.Equal("vocabularySize", Assert.Throws<ArgumentOutOfRangeException>(() => BigramModel.Train([0, 1], 0, 1)).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => BigramModel.Train([0], 2, 1)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BigramModel.Train([0, 1, 5], 3, 1));
        Assert.Equal("tokens", e.ParamName);
        Assert.Contains("tokens[2] = 5", e.Message);
    }

    [Fact]
    public void FromProbabilities_rejects_non_stochastic_matrices()
    {
        var notSquare = Assert.Throws<ArgumentException>(() => BigramModel.FromProbabilities(Matrix<double>.Build.Dense(2, 3, 1.0 / 3)));
        Assert.Equal("transitions", notSquare.ParamName);
        Assert.Contains("2×3", notSquare.Message);
        var badRow = Assert.Throws<ArgumentException>(() => BigramModel.FromProbabilities(Matrix<double>.Build.DenseOfArray(new[,] { { 0.5, 0.5 }, { 0.5, 0.6 } })));
        Assert.Contains("row 1", badRow.Message);
        Assert.Throws<ArgumentException>(() => BigramModel.FromProbabilities(Matrix<double>.Build.DenseOfArray(new[,] { { 1.5, -0.5 }, { 0.5, 0.5 } })));
    }

    [Fact]
    public void Ids_and_contexts_are_validated_by_name()
    {
        var model = TinyModels.Random(3, seed: 1);

        Assert.Equal("previous", Assert.Throws<ArgumentOutOfRangeException>(() => model.Probability(3, 0)).ParamName);
        Assert.Equal("next", Assert.Throws<ArgumentOutOfRangeException>(() => model.Probability(0, -1)).ParamName);
        Assert.Equal("context", Assert.Throws<ArgumentException>(() => model.NextLogProbabilities(Array.Empty<int>())).ParamName);
        Assert.Equal("context", Assert.Throws<ArgumentOutOfRangeException>(() => model.MostLikelyContinuation([7], 2)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => model.MostLikelyContinuation([0], 0)).ParamName);
    }
}
