using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Positions;

/// <summary>
/// Clipped relative positions (Shaw, Uszkoreit and Vaswani, 2018, "Self-Attention with Relative Position
/// Representations"). Query i and key j are related by the relative distance r = j − i, clipped to [r_min, r_max]:
/// r_ij = clip(j − i, r_min, r_max) = max(r_min, min(r_max, j − i)). One learned vector per possible value of r is
/// enough, r_max − r_min + 1 of them (2k + 1 for Shaw's symmetric r_min = −k, r_max = k), whatever the sequence length.
/// Introduced in notebook 03 (03-positional-encoding).
/// </summary>
/// <remarks>Valid ranges: queries, keys ≥ 1; r_min ≤ r_max (either may have any sign); maxDistance k ≥ 0.</remarks>
public static class RelativePositions
{
    /// <summary>
    /// The queries×keys matrix of clipped relative distances r_ij = clip(j − i, minDistance, maxDistance).
    /// Its entries take every value of [minDistance, maxDistance] when the sequence is long enough
    /// (keys − 1 ≥ maxDistance and queries − 1 ≥ −minDistance), and never any other.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">queries or keys &lt; 1; minDistance &gt; maxDistance.</exception>
    public static int[,] Clipped(int queries, int keys, int minDistance, int maxDistance)
    {
        Guard.Positive(queries, nameof(queries));
        Guard.Positive(keys, nameof(keys));
        if (minDistance > maxDistance)
            throw new ArgumentOutOfRangeException(nameof(minDistance), minDistance,
                $"minDistance must be ≤ maxDistance ({maxDistance}), got {minDistance}.");
        var r = new int[queries, keys];
        for (var i = 0; i < queries; i++)
            for (var j = 0; j < keys; j++)
                r[i, j] = Math.Clamp(j - i, minDistance, maxDistance);
        return r;
    }

    /// <summary>Shaw's symmetric clipping: r_ij = clip(j − i, −k, k) with k = <paramref name="maxDistance"/> ≥ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">queries or keys &lt; 1; maxDistance &lt; 0.</exception>
    public static int[,] Clipped(int queries, int keys, int maxDistance)
    {
        Guard.NonNegative(maxDistance, nameof(maxDistance));
        return Clipped(queries, keys, -maxDistance, maxDistance);
    }

    /// <summary>How many relative-position vectors clipping to [minDistance, maxDistance] needs: maxDistance − minDistance + 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">minDistance &gt; maxDistance.</exception>
    public static int Count(int minDistance, int maxDistance)
    {
        if (minDistance > maxDistance)
            throw new ArgumentOutOfRangeException(nameof(minDistance), minDistance,
                $"minDistance must be ≤ maxDistance ({maxDistance}), got {minDistance}.");
        return maxDistance - minDistance + 1;
    }

    /// <summary>
    /// Shaw's attention logits with relative key vectors: e_ij = qᵢ·(k_j + a_{r_ij}) / √d_k with r_ij = clip(j − i, −K, K)
    /// (K = <paramref name="maxDistance"/>) and a_r = row r + K of <paramref name="table"/>. The table has 2K + 1 rows
    /// whatever the lengths of q and k, so the same table serves sequences of any length. The result (L_q×L_k) goes into
    /// the softmax like <see cref="Attention.ScaledDotProductAttention.Scores"/>; Shaw's optional value vectors a^V are not included.
    /// </summary>
    /// <param name="q">Queries, L_q×d_k (query i is at position i).</param>
    /// <param name="k">Keys, L_k×d_k (key j is at position j).</param>
    /// <param name="table">The (2K + 1)×d_k relative key vectors a_{−K} … a_K.</param>
    /// <param name="maxDistance">The clipping distance K ≥ 0.</param>
    /// <exception cref="ArgumentException">A shape does not fit (the message names the shapes); maxDistance &lt; 0.</exception>
    public static Matrix<double> Scores(Matrix<double> q, Matrix<double> k, Matrix<double> table, int maxDistance)
    {
        ArgumentNullException.ThrowIfNull(table);
        Guard.NonNegative(maxDistance, nameof(maxDistance));
        var scores = Attention.ScaledDotProductAttention.Scores(q, k);
        if (table.RowCount != 2 * maxDistance + 1 || table.ColumnCount != q.ColumnCount)
            throw new ArgumentException(
                $"table is {Guard.Shape(table)} but must be (2·maxDistance + 1)×d_k = {2 * maxDistance + 1}×{q.ColumnCount} (q is {Guard.Shape(q)}).", nameof(table));
        var positional = q.TransposeAndMultiply(table) / Math.Sqrt(q.ColumnCount);   // qᵢ·a_r/√d_k for every r
        var r = Clipped(q.RowCount, k.RowCount, maxDistance);
        return scores + Matrix<double>.Build.Dense(q.RowCount, k.RowCount, (i, j) => positional[i, r[i, j] + maxDistance]);
    }
}
