using MLCourse.Alignment;

namespace MLCourse.Tests.Alignment;

public class DpoTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void At_the_reference_the_loss_is_log_2()
    {
        var (chosen, rejected) = (V(-12.5, -3), V(-8, -40));
        Assert.Equal(Math.Log(2), Dpo.Loss(chosen, rejected, chosen, rejected, 0.1), 15);
    }

    [Fact]
    public void At_the_kl_optimum_dpo_is_the_bradley_terry_loss_of_the_true_rewards()
    {
        const double beta = 0.3;
        var reference = V(0.1, 0.25, 0.4, 0.25);
        var rewards = V(0.9, -0.2, 0.1, 1.4);
        var optimum = KlRegularized.OptimalPolicy(reference, rewards, beta).PointwiseLog();
        var logReference = reference.PointwiseLog();
        foreach (var (w, l) in new[] { (0, 1), (3, 0), (2, 3), (1, 2) })
            Assert.Equal(BradleyTerry.Loss(V(rewards[w]), V(rewards[l])),
                Dpo.Loss(V(optimum[w]), V(optimum[l]), V(logReference[w]), V(logReference[l]), beta), 14);
        var implicitRewards = Dpo.ImplicitRewards(optimum, logReference, beta);
        Assert.True((implicitRewards - rewards - (implicitRewards[0] - rewards[0])).InfinityNorm() < 1e-14);   // r̂ = r − β log Z
    }

    [Fact]
    public void Shifting_both_log_probabilities_together_changes_nothing()
    {
        var (pc, pr, rc, rr) = (V(-5, -9), V(-7, -4), V(-6, -8), V(-6, -5));
        Assert.Equal(Dpo.Loss(pc, pr, rc, rr, 0.5), Dpo.Loss(pc - 3, pr - 3, rc, rr, 0.5), 13);
    }

    [Fact]
    public void Gradient_matches_finite_differences_with_and_without_label_smoothing()
    {
        var (pc, pr, rc, rr) = (V(-5, -9, -2), V(-7, -4, -3), V(-6, -8, -2.5), V(-6, -5, -2));
        foreach (var eps in new[] { 0.0, 0.2 })
        {
            var (gc, gr) = Dpo.LossGradient(pc, pr, rc, rr, 0.4, eps);
            Assert.True((gc - FiniteDifference.Gradient(x => Dpo.Loss(x, pr, rc, rr, 0.4, eps), pc)).InfinityNorm() < 1e-9);
            Assert.True((gr - FiniteDifference.Gradient(x => Dpo.Loss(pc, x, rc, rr, 0.4, eps), pr)).InfinityNorm() < 1e-9);
        }
    }

    [Fact]
    public void Label_smoothing_one_half_makes_the_loss_symmetric_in_the_two_responses()
    {
        var (pc, pr, rc, rr) = (V(-1), V(-30), V(-10), V(-10));
        var smoothed = Dpo.Loss(pc, pr, rc, rr, 0.1, 0.5);
        var swapped = Dpo.Loss(pr, pc, rr, rc, 0.1, 0.5);
        Assert.Equal(smoothed, swapped, 14);   // ε = 0.5: a label that is a coin flip
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        var (a, b) = (V(-1, -2), V(-3, -4));
        Assert.Equal("policyChosen", Assert.Throws<ArgumentException>(() => Dpo.Loss(V(), V(), V(), V(), 0.1)).ParamName);
        var lengths = Assert.Throws<ArgumentException>(() => Dpo.Loss(a, b, a, V(-1), 0.1));
        Assert.Equal("referenceRejected", lengths.ParamName);
        Assert.Contains("length 1", lengths.Message);
        Assert.Equal("policyRejected", Assert.Throws<ArgumentException>(() => Dpo.Loss(a, V(-1, 0.5), a, b, 0.1)).ParamName);
        Assert.Equal("referenceChosen", Assert.Throws<ArgumentException>(() => Dpo.Loss(a, b, V(double.NegativeInfinity, -1), b, 0.1)).ParamName);
        Assert.Equal("policyChosen", Assert.Throws<ArgumentException>(() => Dpo.Loss(V(double.NaN, -1), b, a, b, 0.1)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => Dpo.Loss(a, b, a, b, 0)).ParamName);
        Assert.Equal("labelSmoothing", Assert.Throws<ArgumentOutOfRangeException>(() => Dpo.Loss(a, b, a, b, 0.1, 0.6)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => Dpo.ImplicitRewards(a, b, -1)).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => Dpo.ImplicitRewards(a, V(-1), 1)).ParamName);
    }
}
