using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;

namespace MLCourse.Attention;

/// <summary>
/// Scaled dot-product attention, Attention(Q, K, V) = softmax(QKᵀ / √d_k) V, for one sequence (no batch or heads).
/// Matches <c>torch.softmax(q @ k.T / math.sqrt(d), -1) @ v</c> with hidden keys set to −∞ before the softmax.
/// Introduced in notebook 01 (01-scaled-dot-product-attention).
/// </summary>
/// <remarks>
/// Shapes: q is L_q×d_k, k is L_k×d_k, v is L_k×d_v; the output is L_q×d_v and the weights are L_q×L_k.
/// Each row of the weights is a probability distribution over the keys the query may see.
/// A query that may see no key at all (a fully masked row) gets NaN weights and a NaN output row, exactly as in PyTorch;
/// notebook 01 shows this and the usual fixes.
/// </remarks>
public static class ScaledDotProductAttention
{
    /// <summary>The attention logits QKᵀ/√d_k (L_q×L_k), before masking and softmax.</summary>
    /// <exception cref="ArgumentException">q and k have different numbers of columns.</exception>
    public static Matrix<double> Scores(Matrix<double> q, Matrix<double> k)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(k);
        if (q.ColumnCount != k.ColumnCount)
            throw new ArgumentException(
                $"q is {Guard.Shape(q)} and k is {Guard.Shape(k)}: queries and keys must have the same width d_k.", nameof(k));
        if (q.ColumnCount == 0)
            throw new ArgumentException($"q is {Guard.Shape(q)}: d_k must be at least 1.", nameof(q));
        return q.TransposeAndMultiply(k) / Math.Sqrt(q.ColumnCount);
    }

    /// <summary>
    /// Computes softmax(QKᵀ/√d_k + M) V where M_ij = 0 if <paramref name="keep"/>[i, j] and −∞ otherwise.
    /// </summary>
    /// <param name="q">Queries, L_q×d_k.</param>
    /// <param name="k">Keys, L_k×d_k.</param>
    /// <param name="v">Values, L_k×d_v.</param>
    /// <param name="keep">Optional L_q×L_k mask: <c>keep[i, j] == false</c> hides key j from query i. Null: every query sees every key.
    /// Build common masks with <see cref="Masks"/>.</param>
    /// <returns>The L_q×d_v output and the L_q×L_k attention weights.</returns>
    /// <exception cref="ArgumentException">A shape does not fit; the message names both shapes.</exception>
    public static (Matrix<double> Output, Matrix<double> Weights) Compute(
        Matrix<double> q, Matrix<double> k, Matrix<double> v, bool[,]? keep = null)
    {
        var scores = Scores(q, k);
        ArgumentNullException.ThrowIfNull(v);
        if (v.RowCount != k.RowCount)
            throw new ArgumentException(
                $"k is {Guard.Shape(k)} and v is {Guard.Shape(v)}: there must be one value row per key.", nameof(v));
        if (keep is not null)
        {
            if (keep.GetLength(0) != q.RowCount || keep.GetLength(1) != k.RowCount)
                throw new ArgumentException(
                    $"keep is {keep.GetLength(0)}×{keep.GetLength(1)} but must be L_q×L_k = {q.RowCount}×{k.RowCount}.", nameof(keep));
            for (var i = 0; i < q.RowCount; i++)
                for (var j = 0; j < k.RowCount; j++)
                    if (!keep[i, j]) scores[i, j] = double.NegativeInfinity;
        }
        var weights = Softmax.Rows(scores);
        return (weights * v, weights);
    }
}
