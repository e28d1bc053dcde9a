using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Normalization;

/// <summary>
/// Root-mean-square normalization of each row (LLaMA's norm, Zhang and Sennrich 2019):
/// y = γ ⊙ x / √(mean(x²) + ε), with mean(x²) = Σ_j x_j²/d. Unlike <see cref="LayerNorm"/> it subtracts no mean and
/// has no β: d parameters instead of 2d, one reduction per row instead of two. It equals LayerNorm (with β = 0) on rows
/// whose mean is 0, and, since mean(x²) = σ² + μ², it divides by at least the standard deviation.
/// Same numbers as LLaMA's reference <c>x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight</c>.
/// Introduced in notebook 04 (04-batch-normalization).
/// </summary>
/// <remarks>Rows are independent; an all-zero row gives 0. Initially γ = 1; the vector is live.</remarks>
public sealed class RMSNorm : NormalizationLayer
{
    /// <summary>Creates the layer with γ = 1.</summary>
    /// <param name="normalizedSize">d, the number of features per row. Range: ≥ 1.</param>
    /// <param name="eps">ε added to mean(x²). Range: finite, &gt; 0. Default 1e-6, the value in LLaMA's reference code.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public RMSNorm(int normalizedSize, double eps = 1e-6) : base(normalizedSize, nameof(normalizedSize), eps) =>
        NormalizedSize = normalizedSize;

    /// <summary>d, the number of features each row is normalised over.</summary>
    public int NormalizedSize { get; }


    /// <summary>y = γ ⊙ x/√(mean(x²) + ε) for every row of <paramref name="x"/> (N×d).</summary>
    /// <returns>A new N×d matrix.</returns>
    /// <exception cref="ArgumentException">x does not have d columns (both shapes are named).</exception>
    public Matrix<double> Forward(Matrix<double> x)
    {
        Guard.Columns(x, NormalizedSize, nameof(x), "normalizedSize");
        var y = Matrix<double>.Build.Dense(x.RowCount, NormalizedSize);
        for (var i = 0; i < x.RowCount; i++)
        {
            var row = x.Row(i);
            var meanSquare = row.DotProduct(row) / NormalizedSize;
            y.SetRow(i, row.PointwiseMultiply(Gamma) / Math.Sqrt(meanSquare + Eps));
        }
        return y;
    }
}
