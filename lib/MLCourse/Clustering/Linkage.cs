namespace MLCourse.Clustering;

/// <summary>
/// How agglomerative clustering measures the distance between two clusters A and B, as SciPy's
/// <c>scipy.cluster.hierarchy.linkage(x, method)</c> names them. Introduced in notebook 23.
/// </summary>
/// <remarks>
/// When A and B merge, the distance from the new cluster to any other cluster C follows from the old distances by the
/// Lance–Williams update (n_A, n_B, n_C the sizes): single min(d_AC, d_BC); complete max(d_AC, d_BC); average
/// (n_A·d_AC + n_B·d_BC)/(n_A + n_B); Ward √[((n_C + n_A)d_AC² + (n_C + n_B)d_BC² − n_C·d_AB²)/(n_A + n_B + n_C)].
/// </remarks>
public enum Linkage
{
    /// <summary>The smallest distance between a point of A and a point of B (nearest neighbours; chains along thin shapes).</summary>
    Single,

    /// <summary>The largest distance between a point of A and a point of B (the diameter of A ∪ B across the cut).</summary>
    Complete,

    /// <summary>The mean of the n_A·n_B distances between the points of A and those of B (UPGMA).</summary>
    Average,

    /// <summary>
    /// Ward's criterion in SciPy's units: √(2·ΔSSE) = √(2n_An_B/(n_A + n_B))·‖c_A − c_B‖, where ΔSSE is the increase of
    /// the within-cluster sum of squared distances to the centroids when A and B merge (for two points, their distance).
    /// </summary>
    Ward,
}
