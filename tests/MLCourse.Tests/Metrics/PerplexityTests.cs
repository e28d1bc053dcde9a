using MLCourse.Losses;
using MLCourse.Metrics;

namespace MLCourse.Tests.Metrics;

public class PerplexityTests
{
    private static readonly int[] Targets = [0, 3, 1, 4, 4, 2];

    [Fact]
    public void A_uniform_model_has_the_vocabulary_size_and_a_sure_one_has_one()
    {
        var uniform = Matrix<double>.Build.Dense(6, 5);
        var sure = Matrix<double>.Build.Dense(6, 5, (i, j) => j == Targets[i] ? 60 : 0);

        Assert.Equal(5, Perplexity.FromLogits(uniform, Targets), 12);
        Assert.Equal(1, Perplexity.FromLogits(sure, Targets), 12);
    }

    [Fact]
    public void It_is_the_exponential_of_the_mean_cross_entropy_without_the_ignored_positions()
    {
        var logits = Rng.StandardNormal(6, 5, Rng.Create(1));
        int[] padded = [0, 3, -100, 1, -100, 4];
        var kept = new[] { 0, 1, 3, 5 };

        var ppl = Perplexity.FromLogits(logits, padded);

        Assert.Equal(Math.Exp(Loss.CrossEntropy(logits, padded)), ppl, 14);
        var logp = kept.Select(i => logits[i, padded[i]] - MLCourse.Activations.Softmax.LogSumExp(logits.Row(i)));
        Assert.Equal(Perplexity.FromLogProbabilities(logp), ppl, 12);
    }

    [Fact]
    public void Log_probabilities_give_the_inverse_geometric_mean_probability()
    {
        Assert.Equal(4, Perplexity.FromLogProbabilities([Math.Log(0.5), Math.Log(0.125)]), 14);
        Assert.Equal(double.PositiveInfinity, Perplexity.FromLogProbabilities([Math.Log(0.5), double.NegativeInfinity]));
    }

    [Fact]
    public void Bad_log_probabilities_throw_naming_the_argument()
    {
        Assert.Equal("logProbabilities", Assert.Throws<ArgumentException>(() => Perplexity.FromLogProbabilities([])).ParamName);
        var e = Assert.Throws<ArgumentException>(() => Perplexity.FromLogProbabilities([-1, 0.5]));
        Assert.Equal("logProbabilities", e.ParamName);
        Assert.Contains("[1]", e.Message);
        Assert.Equal("logProbabilities", Assert.Throws<ArgumentException>(() => Perplexity.FromLogProbabilities([double.NaN])).ParamName);
        Assert.Equal("targets", Assert.ThrowsAny<ArgumentException>(() => Perplexity.FromLogits(Matrix<double>.Build.Dense(2, 3), [0, 3])).ParamName);
    }
}
