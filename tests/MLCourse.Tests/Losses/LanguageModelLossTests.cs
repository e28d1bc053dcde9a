using MLCourse.Losses;

namespace MLCourse.Tests.Losses;

public class LanguageModelLossTests
{
    private static Matrix<double> Logits(int t, int v, int seed) => Rng.StandardNormal(t, v, Rng.Create(seed)) * 2;

    [Fact]
    public void The_loss_is_the_mean_negative_log_probability_of_each_next_token()
    {
        var logits = new[] { Logits(5, 4, 1), Logits(3, 4, 2) };
        int[][] tokens = [[0, 3, 1, 1, 2], [2, 0, 3]];
        double sum = 0;
        for (var b = 0; b < 2; b++)
            for (var t = 0; t + 1 < tokens[b].Length; t++)
                sum -= MLCourse.Activations.Softmax.Log(logits[b].Row(t))[tokens[b][t + 1]];

        Assert.Equal(sum / (4 + 2), Loss.CausalLanguageModel(logits, tokens), 14);
    }

    [Fact]
    public void The_shift_drops_each_last_row_and_first_token()
    {
        var logits = new[] { Logits(3, 2, 3), Logits(1, 2, 4), Logits(2, 2, 5) };
        var (shifted, targets) = Loss.ShiftForNextToken(logits, [[1, 0, 1], [0], [1, 1]]);

        Assert.Equal([0, 1, 1], targets);
        Assert.Equal(logits[0].Row(0), shifted.Row(0));
        Assert.Equal(logits[0].Row(1), shifted.Row(1));
        Assert.Equal(logits[2].Row(0), shifted.Row(2));
    }

    [Fact]
    public void Ignored_targets_leave_the_mean_and_get_no_gradient()
    {
        var logits = new[] { Logits(4, 3, 6) };
        var full = Loss.CausalLanguageModel(logits, [[0, 1, 2, 0]]);
        var prompt = Loss.CausalLanguageModel(logits, [[0, -100, 2, 0]]);   // an SFT prompt token is not a target
        var kept = -(MLCourse.Activations.Softmax.Log(logits[0].Row(1))[2] + MLCourse.Activations.Softmax.Log(logits[0].Row(2))[0]) / 2;

        Assert.NotEqual(full, prompt, 6);
        Assert.Equal(kept, prompt, 14);
        var gradient = Loss.CausalLanguageModelGradient(logits, [[0, -100, 2, 0]])[0];
        Assert.Equal(0, gradient.Row(0).AbsoluteMaximum());   // predicts the ignored token
        Assert.Equal(0, gradient.Row(3).AbsoluteMaximum());   // the last row predicts nothing
        Assert.True((gradient - FiniteDifference.Gradient(z => Loss.CausalLanguageModel([z], [[0, -100, 2, 0]]), logits[0])).InfinityNorm() < 1e-9);
    }

    [Fact]
    public void Uniform_logits_give_perplexity_v()
    {
        var logits = new[] { Matrix<double>.Build.Dense(6, 50) };
        Assert.Equal(50, Math.Exp(Loss.CausalLanguageModel(logits, [[1, 2, 3, 4, 5, 6]])), 11);
    }

    [Fact]
    public void Shape_errors_name_both_shapes()
    {
        var two = new[] { Logits(3, 4, 1), Logits(3, 4, 2) };
        var count = Assert.Throws<ArgumentException>(() => Loss.CausalLanguageModel(two, [[0, 1, 2]]));
        Assert.Equal("tokens", count.ParamName);
        Assert.Contains("1 sequences but logits holds 2", count.Message);
        var length = Assert.Throws<ArgumentException>(() => Loss.CausalLanguageModel(two, [[0, 1, 2], [0, 1]]));
        Assert.Equal("tokens", length.ParamName);
        Assert.Contains("tokens[1] has length 2 but logits[1] is 3×4", length.Message);
        var vocabulary = Assert.Throws<ArgumentException>(() => Loss.CausalLanguageModel([Logits(3, 4, 1), Logits(3, 5, 2)], [[0, 1, 2], [0, 1, 2]]));
        Assert.Equal("logits", vocabulary.ParamName);
        Assert.Contains("logits[1] is 3×5 but logits[0] is 3×4", vocabulary.Message);
        var range = Assert.Throws<ArgumentException>(() => Loss.CausalLanguageModel(two, [[0, 1, 2], [0, 4, 1]]));
        Assert.Equal("tokens", range.ParamName);
        Assert.Contains("tokens[1][1] = 4", range.Message);
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => Loss.ShiftForNextToken([Logits(1, 4, 1)], [[0]])).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => Loss.CausalLanguageModel([], [])).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => Loss.CausalLanguageModel([Matrix<double>.Build.Dense(2, 0)], [[0, 0]])).ParamName);
    }
}
