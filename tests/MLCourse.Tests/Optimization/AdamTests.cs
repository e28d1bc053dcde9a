using MLCourse.Optimization;

namespace MLCourse.Tests.Optimization;

public class AdamTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Theory]
    [InlineData(1e-6)]
    [InlineData(1.0)]
    [InlineData(1e6)]
    public void First_step_is_lr_times_sign_of_g_whatever_its_scale(double scale)
    {
        var p = V(0.0, 0.0);
        new Adam(lr: 0.01).Step(p, V(scale, -3 * scale));

        Assert.Equal(-0.01 * scale / (scale + 1e-8), p[0], 15);
        Assert.Equal(0.01 * 3 * scale / (3 * scale + 1e-8), p[1], 15);
    }

    [Fact]
    public void Constant_gradient_gives_steps_of_exactly_lr()
    {
        var adam = new Adam(lr: 0.1);
        var p = V(5.0);
        for (var t = 1; t <= 50; t++)
        {
            var before = p[0];
            adam.Step(p, V(2.0));
            Assert.Equal(-0.1 * 2.0 / (2.0 + 1e-8), p[0] - before, 1e-14);   // m̂ = g and v̂ = g² (exact arithmetic)
        }
        Assert.Equal(2.0 * (1 - Math.Pow(0.9, 50)), adam.FirstMoment![0], 12);
        Assert.Equal(4.0 * (1 - Math.Pow(0.999, 50)), adam.SecondMoment![0], 12);
    }

    [Fact]
    public void Weight_decay_is_l2_added_to_the_gradient()
    {
        var (decayed, manual) = (new Adam(lr: 0.01, weightDecay: 0.3), new Adam(lr: 0.01));
        var (p, q) = (V(1.0, -2.0), V(1.0, -2.0));
        for (var t = 0; t < 10; t++)
        {
            var g = V(Math.Sin(t), 0.1 * t);
            var withL2 = g + 0.3 * q;
            decayed.Step(p, g);
            manual.Step(q, withL2);
        }

        for (var i = 0; i < 2; i++) Assert.Equal(q[i], p[i], 15);
    }

    [Fact]
    public void Zero_gradient_coordinates_stay_exactly_put()
    {
        var p = V(1.5, 2.0);
        var adam = new Adam();
        for (var t = 0; t < 10; t++) adam.Step(p, V(0.0, 1.0));

        Assert.Equal(1.5, p[0]);
        Assert.Equal(0.0, adam.SecondMoment![0]);
    }

    [Theory]
    [InlineData(-1e-3, 0.9, 0.999, 1e-8, 0, "lr")]
    [InlineData(1e-3, -0.1, 0.999, 1e-8, 0, "beta1")]
    [InlineData(1e-3, 1.2, 0.999, 1e-8, 0, "beta1")]
    [InlineData(1e-3, 1.0, 0.999, 1e-8, 0, "beta1")]
    [InlineData(1e-3, double.NaN, 0.999, 1e-8, 0, "beta1")]
    [InlineData(1e-3, 0.9, -0.5, 1e-8, 0, "beta2")]
    [InlineData(1e-3, 0.9, 1.0, 1e-8, 0, "beta2")]
    [InlineData(1e-3, 0.9, 0.999, 0.0, 0, "eps")]
    [InlineData(1e-3, 0.9, 0.999, -1e-8, 0, "eps")]
    [InlineData(1e-3, 0.9, 0.999, double.NaN, 0, "eps")]
    [InlineData(1e-3, 0.9, 0.999, 1e-8, -0.01, "weightDecay")]
    public void Adam_and_AdamW_reject_invalid_hyper_parameters(double lr, double beta1, double beta2, double eps, double weightDecay, string name)
    {
        var adam = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(lr, beta1, beta2, eps, weightDecay));
        var adamw = Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(lr, beta1, beta2, eps, weightDecay));

        foreach (var e in new[] { adam, adamw })
        {
            Assert.Equal(name, e.ParamName);
            Assert.StartsWith(name + " must be", e.Message);
        }
    }

    [Fact]
    public void Defaults_are_pytorchs()
    {
        var adam = new Adam();

        Assert.Equal((1e-3, 0.9, 0.999, 1e-8, 0.0), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Eps, adam.WeightDecay));
    }
}
