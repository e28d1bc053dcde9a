namespace MLCourse.Numerics;

/// <summary>
/// Exhaustive enumeration of small discrete spaces, for brute-force references: every state path of a hidden Markov
/// model, every observation sequence of a given length, every joint assignment of a Markov random field (notebook 17);
/// every family of two children, every triangle of m points on a circle (notebook 19).
/// Introduced in notebook 17 (graphical models).
/// </summary>
public static class Enumeration
{
    /// <summary>
    /// Every tuple (i₀, …, i_{k−1}) with 0 ≤ i_j &lt; <paramref name="sizes"/>[j], in lexicographic order (the last
    /// position changes fastest, as Python's <c>itertools.product</c>): Π sizes[j] tuples, each a new array.
    /// An empty <paramref name="sizes"/> gives one empty tuple. Range: every size ≥ 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is &lt; 1.</exception>
    public static IEnumerable<int[]> Product(IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        for (var j = 0; j < sizes.Count; j++)
            if (sizes[j] < 1)
                throw new ArgumentOutOfRangeException(nameof(sizes), sizes[j], $"sizes[{j}] = {sizes[j]}: every size must be ≥ 1.");
        return Iterate(sizes.ToArray());
    }

    /// <summary>
    /// Every sequence of <paramref name="length"/> symbols from {0, …, <paramref name="alphabet"/> − 1}, in lexicographic
    /// order: alphabet^length sequences (the N^T state paths of an HMM with N states, or its M^T observation sequences).
    /// Range: alphabet ≥ 1, length ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">alphabet &lt; 1 or length &lt; 0.</exception>
    public static IEnumerable<int[]> Sequences(int alphabet, int length)
    {
        Guard.Positive(alphabet, nameof(alphabet));
        Guard.NonNegative(length, nameof(length));
        return Iterate(Enumerable.Repeat(alphabet, length).ToArray());
    }

    /// <summary>
    /// Every sequence of <paramref name="length"/> elements of <paramref name="values"/> (the product space
    /// values^length, as Python's <c>itertools.product(values, repeat=length)</c>), in lexicographic order of positions:
    /// |values|^length arrays. When each element is equally likely and the positions are independent, every sequence
    /// is equally likely. Range: values not empty, length ≥ 0.
    /// Introduced in notebook 19 (probability puzzles: the families of two children).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty, or <paramref name="length"/> &lt; 0.</exception>
    public static IEnumerable<T[]> Sequences<T>(IReadOnlyList<T> values, int length)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("values is empty: there is nothing to enumerate.", nameof(values));
        return Sequences(values.Count, length).Select(indices => Array.ConvertAll(indices, i => values[i]));
    }

    /// <summary>
    /// Every <paramref name="k"/>-element subset of {0, …, <paramref name="n"/> − 1} as an increasing index array, in
    /// lexicographic order (as Python's <c>itertools.combinations(range(n), k)</c>): C(n, k) arrays, none when k &gt; n,
    /// one empty array when k = 0. Range: n, k ≥ 0. Introduced in notebook 19 (every triangle of m points).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n or k negative.</exception>
    public static IEnumerable<int[]> Combinations(int n, int k)
    {
        Guard.NonNegative(n, nameof(n));
        Guard.NonNegative(k, nameof(k));
        return k > n ? [] : IterateSubsets(n, k);
    }

    private static IEnumerable<int[]> IterateSubsets(int n, int k)
    {
        var subset = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])subset.Clone();
            var j = k - 1;
            while (j >= 0 && subset[j] == n - k + j) j--;   // the last position that can still move right
            if (j < 0) yield break;
            subset[j]++;
            for (var i = j + 1; i < k; i++) subset[i] = subset[i - 1] + 1;
        }
    }

    private static IEnumerable<int[]> Iterate(int[] sizes)
    {
        var current = new int[sizes.Length];
        while (true)
        {
            yield return (int[])current.Clone();
            var j = sizes.Length - 1;
            while (j >= 0 && ++current[j] == sizes[j]) current[j--] = 0;   // odometer: carry into the position before
            if (j < 0) yield break;
        }
    }
}
