using MLCourse.Numerics;

namespace MLCourse.ModelSelection;

/// <summary>
/// k-fold cross-validation splits, as <c>sklearn.model_selection.KFold</c> and <c>StratifiedKFold</c> (scikit-learn 1.2)
/// make them: the samples are cut into k disjoint test folds, and split f trains on everything outside fold f and tests
/// on fold f, so every sample is tested exactly once. Introduced in notebook 18 (evaluation metrics); notebook 23 reuses it.
/// </summary>
/// <remarks>
/// Each split is a pair of index arrays (Train, Test), both in increasing order, together holding 0 … n−1 once.
/// Without shuffling the folds are exactly scikit-learn's. With <c>shuffle</c> the order is randomised by the course's
/// Mersenne Twister (<see cref="Rng.Create"/>), so shuffled folds are reproducible from the seed but are not the ones
/// scikit-learn draws from the same seed (NumPy's generator differs).
/// </remarks>
public static class CrossValidation
{
    /// <summary>
    /// Plain k-fold: fold f is the f-th contiguous block of the samples (after an optional shuffle); the first n mod k
    /// folds have ⌊n/k⌋ + 1 samples, the others ⌊n/k⌋.
    /// </summary>
    /// <param name="n">The number of samples. Range: n ≥ k.</param>
    /// <param name="k">The number of folds. Range: k ≥ 2.</param>
    /// <param name="shuffle">Shuffle the samples before cutting the blocks (default false: scikit-learn's folds).</param>
    /// <param name="seed">The seed of the shuffle; ignored without it.</param>
    /// <returns>k splits (Train, Test), in fold order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 2.</exception>
    /// <exception cref="ArgumentException">n &lt; k (<c>ParamName</c> n; both are named).</exception>
    public static IReadOnlyList<(int[] Train, int[] Test)> KFold(int n, int k, bool shuffle = false, int seed = 0)
    {
        ValidateFolds(n, nameof(n), k);
        var order = shuffle ? Rng.Permutation(n, Rng.Create(seed)) : Enumerable.Range(0, n).ToArray();
        var fold = new int[n];
        for (int f = 0, start = 0; f < k; f++)
        {
            var size = n / k + (f < n % k ? 1 : 0);
            for (var i = start; i < start + size; i++) fold[order[i]] = f;
            start += size;
        }
        return Splits(fold, k);
    }

    /// <summary>
    /// Stratified k-fold: every fold gets each class in (almost) the proportion it has overall, by scikit-learn's rule.
    /// The classes are numbered in order of first appearance and the samples sorted by that number are dealt to the
    /// folds round-robin (position p to fold p mod k), which fixes how many samples of each class each fold tests;
    /// then each class's samples, in index order, fill fold 0's share first, then fold 1's, and so on (in a shuffled
    /// order with <paramref name="shuffle"/>). So each fold holds ⌊n_c/k⌋ or ⌈n_c/k⌉ samples of class c.
    /// </summary>
    /// <param name="labels">One class label per sample (any integers). Range: length ≥ k.</param>
    /// <param name="k">The number of folds. Range: k ≥ 2, and at most the size of the largest class.</param>
    /// <param name="shuffle">Shuffle each class's fold assignment (default false: scikit-learn's folds).</param>
    /// <param name="seed">The seed of the shuffle; ignored without it.</param>
    /// <returns>k splits (Train, Test), in fold order. A class with fewer than k samples is missing from some test folds
    /// (scikit-learn warns).</returns>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 2.</exception>
    /// <exception cref="ArgumentException">Fewer labels than folds (<c>ParamName</c> labels), or every class has fewer than
    /// k samples (<c>ParamName</c> k).</exception>
    public static IReadOnlyList<(int[] Train, int[] Test)> StratifiedKFold(int[] labels, int k, bool shuffle = false, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ValidateFolds(labels.Length, nameof(labels), k);
        var classes = labels.Distinct().ToList();   // order of first appearance, as scikit-learn numbers them
        var encoded = labels.Select(label => classes.IndexOf(label)).ToArray();
        var counts = classes.Select((_, c) => encoded.Count(e => e == c)).ToArray();
        if (counts.Max() < k)
            throw new ArgumentException($"k = {k} is more than the size of every class (the largest has {counts.Max()} samples).", nameof(k));
        var allocation = new int[k, classes.Count];
        var position = 0;
        for (var c = 0; c < classes.Count; c++)
            for (var i = 0; i < counts[c]; i++, position++) allocation[position % k, c]++;
        var random = shuffle ? Rng.Create(seed) : null;
        var fold = new int[labels.Length];
        for (var c = 0; c < classes.Count; c++)
        {
            var share = Enumerable.Range(0, k).SelectMany(f => Enumerable.Repeat(f, allocation[f, c])).ToArray();
            var order = random is null ? Enumerable.Range(0, share.Length).ToArray() : Rng.Permutation(share.Length, random);
            var members = Enumerable.Range(0, labels.Length).Where(s => encoded[s] == c).ToArray();
            for (var i = 0; i < members.Length; i++) fold[members[i]] = share[order[i]];
        }
        return Splits(fold, k);
    }

    private static List<(int[] Train, int[] Test)> Splits(int[] fold, int k) =>
        Enumerable.Range(0, k).Select(f => (
            Train: Enumerable.Range(0, fold.Length).Where(s => fold[s] != f).ToArray(),
            Test: Enumerable.Range(0, fold.Length).Where(s => fold[s] == f).ToArray())).ToList();

    /// <summary>k ≥ 2 and at least k samples; a shortage of samples names <paramref name="samples"/>, the argument that holds them.</summary>
    private static void ValidateFolds(int n, string samples, int k)
    {
        if (k < 2) throw new ArgumentOutOfRangeException(nameof(k), k, $"k-fold cross-validation needs k ≥ 2 folds, got {k}.");
        if (n < k) throw new ArgumentException($"{samples} gives {n} samples but k = {k} folds: there must be at least one sample per fold.", samples);
    }
}
