namespace MLCourse.Clustering;

/// <summary>
/// The adjusted Rand index (Hubert and Arabie 1985) between two labellings of the same points, as scikit-learn's
/// <c>adjusted_rand_score</c>: the Rand index (the share of point pairs on which the labellings agree, together or
/// apart) corrected for chance, so that 1 means the same partition and 0 is the expected value for random labels
/// (it can be negative). Only which points share a label matters, not the label values. Introduced in notebook 23.
/// </summary>
public static class AdjustedRand
{
    /// <summary>
    /// ARI = 2(tp·tn − fn·fp)/((tp + fn)(fn + tn) + (tp + fp)(fp + tn)) from the pair counts of scikit-learn's
    /// <c>pair_confusion_matrix</c> (ordered pairs: tp together in both, tn apart in both, fp and fn together in one only);
    /// 1 when fp = fn = 0 (the same partition, including no points at all).
    /// </summary>
    /// <param name="labelsTrue">One label per point (any integers).</param>
    /// <param name="labelsPred">Another labelling of the same points.</param>
    /// <exception cref="ArgumentException">The two arrays differ in length (ParamName labelsPred, both lengths named).</exception>
    public static double Score(int[] labelsTrue, int[] labelsPred)
    {
        ArgumentNullException.ThrowIfNull(labelsTrue);
        ArgumentNullException.ThrowIfNull(labelsPred);
        Guard.SameLength(labelsTrue.Length, nameof(labelsTrue), labelsPred.Length, nameof(labelsPred));
        var rows = labelsTrue.GroupBy(l => l).ToDictionary(g => g.Key, g => (Int128)g.Count());
        var columns = labelsPred.GroupBy(l => l).ToDictionary(g => g.Key, g => (Int128)g.Count());
        Int128 n = labelsTrue.Length, squares = 0, byColumn = 0, byRow = 0;
        foreach (var g in labelsTrue.Zip(labelsPred).GroupBy(p => p))
        {
            Int128 count = g.Count();
            (squares, byColumn, byRow) = (squares + count * count, byColumn + count * columns[g.Key.Second], byRow + count * rows[g.Key.First]);
        }
        var (tp, fp, fn) = (squares - n, byColumn - squares, byRow - squares);
        var tn = n * n - fp - fn - squares;
        if (fn == 0 && fp == 0) return 1.0;
        return 2.0 * (double)(tp * tn - fn * fp) / (double)((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }
}
