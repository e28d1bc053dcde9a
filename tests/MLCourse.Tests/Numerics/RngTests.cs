namespace MLCourse.Tests.Numerics;

public class RngTests
{
    [Fact]
    public void Same_seed_gives_the_same_numbers()
    {
        var a = Rng.StandardNormal(3, 4, Rng.Create(7));
        var b = Rng.StandardNormal(3, 4, Rng.Create(7));
        var c = Rng.StandardNormal(3, 4, Rng.Create(8));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Standard_normal_has_mean_0_and_variance_1()
    {
        var x = Rng.StandardNormal(200_000, Rng.Create(1));

        Assert.Equal(0.0, MathNet.Numerics.Statistics.Statistics.Mean(x), 2);
        Assert.Equal(1.0, MathNet.Numerics.Statistics.Statistics.Variance(x), 2);
    }

    [Fact]
    public void Sizes_must_be_positive()
    {
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => Rng.StandardNormal(0, 2, Rng.Create(1))).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => Rng.StandardNormal(-1, Rng.Create(1))).ParamName);
    }

    [Fact]
    public void Permutation_holds_each_index_once_and_is_uniform()
    {
        var random = Rng.Create(5);
        var firstPlace = new int[4];
        for (var run = 0; run < 8000; run++)
        {
            var p = Rng.Permutation(4, random);
            Assert.Equal([0, 1, 2, 3], p.Order());
            firstPlace[p[0]]++;
        }

        // Each index comes first with probability 1/4: count 2000, standard deviation √(8000·¼·¾) ≈ 39.
        Assert.All(firstPlace, count => Assert.InRange(count, 2000 - 4 * 39, 2000 + 4 * 39));
        Assert.Empty(Rng.Permutation(0, random));
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Rng.Permutation(-1, random)).ParamName);
    }

    [Fact]
    public void Uniform_lies_within_the_bound_and_has_variance_bound_squared_over_three()
    {
        var m = Rng.Uniform(300, 200, 0.5, Rng.Create(6));
        var v = Rng.Uniform(60_000, 2.0, Rng.Create(6));

        Assert.InRange(m.Enumerate().Min(), -0.5, -0.499);
        Assert.InRange(m.Enumerate().Max(), 0.499, 0.5);
        // 60 000 draws of U(−2, 2): mean 0 ± 4·√(4/3/60000) = 0.019, variance 4/3 ± ~1%.
        Assert.Equal(0.0, v.Average(), 1);
        Assert.InRange(v.Select(x => x * x).Average(), 4.0 / 3 * 0.985, 4.0 / 3 * 1.015);
        Assert.Equal(m, Rng.Uniform(300, 200, 0.5, Rng.Create(6)));
        Assert.Equal("bound", Assert.Throws<ArgumentOutOfRangeException>(() => Rng.Uniform(2, 2, 0, Rng.Create(1))).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => Rng.Uniform(0, 1, Rng.Create(1))).ParamName);
    }
}
