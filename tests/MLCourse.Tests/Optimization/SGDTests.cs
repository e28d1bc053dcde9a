using MLCourse.Optimization;

namespace MLCourse.Tests.Optimization;

public class SGDTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Plain_step_is_theta_minus_lr_g()
    {
        var p = V(1.0, -2.0);
        new SGD(0.1).Step(p, V(3.0, -5.0));

        Assert.Equal(1.0 - 0.1 * 3.0, p[0], 15);
        Assert.Equal(-2.0 + 0.1 * 5.0, p[1], 15);
    }

    [Fact]
    public void Momentum_buffer_starts_at_the_first_gradient_then_accumulates()
    {
        var sgd = new SGD(0.1, momentum: 0.9, dampening: 0.5);
        Assert.Null(sgd.MomentumBuffer);
        var p = V(0.0);

        sgd.Step(p, V(2.0));
        Assert.Equal(2.0, sgd.MomentumBuffer![0]);   // not (1 − dampening)·g: PyTorch copies the first gradient
        sgd.Step(p, V(1.0));

        Assert.Equal(0.9 * 2.0 + 0.5 * 1.0, sgd.MomentumBuffer![0], 15);
        Assert.Equal(-0.1 * 2.0 - 0.1 * (0.9 * 2.0 + 0.5), p[0], 15);
    }

    [Fact]
    public void Momentum_equals_the_notes_form_v_gamma_v_plus_eta_g()
    {
        var sgd = new SGD(0.05, momentum: 0.9);
        var (p, theta, v) = (V(1.0, 2.0), V(1.0, 2.0), V(0.0, 0.0));
        for (var t = 0; t < 30; t++)
        {
            var g = V(Math.Sin(t), Math.Cos(3 * t));
            sgd.Step(p, g);
            v = 0.9 * v + 0.05 * g;
            theta -= v;
        }

        for (var i = 0; i < 2; i++) Assert.Equal(theta[i], p[i], 12);
    }

    [Fact]
    public void Nesterov_step_uses_g_plus_gamma_b()
    {
        var p = V(0.0);
        var sgd = new SGD(0.1, momentum: 0.5, nesterov: true);
        sgd.Step(p, V(1.0));   // b = 1, step = −0.1·(1 + 0.5·1)

        Assert.Equal(-0.15, p[0], 15);
    }

    [Fact]
    public void Weight_decay_is_added_to_the_gradient()
    {
        var p = V(2.0);
        new SGD(0.1, weightDecay: 0.5).Step(p, V(1.0));

        Assert.Equal(2.0 - 0.1 * (1.0 + 0.5 * 2.0), p[0], 15);
    }

    [Fact]
    public void Nesterov_needs_momentum_and_no_dampening()
    {
        var none = Assert.Throws<ArgumentException>(() => new SGD(0.1, nesterov: true));
        var damped = Assert.Throws<ArgumentException>(() => new SGD(0.1, momentum: 0.9, dampening: 0.1, nesterov: true));

        Assert.Equal("nesterov", none.ParamName);
        Assert.Contains("momentum = 0", none.Message);
        Assert.Equal("nesterov", damped.ParamName);
        Assert.Contains("dampening = 0.1", damped.Message);
    }

    [Theory]
    [InlineData(-0.1, 0, 0, 0, "lr")]
    [InlineData(double.NaN, 0, 0, 0, "lr")]
    [InlineData(0.1, -0.5, 0, 0, "momentum")]
    [InlineData(0.1, 1.0, 0, 0, "momentum")]
    [InlineData(0.1, 0.9, -0.1, 0, "dampening")]
    [InlineData(0.1, 0.9, 1.5, 0, "dampening")]
    [InlineData(0.1, 0.9, 0, -1e-4, "weightDecay")]
    [InlineData(0.1, 0.9, 0, double.PositiveInfinity, "weightDecay")]
    public void Rejects_invalid_hyper_parameters(double lr, double momentum, double dampening, double weightDecay, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SGD(lr, momentum, dampening, weightDecay));

        Assert.Equal(name, e.ParamName);
        Assert.StartsWith(name + " must be", e.Message);
    }
}
