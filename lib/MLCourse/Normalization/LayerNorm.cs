using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Normalization;

/// <summary>
/// Layer normalization of each row (one token or one sample) over its d features, the same numbers as
/// <c>torch.nn.functional.layer_norm(x, (d,), gamma, beta, eps)</c> and <c>torch.nn.LayerNorm(d)</c>:
/// μ = Σ_j x_j/d, σ² = Σ_j (x_j − μ)²/d (biased), x̂ = (x − μ)·rstd with rstd = 1/√(σ² + ε), y = γ⊙x̂ + β.
/// Introduced in notebook 04 (04-batch-normalization), with its hand-derived <see cref="Backward"/>.
/// </summary>
/// <remarks>
/// Rows are independent: no statistic crosses the batch, so training and evaluation are the same computation and a
/// batch of one row is fine. A constant row has σ² = 0, x̂ = 0 and y = β. In a Transformer the rows are tokens and d
/// is the model width (the last dimension of a [batch, seq, d] tensor); for a CNN's "LayerNorm over C·H·W" flatten
/// each sample to one row. Parameters: γ and β, 2d in all. Initially γ = 1, β = 0; the vectors are live.
/// </remarks>
public sealed class LayerNorm : NormalizationLayer
{
    /// <summary>Creates the layer with γ = 1 and β = 0.</summary>
    /// <param name="normalizedSize">d, the number of features per row. Range: ≥ 1.</param>
    /// <param name="eps">ε added to the variance. Range: finite, &gt; 0. PyTorch's default 1e-5.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public LayerNorm(int normalizedSize, double eps = 1e-5) : base(normalizedSize, nameof(normalizedSize), eps)
    {
        NormalizedSize = normalizedSize;
        Beta = Vector<double>.Build.Dense(normalizedSize);
    }

    /// <summary>d, the number of features each row is normalised over.</summary>
    public int NormalizedSize { get; }

    /// <summary>β, the learnable per-feature shift (length d, initially 0). Live.</summary>
    public Vector<double> Beta { get; }

    /// <summary>y = γ⊙x̂ + β for every row of <paramref name="x"/> (N×d).</summary>
    /// <returns>A new N×d matrix.</returns>
    /// <exception cref="ArgumentException">x does not have d columns (both shapes are named).</exception>
    public Matrix<double> Forward(Matrix<double> x)
    {
        Guard.Columns(x, NormalizedSize, nameof(x), "normalizedSize");
        var y = Matrix<double>.Build.Dense(x.RowCount, NormalizedSize);
        var normalized = new double[NormalizedSize];
        for (var i = 0; i < x.RowCount; i++)
        {
            Moments.Standardize(x.Row(i).ToArray(), normalized, Eps);
            for (var j = 0; j < NormalizedSize; j++) y[i, j] = normalized[j] * Gamma[j] + Beta[j];
        }
        return y;
    }

    /// <summary>
    /// The backward pass of <see cref="Forward"/>: given x and the upstream gradient dy = ∂L/∂y (both N×d), returns
    /// ∂L/∂x, ∂L/∂γ and ∂L/∂β. Per row, with dnorm = γ⊙dy (the llm.c form derived in notebook 04):
    /// dx = rstd·(dnorm − mean(dnorm) − x̂·mean(dnorm⊙x̂)); summed over rows, dγ = Σ dy⊙x̂ and dβ = Σ dy.
    /// Each row of dx sums to 0 (LayerNorm ignores a shift of its input).
    /// </summary>
    /// <exception cref="ArgumentException">x does not have d columns, or dy does not have x's shape.</exception>
    public (Matrix<double> Dx, Vector<double> DGamma, Vector<double> DBeta) Backward(Matrix<double> x, Matrix<double> dy)
    {
        Guard.Columns(x, NormalizedSize, nameof(x), "normalizedSize");
        Guard.SameShape(x, nameof(x), dy, nameof(dy));
        var dx = Matrix<double>.Build.Dense(x.RowCount, NormalizedSize);
        var (dGamma, dBeta) = (Vector<double>.Build.Dense(NormalizedSize), Vector<double>.Build.Dense(NormalizedSize));
        var (normalized, dnorm, dxRow) = (new double[NormalizedSize], new double[NormalizedSize], new double[NormalizedSize]);
        for (var i = 0; i < x.RowCount; i++)
        {
            var rstd = Moments.Standardize(x.Row(i).ToArray(), normalized, Eps);
            for (var j = 0; j < NormalizedSize; j++)
            {
                var upstream = dy[i, j];
                dBeta[j] += upstream;
                dGamma[j] += upstream * normalized[j];
                dnorm[j] = upstream * Gamma[j];
            }
            Moments.StandardizeBackward(normalized, rstd, dnorm, dxRow);
            dx.SetRow(i, dxRow);
        }
        return (dx, dGamma, dBeta);
    }
}
