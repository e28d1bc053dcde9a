using MLCourse.Numerics;

namespace MLCourse.Data;

/// <summary>
/// Random over- and under-sampling for imbalanced classes, as imbalanced-learn's <c>RandomOverSampler</c> and
/// <c>RandomUnderSampler</c> with <c>sampling_strategy="auto"</c>. Both return row indices (apply them with
/// <see cref="LabelledData.Rows"/>), so features and labels stay together. Resample the training data only, after the
/// split: copies of one point on both sides of a split leak it into the evaluation. Introduced in notebook 23.
/// </summary>
public static class Resampling
{
    /// <summary>
    /// Tops every class up to the size of the largest by drawing extra copies of its own samples uniformly with
    /// replacement: all n original indices in order, then the copies, class by class in increasing label order.
    /// </summary>
    /// <param name="y">The class labels (any integers), at least one.</param>
    /// <param name="seed">Seeds the draws.</param>
    /// <exception cref="ArgumentException">y null or empty (ParamName y).</exception>
    public static int[] RandomOversample(int[] y, int seed)
    {
        var classes = Classes(y);
        var largest = classes.Max(c => c.Length);
        var random = Rng.Create(seed);
        var copies = classes.SelectMany(c => Enumerable.Range(0, largest - c.Length).Select(_ => c[random.Next(c.Length)]));
        return [.. Enumerable.Range(0, y.Length), .. copies];
    }

    /// <summary>
    /// Cuts every class down to the size of the smallest by keeping a uniformly random subset of its samples (without
    /// replacement): the kept indices in increasing order.
    /// </summary>
    /// <inheritdoc cref="RandomOversample"/>
    public static int[] RandomUndersample(int[] y, int seed)
    {
        var classes = Classes(y);
        var smallest = classes.Min(c => c.Length);
        var random = Rng.Create(seed);
        return [.. classes.SelectMany(c => Rng.Permutation(c.Length, random).Take(smallest).Select(i => c[i])).Order()];
    }

    /// <summary>The indices of each class, classes in increasing label order, indices increasing.</summary>
    private static List<int[]> Classes(int[] y)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Length == 0) throw new ArgumentException("y is empty: give at least one label.", nameof(y));
        return y.Select((label, i) => (label, i)).GroupBy(p => p.label).OrderBy(g => g.Key)
            .Select(g => g.Select(p => p.i).ToArray()).ToList();
    }
}
