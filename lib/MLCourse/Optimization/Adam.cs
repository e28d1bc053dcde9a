namespace MLCourse.Optimization;

/// <summary>
/// Adam with L2 weight decay, exactly as <c>torch.optim.Adam</c> (amsgrad off): the decay is added to the gradient,
/// g ← g + λθ, before the moments, so it is rescaled by 1/(√v̂ + ε) like the loss gradient (see <see cref="AdamBase"/>
/// for the update). Introduced in notebook 05 (05-optimizers), which shows that this is NOT <see cref="AdamW"/>.
/// </summary>
public sealed class Adam : AdamBase
{
    /// <summary>Creates the optimizer with PyTorch's defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">lr or weightDecay &lt; 0, a beta outside [0, 1), or eps ≤ 0 (the message names it).</exception>
    public Adam(double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : base(lr, beta1, beta2, eps, weightDecay, decoupled: false)
    {
    }
}
