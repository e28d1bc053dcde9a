using MathNet.Numerics.LinearAlgebra;
using MLCourse.Classical;
using MLCourse.Numerics;

namespace MLCourse.Clustering;

/// <summary>
/// Agglomerative (bottom-up hierarchical) clustering with Euclidean distances, as SciPy's
/// <c>scipy.cluster.hierarchy.linkage(x, method)</c>: start from n singleton clusters and merge the two closest clusters
/// n − 1 times, until one cluster is left. Introduced in notebook 23.
/// </summary>
/// <remarks>
/// <para>The literal procedure (scan all pairs for the closest, merge, update the distances) costs O(n³) time and O(n²)
/// memory. For the four linkages here, merging two clusters never brings the result closer to a third cluster than
/// both of them were (they are <i>reducible</i>), so any two clusters that are each other's nearest neighbours can be
/// merged at once: the nearest-neighbour chain algorithm follows nearest neighbours until two point at each other,
/// merges them, and finds the same merges in O(n²) time. Single linkage is the minimum spanning tree (Prim's
/// algorithm). Both are SciPy's algorithms, with its tie-breaking; the merges are then sorted by height (stably) and
/// numbered, so ties give SciPy's tree too.</para>
/// <para>Distances between merged clusters follow the Lance–Williams updates of <see cref="Linkage"/>.</para>
/// </remarks>
public static class Agglomerative
{
    /// <summary>The n − 1 merge heights in merge order: column 2 of SciPy's <c>linkage(x, method)</c>.</summary>
    /// <inheritdoc cref="Fit"/>
    public static double[] MergeHeights(Matrix<double> x, Linkage linkage) => Fit(x, linkage).Heights;

    /// <summary>Clusters the rows of <paramref name="x"/> and returns the whole merge tree (SciPy's linkage matrix).</summary>
    /// <param name="x">The points, one per row: at least 2 rows, finite entries.</param>
    /// <param name="linkage">The distance between clusters.</param>
    /// <exception cref="ArgumentException">x with fewer than 2 rows or a NaN/∞ entry (ParamName x).</exception>
    /// <exception cref="ArgumentOutOfRangeException">linkage is not one of the <see cref="Linkage"/> values.</exception>
    public static Dendrogram Fit(Matrix<double> x, Linkage linkage)
    {
        Validation.FiniteRows(x, nameof(x), minimumRows: 2);
        if (!Enum.IsDefined(linkage)) throw new ArgumentOutOfRangeException(nameof(linkage), linkage, $"Unknown linkage {(int)linkage}.");
        var d = Distances.Euclidean(x).ToArray();
        var found = linkage == Linkage.Single ? SpanningTree(d) : NearestNeighborChain(d, linkage);
        return new Dendrogram(x.RowCount, Number(found.OrderBy(m => m.Height).ToArray(), x.RowCount));
    }

    /// <summary>
    /// Prim's minimum spanning tree grown from point 0, recorded as SciPy records it: step k joins the point last added,
    /// x, and the point y closest to the tree so far, at that distance. Sorted by height and numbered, these are the
    /// single-linkage merges.
    /// </summary>
    private static List<(int A, int B, double Height)> SpanningTree(double[,] d)
    {
        var n = d.GetLength(0);
        var (inTree, toTree, steps) = (new bool[n], Enumerable.Repeat(double.PositiveInfinity, n).ToArray(), new List<(int, int, double)>(n - 1));
        for (int k = 0, x = 0; k < n - 1; k++)
        {
            inTree[x] = true;
            var (y, nearest) = (0, double.PositiveInfinity);
            for (var i = 0; i < n; i++)
            {
                if (inTree[i]) continue;
                toTree[i] = Math.Min(toTree[i], d[x, i]);
                if (toTree[i] < nearest) (y, nearest) = (i, toTree[i]);
            }
            steps.Add((x, y, nearest));
            x = y;
        }
        return steps;
    }

    /// <summary>
    /// The nearest-neighbour chain: grow a chain from the first active cluster, each step to the nearest cluster of the
    /// last one (keeping the previous link on a tie, the first index otherwise), until the last two are each other's
    /// nearest; merge them into the slot of the larger index and update its distances by Lance–Williams.
    /// </summary>
    private static List<(int A, int B, double Height)> NearestNeighborChain(double[,] d, Linkage linkage)
    {
        var n = d.GetLength(0);
        var size = Enumerable.Repeat(1, n).ToArray();
        var (chain, merges) = (new List<int>(n), new List<(int, int, double)>(n - 1));
        for (var k = 0; k < n - 1; k++)
        {
            if (chain.Count == 0) chain.Add(Array.FindIndex(size, s => s > 0));
            int x, y;
            double nearest;
            while (true)
            {
                x = chain[^1];
                (y, nearest) = chain.Count > 1 ? (chain[^2], d[x, chain[^2]]) : (-1, double.PositiveInfinity);
                for (var i = 0; i < n; i++)
                    if (size[i] > 0 && i != x && d[x, i] < nearest) (y, nearest) = (i, d[x, i]);
                if (chain.Count > 1 && y == chain[^2]) break;
                chain.Add(y);
            }
            chain.RemoveRange(chain.Count - 2, 2);
            if (x > y) (x, y) = (y, x);
            var (nx, ny) = (size[x], size[y]);
            merges.Add((x, y, nearest));
            (size[x], size[y]) = (0, nx + ny);
            for (var i = 0; i < n; i++)
                if (size[i] > 0 && i != y) d[i, y] = d[y, i] = Update(linkage, d[i, x], d[i, y], nearest, nx, ny, size[i]);
        }
        return merges;
    }

    /// <summary>The Lance–Williams update: the distance from cluster i to x ∪ y, from d(x, i), d(y, i), d(x, y) and the sizes.</summary>
    private static double Update(Linkage linkage, double xi, double yi, double xy, int nx, int ny, int ni)
    {
        if (linkage == Linkage.Complete) return Math.Max(xi, yi);
        if (linkage == Linkage.Average) return (nx * xi + ny * yi) / (nx + ny);
        var t = 1.0 / (nx + ny + ni);   // Ward (single linkage never gets here), in SciPy's order of operations
        return Math.Sqrt((ni + nx) * t * xi * xi + (ni + ny) * t * yi * yi - ni * t * xy * xy);
    }

    /// <summary>
    /// Numbers the merges (sorted by height) as SciPy does: merge i joins the clusters that currently hold its two
    /// points (found by union–find) and creates cluster n + i.
    /// </summary>
    private static Merge[] Number(IReadOnlyList<(int A, int B, double Height)> sorted, int n)
    {
        var parent = Enumerable.Range(0, 2 * n - 1).ToArray();
        var size = Enumerable.Range(0, 2 * n - 1).Select(i => i < n ? 1 : 0).ToArray();
        int Root(int c)
        {
            var root = c;
            while (parent[root] != root) root = parent[root];
            while (parent[c] != root)
            {
                var next = parent[c];
                parent[c] = root;
                c = next;
            }
            return root;
        }
        var merges = new Merge[n - 1];
        for (var i = 0; i < n - 1; i++)
        {
            var (a, b) = (Root(sorted[i].A), Root(sorted[i].B));
            (parent[a], parent[b], size[n + i]) = (n + i, n + i, size[a] + size[b]);
            merges[i] = new Merge(Math.Min(a, b), Math.Max(a, b), sorted[i].Height, size[n + i]);
        }
        return merges;
    }
}
