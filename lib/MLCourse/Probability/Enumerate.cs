namespace MLCourse.Probability;

/// <summary>
/// Exact probabilities on finite sample spaces by listing every outcome: product spaces (ordered tuples, as Python's
/// <c>itertools.product(values, repeat=k)</c>), subsets (<c>itertools.combinations</c>), and conditional probabilities of
/// equally likely outcomes by counting, P(A | B) = |A ∩ B| / |B|. Introduced in notebook 19 (probability puzzles).
/// </summary>
public static class Enumerate
{
    /// <summary>The largest space this class lists (10⁷ outcomes): beyond it, sample instead.</summary>
    public const int MaxOutcomes = 10_000_000;

    /// <summary>
    /// Every sequence of <paramref name="length"/> elements of <paramref name="values"/>, the product space valuesˡᵉⁿᵍᵗʰ,
    /// in lexicographic order of positions (the last position varies fastest): |values|^length arrays. Length 0 gives one
    /// empty sequence. If each element is equally likely and the positions are independent, so is every sequence.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty; <paramref name="length"/> is negative or
    /// the space would have more than <see cref="MaxOutcomes"/> outcomes.</exception>
    public static IReadOnlyList<T[]> Power<T>(IReadOnlyList<T> values, int length)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("values is empty: there is nothing to enumerate.", nameof(values));
        Guard.NonNegative(length, nameof(length));
        var size = Math.Pow(values.Count, length);
        if (size > MaxOutcomes)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"{values.Count}^{length} = {size:G3} outcomes is more than {MaxOutcomes:N0}; sample instead.");
        var result = new List<T[]>((int)size);
        var index = new int[length];
        for (var n = 0; n < (int)size; n++)
        {
            var tuple = new T[length];
            for (var j = 0; j < length; j++) tuple[j] = values[index[j]];
            result.Add(tuple);
            for (var j = length - 1; j >= 0 && ++index[j] == values.Count; j--) index[j] = 0;   // odometer step
        }
        return result;
    }

    /// <summary>
    /// Every <paramref name="k"/>-element subset of {0, …, <paramref name="n"/> − 1} as an increasing index array, in
    /// lexicographic order: C(n, k) arrays (none when k &gt; n, one empty array when k = 0).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n or k negative, or C(n, k) more than <see cref="MaxOutcomes"/>.</exception>
    public static IReadOnlyList<int[]> Combinations(int n, int k)
    {
        Guard.NonNegative(n, nameof(n));
        Guard.NonNegative(k, nameof(k));
        if (k > n) return [];
        var size = MathNet.Numerics.SpecialFunctions.Binomial(n, k);
        if (size > MaxOutcomes)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"C({n}, {k}) = {size:G3} subsets is more than {MaxOutcomes:N0}; sample instead.");
        var result = new List<int[]>((int)Math.Round(size));
        var subset = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            result.Add((int[])subset.Clone());
            var j = k - 1;
            while (j >= 0 && subset[j] == n - k + j) j--;   // the last position that can still move right
            if (j < 0) return result;
            subset[j]++;
            for (var i = j + 1; i < k; i++) subset[i] = subset[i - 1] + 1;
        }
    }

    /// <summary>
    /// P(<paramref name="event"/> | <paramref name="given"/>) when every outcome is equally likely, by counting:
    /// Total = the number of outcomes satisfying <paramref name="given"/>, Favourable = how many of those also satisfy
    /// <paramref name="event"/>, Probability = Favourable / Total. Pass <c>_ =&gt; true</c> as <paramref name="given"/>
    /// for an unconditional probability. (An outcome listed twice counts twice: list a space of equally likely outcomes.)
    /// </summary>
    /// <exception cref="ArgumentException">No outcome satisfies <paramref name="given"/>: the condition has probability 0.</exception>
    public static (int Favourable, int Total, double Probability) Conditional<T>(IEnumerable<T> outcomes, Func<T, bool> @event, Func<T, bool> given)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(given);
        var (favourable, total) = (0, 0);
        foreach (var outcome in outcomes)
        {
            if (!given(outcome)) continue;
            total++;
            if (@event(outcome)) favourable++;
        }
        if (total == 0) throw new ArgumentException("No outcome satisfies the condition: P(given) = 0, so P(event | given) is undefined.", nameof(given));
        return (favourable, total, (double)favourable / total);
    }
}
