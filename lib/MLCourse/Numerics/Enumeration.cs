namespace MLCourse.Numerics;

/// <summary>
/// Exhaustive enumeration of small discrete spaces, for brute-force references: every state path of a hidden Markov
/// model, every observation sequence of a given length, every joint assignment of a Markov random field.
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
