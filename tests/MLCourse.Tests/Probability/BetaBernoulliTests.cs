using MLCourse.Probability;

namespace MLCourse.Tests.Probability;

public class BetaBernoulliTests
{
    [Theory]
    [InlineData(2.0, 3.0, 7, 4)]
    [InlineData(1.0, 1.0, 3, 0)]
    [InlineData(0.5, 0.5, 10, 30)]
    public void The_posterior_is_prior_times_likelihood_normalised(double a, double b, int heads, int tails)
    {
        var posterior = new BetaBernoulli(a, b).Update(heads, tails);

        Assert.Equal((a + heads, b + tails), (posterior.Alpha, posterior.Beta));
        // ∝ p^(a−1)(1−p)^(b−1)·p^h(1−p)^t: the ratio of densities at two points fixes the exponents.
        var (p, q) = (0.3, 0.6);
        var expected = Math.Pow(p / q, a - 1 + heads) * Math.Pow((1 - p) / (1 - q), b - 1 + tails);
        Assert.Equal(expected, posterior.Density(p) / posterior.Density(q), 10);
    }

    [Fact]
    public void The_mode_is_the_argmax_of_the_density()
    {
        var posterior = new BetaBernoulli(3, 2).Update(4, 6);
        var grid = Enumerable.Range(1, 99_999).Select(i => i / 100_000.0);

        var argmax = grid.MaxBy(posterior.Density);

        Assert.Equal(argmax, posterior.Mode, 5);
        Assert.Equal((4 + 3 - 1) / (10.0 + 3 + 2 - 2), posterior.Mode, 15);
        Assert.Equal(7.0 / 15, posterior.Mean, 15);
    }

    [Theory]
    [InlineData(0.5, 2.0, 0.0)]
    [InlineData(1.0, 3.0, 0.0)]
    [InlineData(0.5, 1.0, 0.0)]
    [InlineData(2.0, 0.7, 1.0)]
    [InlineData(1.0, 0.5, 1.0)]
    public void Modes_on_the_boundary(double a, double b, double mode)
    {
        Assert.Equal(mode, new BetaBernoulli(a, b).Mode);
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.5, 0.3)]
    public void No_unique_mode_throws(double a, double b)
    {
        Assert.Throws<InvalidOperationException>(() => new BetaBernoulli(a, b).Mode);
    }

    [Fact]
    public void With_the_uniform_prior_the_MAP_is_the_MLE()
    {
        Assert.Equal(BetaBernoulli.MaximumLikelihood(7, 3), new BetaBernoulli(1, 1).Update(7, 3).Mode, 15);
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new BetaBernoulli(0, 1)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new BetaBernoulli(1, double.NaN)).ParamName);
        Assert.Equal("tails", Assert.Throws<ArgumentOutOfRangeException>(() => new BetaBernoulli(1, 1).Update(2, -1)).ParamName);
        Assert.Equal("heads", Assert.Throws<ArgumentOutOfRangeException>(() => BetaBernoulli.MaximumLikelihood(-1, 3)).ParamName);
        Assert.Equal("heads", Assert.Throws<ArgumentException>(() => BetaBernoulli.MaximumLikelihood(0, 0)).ParamName);
    }
}
