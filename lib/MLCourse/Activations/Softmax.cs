using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Activations;

/// <summary>
/// The softmax function p_i = exp(z_i) / Σ_j exp(z_j), computed stably as exp(z_i − max z) / Σ_j exp(z_j − max z)
/// (the same algorithm as <c>torch.softmax</c>). Introduced in notebook 01 (scaled dot-product attention).
/// </summary>
/// <remarks>
/// Range: logits may be any doubles, including −∞ (a masked entry, which gets probability exactly 0).
/// If every logit is −∞ the result is NaN in every entry, as in PyTorch: there is no distribution over an empty set.
/// </remarks>
public static class Softmax
{
    /// <summary>Softmax of one vector of logits. Shift-invariant: Apply(z + c) = Apply(z).</summary>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is empty.</exception>
    public static Vector<double> Apply(Vector<double> logits)
    {
        Guard.NotEmpty(logits, nameof(logits));
        var max = logits.Maximum();
        var exp = logits.Map(z => Math.Exp(z - max));
        return exp / exp.Sum();
    }

    /// <summary>Softmax of each row of <paramref name="logits"/> (torch.softmax(x, dim=-1)); each row of the result sums to 1.</summary>
    /// <exception cref="ArgumentException"><paramref name="logits"/> has no columns.</exception>
    public static Matrix<double> Rows(Matrix<double> logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.ColumnCount == 0)
            throw new ArgumentException($"logits is {Guard.Shape(logits)}: softmax needs at least one column.", nameof(logits));
        var result = Matrix<double>.Build.Dense(logits.RowCount, logits.ColumnCount);
        for (var i = 0; i < logits.RowCount; i++)
            result.SetRow(i, Apply(logits.Row(i)));
        return result;
    }

    /// <summary>
    /// The Jacobian ∂p_i/∂z_j = p_i(δ_ij − p_j), i.e. diag(p) − p pᵀ, written in terms of the softmax output
    /// <paramref name="probabilities"/>. It tends to the zero matrix as p tends to one-hot (saturation).
    /// </summary>
    public static Matrix<double> Jacobian(Vector<double> probabilities)
    {
        Guard.NotEmpty(probabilities, nameof(probabilities));
        return Matrix<double>.Build.DenseOfDiagonalVector(probabilities) - probabilities.OuterProduct(probabilities);
    }

    /// <summary>
    /// log softmax(z)_i = z_i − log Σ_j exp(z_j) (torch.log_softmax), computed with <see cref="LogSumExp"/>: finite
    /// wherever z_i is, even where softmax(z)_i underflows to 0 (softmax([0, −800]) has a second entry of exactly 0, whose log
    /// is −∞, while its log-softmax is −800). Used by the cross-entropy losses (notebook 09).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is empty.</exception>
    public static Vector<double> Log(Vector<double> logits)
    {
        var logSumExp = LogSumExp(logits);
        return logits - logSumExp;
    }

    /// <summary>log Σ_j exp(z_j), computed as max z + log Σ_j exp(z_j − max z) so it neither overflows nor underflows.</summary>
    public static double LogSumExp(Vector<double> logits)
    {
        Guard.NotEmpty(logits, nameof(logits));
        var max = logits.Maximum();
        if (double.IsNegativeInfinity(max)) return double.NegativeInfinity;
        return max + Math.Log(logits.Sum(z => Math.Exp(z - max)));
    }
}
