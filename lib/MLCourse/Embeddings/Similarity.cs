using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Embeddings;

/// <summary>
/// Cosine similarity of embeddings, cos(a, b) = aᵀb / (max(‖a‖, ε)·max(‖b‖, ε)) with ε = 10⁻⁸ as
/// <c>torch.nn.functional.cosine_similarity</c> (PyTorch 1.13) computes it, so a zero vector has similarity 0 with
/// everything; and the nearest neighbours of a word by cosine. Introduced in notebook 10 (word2vec).
/// </summary>
public static class Similarity
{
    /// <summary>The ε below which a norm is clamped, keeping the denominator away from 0.</summary>
    public const double Epsilon = 1e-8;

    /// <summary>cos(a, b) = aᵀb / (max(‖a‖, ε)·max(‖b‖, ε)). Range: [−1, 1].</summary>
    /// <exception cref="ArgumentException">a and b differ in length (both lengths are named).</exception>
    public static double Cosine(Vector<double> a, Vector<double> b)
    {
        Guard.SameLength(a, nameof(a), b, nameof(b));
        return a.DotProduct(b) / (Math.Max(a.L2Norm(), Epsilon) * Math.Max(b.L2Norm(), Epsilon));
    }

    /// <summary>The cosine similarity of rows i and j of <paramref name="vectors"/> for every pair (i, j) in <paramref name="pairs"/>.</summary>
    /// <exception cref="ArgumentException">A row index outside [0, rows) (the pair is named).</exception>
    public static double[] Cosines(Matrix<double> vectors, IReadOnlyList<(int First, int Second)> pairs)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        Guard.IdPairs(pairs, vectors.RowCount, nameof(pairs), $"the rows of vectors, {Guard.Shape(vectors)}");
        var norms = vectors.RowNorms(2).Map(n => Math.Max(n, Epsilon));
        return pairs.Select(p => vectors.Row(p.First).DotProduct(vectors.Row(p.Second)) / (norms[p.First] * norms[p.Second])).ToArray();
    }

    /// <summary>
    /// The <paramref name="count"/> rows most similar to row <paramref name="row"/> by cosine, most similar first, the row
    /// itself left out; ties in cosine keep the lower index first. Range: row in [0, rows); 1 ≤ count ≤ rows − 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">row or count out of range.</exception>
    public static (int Index, double Cosine)[] Nearest(Matrix<double> vectors, int row, int count)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        Guard.Id(row, vectors.RowCount, nameof(row), $"the rows of vectors, {Guard.Shape(vectors)}");
        if (count < 1 || count > vectors.RowCount - 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be in [1, {vectors.RowCount - 1}] (the other rows of vectors, {Guard.Shape(vectors)}), got {count}.");
        var pairs = Enumerable.Range(0, vectors.RowCount).Where(i => i != row).Select(i => (row, i)).ToArray();
        var cosines = Cosines(vectors, pairs);
        return pairs.Select((p, k) => (Index: p.i, Cosine: cosines[k])).OrderByDescending(x => x.Cosine).ThenBy(x => x.Index).Take(count).ToArray();
    }
}
