using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Normalization;

/// <summary>
/// What every normalization layer computes over its group: the mean and the biased (divide-by-n) variance, and, for
/// LayerNorm, <see cref="ResidualStack"/> and <see cref="BatchNorm1d.Backward"/> (over a feature's column of the batch),
/// the standardisation of a row and its backward pass, on plain spans.
/// </summary>
internal static class Moments
{
    /// <summary>
    /// Mean μ = Σx/n and biased variance σ² = Σ(x − μ)²/n of <paramref name="values"/>, in two passes (no cancellation
    /// from Σx² − nμ²). Range: at least one value; a single value has variance 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Mean, double Variance) Of(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        double sum = 0;
        for (var i = 0; i < n; i++) sum += values[i];
        var mean = sum / n;
        double squares = 0;
        for (var i = 0; i < n; i++)
        {
            var d = values[i] - mean;
            squares += d * d;
        }
        return (mean, squares / n);
    }

    /// <inheritdoc cref="Of(ReadOnlySpan{double})"/>
    public static (double Mean, double Variance) Of(Vector<double> values) => Of(Storage.Values(values));

    /// <summary>
    /// Writes x̂ = (x − μ)·rstd of one row into <paramref name="normalized"/> and returns rstd = 1/√(σ² + ε)
    /// (LayerNorm without γ and β). The spans have the same length ≥ 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Standardize(ReadOnlySpan<double> row, Span<double> normalized, double eps)
    {
        var (mean, variance) = Of(row);
        var rstd = 1 / Math.Sqrt(variance + eps);
        for (var j = 0; j < row.Length; j++) normalized[j] = (row[j] - mean) * rstd;
        return rstd;
    }

    /// <summary>
    /// The backward pass of <see cref="Standardize"/> for one row (the llm.c form derived in notebook 04): given x̂,
    /// rstd and dnorm = ∂L/∂x̂, writes dx = rstd·(dnorm − mean(dnorm) − x̂·mean(dnorm⊙x̂)) into <paramref name="dx"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void StandardizeBackward(ReadOnlySpan<double> normalized, double rstd, ReadOnlySpan<double> dnorm, Span<double> dx)
    {
        var d = normalized.Length;
        double sum = 0, projection = 0;
        for (var j = 0; j < d; j++)
        {
            sum += dnorm[j];
            projection += dnorm[j] * normalized[j];
        }
        var (mean, meanProjection) = (sum / d, projection / d);
        for (var j = 0; j < d; j++) dx[j] = rstd * (dnorm[j] - mean - normalized[j] * meanProjection);
    }
}
