namespace MLCourse.Trees;

/// <summary>
/// Node impurities of classification trees. Introduced in notebook 15 (trees and boosting); notebook 23 uses it for
/// imbalanced data.
/// </summary>
public static class Impurity
{
    /// <summary>
    /// The Gini impurity 1 − Σ_c p_c² of a node whose classes have the (weighted) counts <paramref name="classWeights"/>,
    /// p_c = n_c/Σn: the probability that two samples drawn from the node with replacement (by weight) belong to different
    /// classes, and the total variance of the one-hot labels. 0 for a pure node, 1 − 1/k for k equally weighted classes;
    /// a 98:2 node has 1 − 0.98² − 0.02² = 0.0392.
    /// </summary>
    /// <exception cref="ArgumentException">No counts, a count negative or not finite, or all counts 0 (ParamName <c>classWeights</c>).</exception>
    public static double Gini(params double[] classWeights)
    {
        ArgumentNullException.ThrowIfNull(classWeights);
        if (classWeights.Length == 0) throw new ArgumentException("Give the count (or weight) of at least one class.", nameof(classWeights));
        for (var c = 0; c < classWeights.Length; c++)
            if (!(classWeights[c] >= 0) || double.IsPositiveInfinity(classWeights[c]))
                throw new ArgumentException($"classWeights[{c}] = {classWeights[c]}: counts must be finite numbers ≥ 0.", nameof(classWeights));
        var total = classWeights.Sum();
        if (total == 0) throw new ArgumentException("classWeights is 0 everywhere: the node is empty.", nameof(classWeights));
        return GiniOf(classWeights, total);
    }

    /// <summary>1 − Σ_c (n_c/total)², unchecked (the tree's criterion calls it for every node).</summary>
    internal static double GiniOf(ReadOnlySpan<double> classWeights, double total)
    {
        var sumOfSquares = 0.0;
        foreach (var n in classWeights) sumOfSquares += n / total * (n / total);
        return 1 - sumOfSquares;
    }
}
