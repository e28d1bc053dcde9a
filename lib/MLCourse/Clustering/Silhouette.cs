using MathNet.Numerics.LinearAlgebra;
using MLCourse.Classical;
using MLCourse.Numerics;

namespace MLCourse.Clustering;

/// <summary>
/// The silhouette of a clustering (Rousseeuw 1987), as scikit-learn's <c>silhouette_samples</c> and
/// <c>silhouette_score</c> compute it with Euclidean distances: for point i in cluster C, a(i) is its mean distance to
/// the other points of C and b(i) the smallest mean distance to the points of another cluster, and
/// s(i) = (b − a)/max(a, b) ∈ [−1, 1]: near 1 when i sits well inside its cluster, near 0 on a border, negative when
/// another cluster is closer. Introduced in notebook 23 (choosing the number of clusters).
/// </summary>
/// <remarks>
/// A point alone in its cluster has s = 0 (a is undefined), and so does a point with a = b = 0, as in scikit-learn.
/// Labels may be any integers; only which points share a label matters.
/// </remarks>
public static class Silhouette
{
    /// <summary>The mean silhouette over all points: <c>sklearn.metrics.silhouette_score(x, labels)</c>.</summary>
    /// <inheritdoc cref="Samples"/>
    public static double Score(Matrix<double> x, int[] labels) => Samples(x, labels).Average();

    /// <summary>The silhouette s(i) of every point: <c>sklearn.metrics.silhouette_samples(x, labels)</c>.</summary>
    /// <param name="x">The points, one per row, finite.</param>
    /// <param name="labels">One cluster label per row of x, with between 2 and n − 1 distinct values.</param>
    /// <exception cref="ArgumentException">x empty or not finite (ParamName x); labels of the wrong length, or fewer than 2 or
    /// more than n − 1 clusters (ParamName labels).</exception>
    public static double[] Samples(Matrix<double> x, int[] labels)
    {
        Validation.FiniteRows(x, nameof(x), minimumRows: 1);
        Validation.Labels(x, labels, nameof(labels));
        var n = x.RowCount;
        var clusters = labels.Distinct().Order().ToList();
        if (clusters.Count < 2 || clusters.Count > n - 1)
            throw new ArgumentException($"labels has {clusters.Count} distinct value{(clusters.Count == 1 ? "" : "s")} for {n} points: the silhouette needs 2 to n − 1 = {n - 1} clusters.", nameof(labels));
        var cluster = labels.Select(l => clusters.BinarySearch(l)).ToArray();
        var members = new int[clusters.Count];
        foreach (var c in cluster) members[c]++;
        var rows = x.ToRowArrays();
        // sums[i, c]: the distances from point i to the points of cluster c. Each distance is computed once and added to
        // both of its points; every point still receives its terms in increasing order of the other point.
        var sums = new double[n, clusters.Count];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
            {
                var d = Distances.Between(rows[i], rows[j]);
                sums[i, cluster[j]] += d;
                sums[j, cluster[i]] += d;
            }
        var s = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (members[cluster[i]] == 1) continue;   // a singleton's silhouette is 0
            var a = sums[i, cluster[i]] / (members[cluster[i]] - 1);
            var b = Enumerable.Range(0, clusters.Count).Where(c => c != cluster[i]).Min(c => sums[i, c] / members[c]);
            s[i] = Math.Max(a, b) == 0 ? 0 : (b - a) / Math.Max(a, b);
        }
        return s;
    }
}
