namespace MLCourse.Decoding;

/// <summary>How varied a set of generated sequences is. Introduced in notebook 14 (decoding).</summary>
public static class Diversity
{
    /// <summary>
    /// distinct-n (Li et al., 2016): the number of distinct n-grams across all <paramref name="sequences"/> divided by
    /// the total number of n-grams (a sequence of length L has L − n + 1 of them; shorter sequences have none).
    /// Range of the result: (0, 1]; 1 when no n-gram repeats anywhere, 1/N for N copies of one sequence whose n-grams
    /// are all different. Range: n ≥ 1.
    /// </summary>
    /// <exception cref="ArgumentException">No sequence has at least n tokens.</exception>
    public static double DistinctN(IEnumerable<IReadOnlyList<int>> sequences, int n)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        Guard.Positive(n, nameof(n));
        var (distinct, total) = (new HashSet<string>(StringComparer.Ordinal), 0);
        foreach (var sequence in sequences)
            for (var start = 0; start + n <= sequence.Count; start++, total++)
                distinct.Add(string.Join(' ', Enumerable.Range(start, n).Select(i => sequence[i])));
        if (total == 0) throw new ArgumentException($"No sequence has at least n = {n} tokens: there are no n-grams to count.", nameof(sequences));
        return (double)distinct.Count / total;
    }
}
