using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Trees;

/// <summary>
/// One candidate split of a node: the samples with feature value ≤ <see cref="Threshold"/> go left, the others right.
/// Introduced in notebook 15 (trees and boosting).
/// </summary>
/// <param name="Feature">The column of x the split tests (0 when a single feature was scanned).</param>
/// <param name="Threshold">The midpoint a/2 + b/2 between two consecutive distinct sorted values a &lt; b of the feature (a itself
/// in the rare case the midpoint rounds to b), as scikit-learn places it.</param>
/// <param name="LeftCount">How many samples go left (value ≤ threshold).</param>
/// <param name="RightCount">How many samples go right.</param>
/// <param name="Gain">The criterion's score, larger is better: the reduction of the (weighted) sum of squared errors for a
/// regression tree, the decrease of the weighted Gini impurity for a classification tree, XGBoost's split gain for
/// <see cref="SecondOrder"/>.</param>
public readonly record struct SplitCandidate(int Feature, double Threshold, int LeftCount, int RightCount, double Gain);

/// <summary>
/// The features of a data set, each column copied once and its row indices sorted by value once, so that every node of every
/// tree grown on the same x (all the stages of a boosted ensemble) scans its samples in sorted order without sorting again.
/// </summary>
internal sealed class PresortedFeatures
{
    public PresortedFeatures(Matrix<double> x)
    {
        (Rows, Features) = (x.RowCount, x.ColumnCount);
        Columns = new double[Features][];
        Order = new int[Features][];
        for (var f = 0; f < Features; f++)
        {
            Columns[f] = x.Column(f).ToArray();
            Order[f] = Enumerable.Range(0, Rows).ToArray();
            Array.Sort((double[])Columns[f].Clone(), Order[f]);
        }
    }

    public int Rows { get; }

    public int Features { get; }

    /// <summary>Columns[f][i] = x[i, f].</summary>
    public double[][] Columns { get; }

    /// <summary>Order[f] lists the rows by increasing x[·, f].</summary>
    public int[][] Order { get; }
}

/// <summary>
/// The split search shared by every tree of the library: scan a node's samples in the order of one feature, add their
/// statistics to the left child one at a time, and score a split wherever the next value is larger than the current one.
/// </summary>
internal static class SplitSearch
{
    /// <summary>The best split found so far (Feature −1: none).</summary>
    public record struct Best(int Feature, int LeftCount, double Threshold, double Score)
    {
        public static Best None => new(-1, 0, double.NaN, double.NegativeInfinity);
    }

    /// <summary>
    /// Scans the node's samples <paramref name="sorted"/>[start, end) (ascending by <paramref name="column"/>); replaces
    /// <paramref name="best"/> by a strictly better split (so among equal scores the first feature and the lowest threshold
    /// win) and appends every candidate to <paramref name="all"/> when it is not null. <paramref name="left"/> and
    /// <paramref name="right"/> are work arrays of the criterion's width. Plain arrays and loops: this is the hot loop of
    /// every fit, and it stays fast in unoptimised (Debug) builds.
    /// </summary>
    public static void Scan(int feature, int[] sorted, int start, int end, double[] column, double[] stats, SplitCriterion criterion,
        double[] parent, double[] left, double[] right, ref Best best, List<SplitCandidate>? all = null)
    {
        var m = left.Length;
        Array.Clear(left);
        for (var i = start + 1; i < end; i++)
        {
            var previous = sorted[i - 1];
            var offset = previous * m;
            for (var k = 0; k < m; k++) left[k] += stats[offset + k];
            var a = column[previous];
            var b = column[sorted[i]];
            if (!(b > a)) continue;
            for (var k = 0; k < m; k++) right[k] = parent[k] - left[k];
            var score = criterion.Score(left, right, parent);
            if (all is null && !(score > best.Score)) continue;
            var threshold = a / 2.0 + b / 2.0;
            if (threshold == b || double.IsInfinity(threshold)) threshold = a;
            all?.Add(new SplitCandidate(feature, threshold, i - start, end - i, score));
            if (score > best.Score) best = new Best(feature, i - start, threshold, score);
        }
    }

    /// <summary>Every candidate split of the single feature of the n×1 <paramref name="feature"/>, in increasing order of threshold.</summary>
    public static IReadOnlyList<SplitCandidate> Candidates(Matrix<double> feature, double[] stats, SplitCriterion criterion)
    {
        var data = new PresortedFeatures(feature);
        var all = new List<SplitCandidate>();
        var best = Best.None;
        var (n, m) = (data.Rows, criterion.Width);
        Scan(0, data.Order[0], 0, n, data.Columns[0], stats, criterion, Totals(stats, m, data.Order[0], 0, n), new double[m], new double[m], ref best, all);
        return all.AsReadOnly();
    }

    /// <summary>The best split of all samples over all features, or null when every feature is constant.</summary>
    public static SplitCandidate? BestOf(Matrix<double> x, double[] stats, SplitCriterion criterion)
    {
        var data = new PresortedFeatures(x);
        var (n, m) = (data.Rows, criterion.Width);
        var (parent, left, right) = (Totals(stats, m, data.Order[0], 0, n), new double[m], new double[m]);
        var best = Best.None;
        for (var f = 0; f < data.Features; f++) Scan(f, data.Order[f], 0, n, data.Columns[f], stats, criterion, parent, left, right, ref best);
        return best.Feature < 0 ? null : new SplitCandidate(best.Feature, best.Threshold, best.LeftCount, x.RowCount - best.LeftCount, best.Score);
    }

    /// <summary>The sums of the statistics of the samples <paramref name="samples"/>[start, end).</summary>
    public static double[] Totals(double[] stats, int width, int[] samples, int start, int end)
    {
        var totals = new double[width];
        for (var i = start; i < end; i++)
        {
            var offset = samples[i] * width;
            for (var k = 0; k < width; k++) totals[k] += stats[offset + k];
        }
        return totals;
    }
}
