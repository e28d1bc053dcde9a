using MLCourse.Optimization;

namespace MLCourse.Tests.Optimization;

public class AdaGradTests
{
    [Fact]
    public void Effective_learning_rate_is_lr_over_sqrt_t_for_a_constant_gradient()
    {
        var adagrad = new AdaGrad(lr: 0.5);
        var p = Vector<double>.Build.Dense(2);
        var g = Vector<double>.Build.DenseOfArray([2.0, -0.5]);
        Assert.Null(adagrad.EffectiveLearningRate);

        for (var t = 1; t <= 100; t++)
        {
            adagrad.Step(p, g);
            for (var i = 0; i < 2; i++)
                Assert.Equal(0.5 / (Math.Abs(g[i]) * Math.Sqrt(t) + 1e-10), adagrad.EffectiveLearningRate![i], 14);
        }
        Assert.Equal(100 * 4.0, adagrad.SumOfSquares![0], 10);
    }

    [Fact]
    public void Every_coordinate_moves_by_lr_at_the_first_step()
    {
        var p = Vector<double>.Build.Dense(3);
        new AdaGrad(lr: 0.1).Step(p, Vector<double>.Build.DenseOfArray([1e3, -1e-3, 0.0]));

        Assert.Equal(-0.1, p[0], 12);
        Assert.Equal(0.1, p[1], 6);   // 1e-3 against eps = 1e-10: relative error 1e-7
        Assert.Equal(0.0, p[2]);      // 0/(0 + eps) = 0, no NaN
    }

    [Fact]
    public void Lr_decay_and_initial_accumulator_follow_pytorch()
    {
        var adagrad = new AdaGrad(lr: 1.0, lrDecay: 0.5, initialAccumulatorValue: 3.0);
        var p = Vector<double>.Build.Dense(1);
        adagrad.Step(p, Vector<double>.Build.Dense(1, 1.0));   // G = 4, step 1·1/2
        adagrad.Step(p, Vector<double>.Build.Dense(1, 3.0));   // G = 13, lr 1/1.5

        Assert.Equal(-1.0 / (2 + 1e-10) - 3.0 / 1.5 / (Math.Sqrt(13) + 1e-10), p[0], 1e-15);
    }

    [Theory]
    [InlineData(-1.0, 0, 0, 0, 1e-10, "lr")]
    [InlineData(0.1, -0.1, 0, 0, 1e-10, "lrDecay")]
    [InlineData(0.1, 0, -0.1, 0, 1e-10, "weightDecay")]
    [InlineData(0.1, 0, 0, -1.0, 1e-10, "initialAccumulatorValue")]
    [InlineData(0.1, 0, 0, 0, 0.0, "eps")]
    [InlineData(0.1, 0, 0, 0, -1e-10, "eps")]
    [InlineData(0.1, 0, 0, 0, double.NaN, "eps")]
    public void Rejects_invalid_hyper_parameters(double lr, double lrDecay, double weightDecay, double initial, double eps, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AdaGrad(lr, lrDecay, weightDecay, initial, eps));

        Assert.Equal(name, e.ParamName);
        Assert.StartsWith(name + " must be", e.Message);
    }
}
