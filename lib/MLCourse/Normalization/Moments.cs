using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Normalization;

/// <summary>The mean and the biased (divide-by-n) variance that every normalization layer computes over its group.</summary>
internal static class Moments
{
    /// <summary>
    /// Mean μ = Σx/n and biased variance σ² = Σ(x − μ)²/n of <paramref name="values"/>, in two passes (no cancellation
    /// from Σx² − nμ²). Range: at least one value; a single value has variance 0.
    /// </summary>
    public static (double Mean, double Variance) Of(Vector<double> values)
    {
        var n = values.Count;
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
}
