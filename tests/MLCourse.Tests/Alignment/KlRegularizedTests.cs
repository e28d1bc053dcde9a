using MLCourse.Alignment;

namespace MLCourse.Tests.Alignment;

public class KlRegularizedTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static readonly Vector<double> Reference = V(0.1, 0.2, 0.3, 0.4);
    private static readonly Vector<double> Rewards = V(1.0, -0.5, 0.3, 0.8);

    [Fact]
    public void The_optimum_is_the_reference_tilted_by_exp_r_over_beta()
    {
        const double beta = 0.7;
        var tilted = Reference.PointwiseMultiply(Rewards.Map(r => Math.Exp(r / beta)));
        var optimum = KlRegularized.OptimalPolicy(Reference, Rewards, beta);

        Assert.True((optimum - tilted / tilted.Sum()).InfinityNorm() < 1e-15);
        Assert.Equal(beta * Math.Log(tilted.Sum()), KlRegularized.OptimalValue(Reference, Rewards, beta), 14);
        Assert.Equal(KlRegularized.OptimalValue(Reference, Rewards, beta), KlRegularized.Objective(optimum, Reference, Rewards, beta), 14);
    }

    [Fact]
    public void Every_policy_falls_short_of_the_optimum_by_beta_times_its_kl_to_it()
    {
        const double beta = 0.4;
        var optimum = KlRegularized.OptimalPolicy(Reference, Rewards, beta);
        var value = KlRegularized.OptimalValue(Reference, Rewards, beta);
        var random = Rng.Create(4);
        for (var trial = 0; trial < 50; trial++)
        {
            var policy = MLCourse.Activations.Softmax.Apply(Rng.StandardNormal(4, random) * 2);
            var objective = KlRegularized.Objective(policy, Reference, Rewards, beta);
            Assert.Equal(value - beta * Information.KLDivergence(policy, optimum), objective, 13);
            Assert.True(objective <= value + 1e-15);
        }
    }

    [Fact]
    public void Small_beta_picks_the_best_response_and_large_beta_keeps_the_reference()
    {
        Assert.Equal(1.0, KlRegularized.OptimalPolicy(Reference, Rewards, 1e-3)[0], 12);
        Assert.True((KlRegularized.OptimalPolicy(Reference, Rewards, 1e6) - Reference).InfinityNorm() < 1e-6);
        Assert.Equal(Rewards.Maximum(), KlRegularized.OptimalValue(Reference, Rewards, 1e-3), 2);
        Assert.Equal(Reference.DotProduct(Rewards), KlRegularized.OptimalValue(Reference, Rewards, 1e6), 5);
    }

    [Fact]
    public void Responses_the_reference_rules_out_stay_at_zero()
    {
        var reference = V(0.5, 0, 0.5);
        var optimum = KlRegularized.OptimalPolicy(reference, V(0, 100, 1), 0.1);

        Assert.Equal(0, optimum[1]);
        Assert.Equal(double.NegativeInfinity, KlRegularized.Objective(V(0, 1, 0), reference, V(0, 100, 1), 0.1));
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => KlRegularized.OptimalPolicy(V(0.5, 0.6), V(0, 0), 1)).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => KlRegularized.OptimalPolicy(V(1.5, -0.5), V(0, 0), 1)).ParamName);
        Assert.Equal("rewards", Assert.Throws<ArgumentException>(() => KlRegularized.OptimalPolicy(V(0.5, 0.5), V(0), 1)).ParamName);
        Assert.Equal("rewards", Assert.Throws<ArgumentException>(() => KlRegularized.OptimalValue(V(0.5, 0.5), V(0, double.PositiveInfinity), 1)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => KlRegularized.OptimalPolicy(V(0.5, 0.5), V(0, 1), 0)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => KlRegularized.OptimalValue(V(0.5, 0.5), V(0, 1), double.NaN)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentException>(() => KlRegularized.Objective(V(0.2, 0.2), V(0.5, 0.5), V(0, 1), 1)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentException>(() => KlRegularized.Objective(V(1.0), V(0.5, 0.5), V(0, 1), 1)).ParamName);
    }
}
