using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Regularization;

/// <summary>
/// The proximal operator of the L1 norm, the building block of the lasso. Introduced in notebook 06 (L1 and L2
/// regularization), where it is derived as the minimiser of ½(w − z)² + λ|w|.
/// </summary>
public static class L1
{
    /// <summary>
    /// Soft-thresholding S(z, λ) = sign(z)·max(|z| − λ, 0): the unique minimiser of ½(w − z)² + λ|w|. Values with
    /// |z| ≤ λ become exactly 0; the others move towards 0 by exactly λ.
    /// </summary>
    /// <remarks>Range: λ ≥ 0 and finite; λ = 0 returns z. NaN in z stays NaN; ±∞ stays ±∞.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is negative, infinite or NaN.</exception>
    public static double SoftThreshold(double z, double threshold)
    {
        Guard.NonNegative(threshold, nameof(threshold));
        return Shrink(z, threshold);
    }

    /// <summary>
    /// Soft-thresholding of each entry: S(x, λ)_i = sign(x_i)·max(|x_i| − λ, 0), the minimiser of
    /// ½‖w − x‖² + λ‖w‖₁ (the problem separates into one 1-D problem per entry). Returns a new vector.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is negative, infinite or NaN.</exception>
    public static Vector<double> SoftThreshold(Vector<double> x, double threshold)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.NonNegative(threshold, nameof(threshold));
        return x.Map(z => Shrink(z, threshold));
    }

    /// <summary>The unchecked kernel shared with coordinate descent; exact 0 (not −0) inside the dead zone.</summary>
    internal static double Shrink(double z, double threshold) =>
        z > threshold ? z - threshold : z < -threshold ? z + threshold : double.IsNaN(z) ? double.NaN : 0.0;
}
