using MLCourse.Optimization;

namespace MLCourse.Tests.Optimization;

public class RMSpropTests
{
    [Fact]
    public void First_step_is_lr_over_sqrt_one_minus_alpha_without_bias_correction()
    {
        var p = Vector<double>.Build.Dense(2);
        new RMSprop(lr: 0.01).Step(p, Vector<double>.Build.DenseOfArray([4.0, -0.25]));

        Assert.Equal(-0.01 * 4.0 / (Math.Sqrt(0.01 * 16.0) + 1e-8), p[0], 15);
        Assert.Equal(-0.1, p[0], 7);   // ≈ 10·lr·sign(g) for alpha = 0.99
        Assert.Equal(0.1, p[1], 6);
    }

    [Fact]
    public void Effective_learning_rate_settles_at_lr_over_rms_gradient()
    {
        var rmsprop = new RMSprop(lr: 0.01, alpha: 0.9);
        var p = Vector<double>.Build.Dense(1);
        for (var t = 0; t < 500; t++) rmsprop.Step(p, Vector<double>.Build.Dense(1, 2.0));

        Assert.Equal(4.0, rmsprop.SquareAverage![0], 12);
        Assert.Equal(0.01 / (2.0 + 1e-8), rmsprop.EffectiveLearningRate![0], 14);
    }

    [Fact]
    public void A_coordinate_with_zero_gradients_stays_put()
    {
        var p = Vector<double>.Build.DenseOfArray([1.0, 1.0]);
        var rmsprop = new RMSprop(centered: true, momentum: 0.5);
        for (var t = 0; t < 5; t++) rmsprop.Step(p, Vector<double>.Build.DenseOfArray([0.0, 1.0]));

        Assert.Equal(1.0, p[0]);
        Assert.True(double.IsFinite(p[1]));
    }

    [Theory]
    [InlineData(-0.01, 0.99, 1e-8, 0, 0, "lr")]
    [InlineData(0.01, -0.1, 1e-8, 0, 0, "alpha")]
    [InlineData(0.01, 1.0, 1e-8, 0, 0, "alpha")]
    [InlineData(0.01, 0.99, 0.0, 0, 0, "eps")]
    [InlineData(0.01, 0.99, -1e-8, 0, 0, "eps")]
    [InlineData(0.01, 0.99, 1e-8, -0.1, 0, "weightDecay")]
    [InlineData(0.01, 0.99, 1e-8, 0, -0.5, "momentum")]
    [InlineData(0.01, 0.99, 1e-8, 0, 1.0, "momentum")]
    public void Rejects_invalid_hyper_parameters(double lr, double alpha, double eps, double weightDecay, double momentum, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RMSprop(lr, alpha, eps, weightDecay, momentum));

        Assert.Equal(name, e.ParamName);
        Assert.StartsWith(name + " must be", e.Message);
    }
}
