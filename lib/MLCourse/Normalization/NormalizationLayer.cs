using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Normalization;

/// <summary>
/// What every normalization layer of this namespace has: the ε added to the variance (or mean square) before the
/// square root, and the learnable per-feature scale γ, created as 1 like PyTorch's. The layers that also shift
/// (all but <see cref="RMSNorm"/>) add β. Introduced in notebook 04 (04-batch-normalization).
/// </summary>
public abstract class NormalizationLayer
{
    /// <summary>Validates the layer's size and ε and creates γ = 1.</summary>
    /// <param name="size">The number of features (or channels) that get their own γ. Range: ≥ 1.</param>
    /// <param name="sizeName">The derived constructor's name for <paramref name="size"/>, used in the error message.</param>
    /// <param name="eps">ε. Range: finite, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">size &lt; 1, or eps is not a finite number &gt; 0.</exception>
    private protected NormalizationLayer(int size, string sizeName, double eps)
    {
        Guard.Positive(size, sizeName);
        Guard.Positive(eps, nameof(eps));
        Eps = eps;
        Gamma = Vector<double>.Build.Dense(size, 1.0);
    }

    /// <summary>ε, added to the variance (RMSNorm: the mean square) before the square root.</summary>
    public double Eps { get; }

    /// <summary>γ, the learnable scale: one entry per feature (per channel for BatchNorm and GroupNorm), initially 1.
    /// Live: writing into it changes the layer, as training would.</summary>
    public Vector<double> Gamma { get; }
}
