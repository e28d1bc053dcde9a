using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Losses;

public static partial class Loss
{
    /// <summary>
    /// Mean squared error (<c>F.mse_loss</c>): (1/N)·Σ r_i² with residual r = prediction − target. Its gradient 2r/N grows
    /// with the residual, so one outlier can dominate a batch; the constant that minimises it is the mean of the targets.
    /// </summary>
    /// <param name="prediction">Predictions (length N ≥ 1).</param>
    /// <param name="target">Targets, the same length.</param>
    /// <exception cref="ArgumentException">The lengths differ or a vector is empty.</exception>
    public static double MeanSquaredError(Vector<double> prediction, Vector<double> target) =>
        Residuals(prediction, target).Sum(r => r * r) / prediction.Count;

    /// <summary>∂<see cref="MeanSquaredError"/>/∂prediction = 2r/N.</summary>
    /// <inheritdoc cref="MeanSquaredError"/>
    public static Vector<double> MeanSquaredErrorGradient(Vector<double> prediction, Vector<double> target) =>
        Residuals(prediction, target) * (2.0 / prediction.Count);

    /// <summary>
    /// Mean absolute error (<c>F.l1_loss</c>): (1/N)·Σ |r_i|. Its gradient sign(r)/N has the same size for every residual
    /// (outliers pull no harder than anything else, but it does not shrink near the optimum either); the constant that
    /// minimises it is a median of the targets.
    /// </summary>
    /// <inheritdoc cref="MeanSquaredError"/>
    public static double MeanAbsoluteError(Vector<double> prediction, Vector<double> target) =>
        Residuals(prediction, target).Sum(Math.Abs) / prediction.Count;

    /// <summary>∂<see cref="MeanAbsoluteError"/>/∂prediction = sign(r)/N, with sign(0) = 0 (as autograd gives).</summary>
    /// <inheritdoc cref="MeanSquaredError"/>
    public static Vector<double> MeanAbsoluteErrorGradient(Vector<double> prediction, Vector<double> target) =>
        Residuals(prediction, target).Map(r => (double)Math.Sign(r)) / prediction.Count;

    /// <summary>
    /// Huber loss (<c>F.huber_loss</c>): the mean of ½r² for |r| &lt; δ and δ(|r| − ½δ) beyond, quadratic near 0 and linear
    /// in the tails, with a continuous derivative clip(r, −δ, δ). PyTorch's <c>smooth_l1_loss</c> with β = δ is this divided by δ.
    /// </summary>
    /// <param name="prediction">Predictions (length N ≥ 1).</param>
    /// <param name="target">Targets, the same length.</param>
    /// <param name="delta">Threshold δ &gt; 0 between the quadratic and the linear part.</param>
    /// <exception cref="ArgumentException">The lengths differ, a vector is empty, or δ ≤ 0.</exception>
    public static double Huber(Vector<double> prediction, Vector<double> target, double delta = 1.0)
    {
        var residuals = Residuals(prediction, target);
        Guard.Positive(delta, nameof(delta));
        return residuals.Sum(r => Math.Abs(r) < delta ? 0.5 * r * r : delta * (Math.Abs(r) - 0.5 * delta)) / prediction.Count;
    }

    /// <summary>∂<see cref="Huber"/>/∂prediction = clip(r, −δ, δ)/N: an outlier's pull is capped at δ.</summary>
    /// <inheritdoc cref="Huber"/>
    public static Vector<double> HuberGradient(Vector<double> prediction, Vector<double> target, double delta = 1.0)
    {
        var residuals = Residuals(prediction, target);
        Guard.Positive(delta, nameof(delta));
        return residuals.Map(r => Math.Clamp(r, -delta, delta)) / prediction.Count;
    }

    /// <summary>
    /// Log-cosh loss (Keras <c>log_cosh</c>): the mean of log cosh(r), ≈ r²/2 for small r and ≈ |r| − log 2 for large r,
    /// smooth everywhere, with gradient tanh(r). Computed as log1p(2 sinh²(r/2)) for |r| &lt; 20 (cosh r − 1 without
    /// cancellation, so tiny residuals keep their digits) and as |r| + log1p(e^(−2|r|)) − log 2 beyond, finite for any
    /// residual (cosh itself overflows beyond |r| ≈ 710).
    /// </summary>
    /// <inheritdoc cref="MeanSquaredError"/>
    public static double LogCosh(Vector<double> prediction, Vector<double> target) =>
        Residuals(prediction, target).Sum(LogCoshOf) / prediction.Count;

    /// <summary>∂<see cref="LogCosh"/>/∂prediction = tanh(r)/N, bounded by 1/N like the MAE's.</summary>
    /// <inheritdoc cref="MeanSquaredError"/>
    public static Vector<double> LogCoshGradient(Vector<double> prediction, Vector<double> target) =>
        Residuals(prediction, target).Map(Math.Tanh) / prediction.Count;

    private static double LogCoshOf(double r)
    {
        var a = Math.Abs(r);
        if (a >= 20) return a + FloatingPoint.Log1p(Math.Exp(-2 * a)) - Math.Log(2);
        var sinh = Math.Sinh(a / 2);
        return FloatingPoint.Log1p(2 * sinh * sinh);
    }

    /// <summary>prediction − target, after checking both are non-empty and of the same length.</summary>
    private static Vector<double> Residuals(Vector<double> prediction, Vector<double> target)
    {
        ValidatePair(prediction, nameof(prediction), target, nameof(target));
        return prediction - target;
    }
}
