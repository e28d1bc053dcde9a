using MLCourse.Optimization;

namespace MLCourse.Tests.Optimization;

public class AdamWTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Without_a_loss_gradient_the_decay_is_geometric()
    {
        var adamw = new AdamW(lr: 0.1, weightDecay: 0.2);
        var p = V(3.0, -1.0);
        for (var t = 0; t < 25; t++) adamw.Step(p, V(0.0, 0.0));

        Assert.Equal(3.0 * Math.Pow(1 - 0.02, 25), p[0], 14);
        Assert.Equal(-1.0 * Math.Pow(1 - 0.02, 25), p[1], 14);
    }

    [Fact]
    public void Adam_with_l2_instead_moves_by_about_lr_whatever_the_decay()
    {
        foreach (var decay in new[] { 1e-3, 0.2, 10.0 })
        {
            var p = V(3.0);
            new Adam(lr: 0.1, weightDecay: decay).Step(p, V(0.0));
            Assert.Equal(3.0 - 0.1 * (3 * decay) / (3 * decay + 1e-8), p[0], 1e-14);   // g = λθ is normalised away: a step of α·sign(θ)
        }
    }

    [Fact]
    public void Zero_weight_decay_is_adam()
    {
        var (adamw, adam) = (new AdamW(lr: 0.01, weightDecay: 0), new Adam(lr: 0.01));
        var (p, q) = (V(1.0, 2.0), V(1.0, 2.0));
        for (var t = 0; t < 20; t++)
        {
            var g = V(Math.Cos(t), -Math.Sin(2 * t));
            adamw.Step(p, g);
            adam.Step(q, g);
        }

        Assert.Equal(q, p);
    }

    [Fact]
    public void Decay_uses_the_current_learning_rate()
    {
        var adamw = new AdamW(lr: 0.1, weightDecay: 0.5);
        var p = V(2.0);
        adamw.LearningRate = 0.4;
        adamw.Step(p, V(0.0));

        Assert.Equal(2.0 * (1 - 0.4 * 0.5), p[0], 15);
    }

    [Fact]
    public void Defaults_are_pytorchs()
    {
        var adamw = new AdamW();

        Assert.Equal((1e-3, 0.9, 0.999, 1e-8, 1e-2), (adamw.LearningRate, adamw.Beta1, adamw.Beta2, adamw.Eps, adamw.WeightDecay));
    }
}
