namespace MLCourse.Clustering;

/// <summary>
/// One merge of agglomerative clustering: a row of SciPy's linkage matrix Z. Clusters are numbered as SciPy numbers
/// them: the n points are clusters 0 … n−1, and the cluster made by merge i (in merge order) is n + i. Introduced in
/// notebook 23.
/// </summary>
/// <param name="First">The smaller number of the two merged clusters (Z[i, 0]).</param>
/// <param name="Second">The larger number (Z[i, 1]).</param>
/// <param name="Height">The distance between the two clusters under the linkage (Z[i, 2]).</param>
/// <param name="Size">The number of points in the merged cluster (Z[i, 3]).</param>
public readonly record struct Merge(int First, int Second, double Height, int Size);

/// <summary>
/// The result of agglomerative clustering of n points: the n − 1 merges in order of increasing height (a binary tree
/// whose leaves are the points), as SciPy's linkage matrix. Cut it into flat clusters with <see cref="Cut"/>.
/// Introduced in notebook 23.
/// </summary>
public sealed class Dendrogram
{
    private readonly Merge[] merges;

    internal Dendrogram(int leaves, Merge[] merges) => (Leaves, this.merges) = (leaves, merges);

    /// <summary>The number of points n (the leaves of the tree).</summary>
    public int Leaves { get; }

    /// <summary>The n − 1 merges in merge order, heights non-decreasing.</summary>
    public IReadOnlyList<Merge> Merges => merges;

    /// <summary>The n − 1 merge heights in merge order (SciPy's <c>Z[:, 2]</c>).</summary>
    public double[] Heights => merges.Select(m => m.Height).ToArray();

    /// <summary>
    /// The points from left to right as a dendrogram draws them (SciPy's <c>leaves_list(Z)</c>): every cluster lists its
    /// <see cref="Merge.First"/> part, then its <see cref="Merge.Second"/> part.
    /// </summary>
    public int[] LeafOrder()
    {
        var order = new List<int>(Leaves);
        var stack = new Stack<int>([Leaves + merges.Length - 1]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node < Leaves) { order.Add(node); continue; }
            stack.Push(merges[node - Leaves].Second);   // popped after the whole First part
            stack.Push(merges[node - Leaves].First);
        }
        return [.. order];
    }

    /// <summary>
    /// Flat clusters with at most <paramref name="clusters"/> clusters, as SciPy's <c>fcluster(Z, clusters, "maxclust")</c>:
    /// the tree is cut at the lowest merge height h such that undoing every merge above h leaves at most that many
    /// clusters (with tied heights it can be fewer), and the clusters are numbered 1, 2, … in the order SciPy's traversal
    /// meets them (depth first from the root, First part before Second, a node's single points after its sub-clusters).
    /// </summary>
    /// <remarks>
    /// This is the rule of SciPy 1.15 and later (scipy/scipy#21121). Older versions, such as the SciPy 1.10 of the golden
    /// tests, never cut below the second-lowest merge height and return the n points together for k ≥ n, so they give
    /// fewer clusters than asked for when k is at least the number of clusters left after the lowest merges.
    /// </remarks>
    /// <returns>One label in 1 … m per point, m ≤ clusters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">clusters &lt; 1.</exception>
    public int[] Cut(int clusters)
    {
        Guard.Positive(clusters, nameof(clusters));
        if (clusters >= Leaves) return Enumerable.Range(1, Leaves).ToArray();
        // Heights are non-decreasing, so a cut through height h leaves n − #{merges with height ≤ h} clusters: at most k
        // from the height of merge n − k on (with ties, merges after it may share its height), and more below it.
        return Label(merges[Leaves - clusters - 1].Height);
    }

    /// <summary>SciPy's numbering of the flat clusters formed by the merges at heights ≤ cutoff.</summary>
    private int[] Label(double cutoff)
    {
        var (labels, visited) = (new int[Leaves], new bool[merges.Length]);
        var (count, leader) = (0, -1);
        var path = new Stack<int>([merges.Length - 1]);
        while (path.Count > 0)
        {
            var node = path.Peek();
            var (first, second) = (merges[node].First, merges[node].Second);
            if (leader == -1 && merges[node].Height <= cutoff) (leader, count) = (node, count + 1);
            if (Descend(first) || Descend(second)) continue;
            foreach (var leaf in new[] { first, second }.Where(c => c < Leaves))
                labels[leaf] = leader == -1 ? ++count : count;
            if (leader == node) leader = -1;
            path.Pop();
        }
        return labels;

        bool Descend(int child)
        {
            if (child < Leaves || visited[child - Leaves]) return false;
            visited[child - Leaves] = true;
            path.Push(child - Leaves);
            return true;
        }
    }
}
