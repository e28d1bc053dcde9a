using MLCourse.Alignment;

namespace MLCourse.Tests.Alignment;

public class PpoTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Clipping_flattens_the_objective_beyond_one_plus_or_minus_epsilon()
    {
        Assert.Equal(1.2 * 2, Ppo.ClippedSurrogate(V(1.7), V(2)), 15);       // A > 0: capped at (1 + ε)A
        Assert.Equal(1.3 * 2, Ppo.ClippedSurrogate(V(1.3), V(2), 0.4), 15);  // inside the range: ρA
        Assert.Equal(0.8 * -2, Ppo.ClippedSurrogate(V(0.3), V(-2)), 15);     // A < 0: capped at (1 − ε)A
        Assert.Equal(1.7 * -2, Ppo.ClippedSurrogate(V(1.7), V(-2)), 15);     // A < 0 and ρ large: the pessimistic ρA stays
        Assert.Equal(0.0, Ppo.ClippedSurrogateGradient(V(1.7), V(2))[0]);
        Assert.Equal(-2.0, Ppo.ClippedSurrogateGradient(V(1.7), V(-2))[0]);
        Assert.Equal(2.0, Ppo.ClippedSurrogateGradient(V(0.5), V(2))[0]);   // A > 0 and ρ small: ρA is the minimum
    }

    [Fact]
    public void Gradient_matches_finite_differences_away_from_the_kinks()
    {
        var (ratios, advantages) = (V(0.5, 0.95, 1.1, 1.6, 0.7, 1.3), V(1, -2, 0.5, 1.5, -1, -0.5));
        Assert.True((Ppo.ClippedSurrogateGradient(ratios, advantages) - FiniteDifference.Gradient(r => Ppo.ClippedSurrogate(r, advantages), ratios)).InfinityNorm() < 1e-9);
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        Assert.Equal("ratios", Assert.Throws<ArgumentException>(() => Ppo.ClippedSurrogate(V(), V())).ParamName);
        Assert.Equal("advantages", Assert.Throws<ArgumentException>(() => Ppo.ClippedSurrogate(V(1, 2), V(1))).ParamName);
        Assert.Equal("ratios", Assert.Throws<ArgumentOutOfRangeException>(() => Ppo.ClippedSurrogate(V(-0.1), V(1))).ParamName);
        Assert.Equal("advantages", Assert.Throws<ArgumentOutOfRangeException>(() => Ppo.ClippedSurrogateGradient(V(1), V(double.NaN))).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => Ppo.ClippedSurrogate(V(1), V(1), 0)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => Ppo.ClippedSurrogate(V(1), V(1), 1)).ParamName);
    }
}
