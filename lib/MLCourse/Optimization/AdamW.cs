namespace MLCourse.Optimization;

/// <summary>
/// AdamW, Adam with decoupled weight decay (Loshchilov and Hutter 2019), exactly as <c>torch.optim.AdamW</c>: first
/// θ ← θ·(1 − αλ), then the Adam step with the raw loss gradient (see <see cref="AdamBase"/>). The decay shrinks every
/// coordinate by the same factor, whatever its gradient history. Introduced in notebook 05 (05-optimizers).
/// </summary>
public sealed class AdamW : AdamBase
{
    /// <summary>Creates the optimizer with PyTorch's defaults (note the default weightDecay = 1e-2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">lr or weightDecay &lt; 0, a beta outside [0, 1), or eps ≤ 0 (the message names it).</exception>
    public AdamW(double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 1e-2)
        : base(lr, beta1, beta2, eps, weightDecay, decoupled: true)
    {
    }
}
