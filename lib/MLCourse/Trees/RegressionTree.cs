using MathNet.Numerics.LinearAlgebra;
using MLCourse.Classical;

namespace MLCourse.Trees;

/// <summary>
/// A CART regression tree, as <c>sklearn.tree.DecisionTreeRegressor(criterion="squared_error", max_depth=maxDepth)</c>:
/// grown depth first to <see cref="MaxDepth"/>, splitting every node with at least 2 samples (no minimum leaf size) on the
/// feature and threshold with the largest reduction of the (weighted) sum of squared errors,
/// <c>SSE − SSE_l − SSE_r = W_l·W_r/W·(ȳ_l − ȳ_r)²</c>; thresholds at the midpoints between consecutive distinct sorted
/// values, x ≤ threshold going left; each leaf predicts the weighted mean of its y. Introduced in notebook 15.
/// </summary>
/// <remarks>
/// <para>Same splits and predictions as scikit-learn wherever the best split of every node is unique. Where several splits
/// tie, this tree takes the lowest feature index (then the lowest threshold); scikit-learn visits the features in a random
/// order (its <c>random_state</c>) and may take another. Its <c>"friedman_mse"</c> criterion ranks splits by
/// W_l·W_r·(ȳ_l − ȳ_r)², W times this reduction, so it picks the same splits.</para>
/// <para>scikit-learn stores x as float32 before growing a tree, so its thresholds are midpoints of the float32-rounded values
/// (about 10⁻⁷ relative away from these); the partitions are the same unless two distinct values round to one float32, and
/// scikit-learn treats values closer than 10⁻⁷ as equal (FEATURE_THRESHOLD) where this tree splits any two distinct values.
/// On data exactly representable in float32 with gaps above 10⁻⁷ the thresholds agree to the last bit. A new value that lies on a
/// threshold up to rounding (27.8 between the training values 27.7 and 27.9, whose float64 midpoint is 27.799999999999997)
/// can go right here and left in scikit-learn.</para>
/// </remarks>
public sealed class RegressionTree
{
    private CartTree? fitted;

    /// <summary>Configures a tree; call <see cref="Fit"/> next.</summary>
    /// <param name="maxDepth">The maximum depth, ≥ 1 (a depth-1 tree is a stump: one split, two leaves).</param>
    /// <exception cref="ArgumentOutOfRangeException">maxDepth &lt; 1.</exception>
    public RegressionTree(int maxDepth)
    {
        Guard.Positive(maxDepth, nameof(maxDepth));
        MaxDepth = maxDepth;
    }

    /// <summary>A stage of <see cref="GradientBoostingRegressor"/>, grown by it.</summary>
    internal RegressionTree(int maxDepth, CartTree tree) : this(maxDepth) => fitted = tree;

    /// <summary>The maximum depth.</summary>
    public int MaxDepth { get; }

    /// <summary>The nodes, depth first from the root (scikit-learn's node order); each <see cref="TreeNode.Value"/> holds the node's mean.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public IReadOnlyList<TreeNode> Nodes => Fitted.Nodes;

    private CartTree Fitted => fitted ?? throw new InvalidOperationException("Call Fit before reading the nodes or predicting.");

    /// <summary>Grows the tree on the n×p features <paramref name="x"/> and targets <paramref name="y"/> and returns this instance.</summary>
    /// <param name="x">Features, one row per sample, finite, at least one row.</param>
    /// <param name="y">Targets, one per row of x, finite.</param>
    /// <param name="sampleWeight">Optional weights ≥ 0 (finite, not all 0), one per row; default all 1.</param>
    /// <exception cref="ArgumentException">x empty or not finite (<c>x</c>); y of the wrong length (both shapes named) or not
    /// finite (<c>y</c>); a weight negative, not finite, of the wrong length, or all weights 0 (<c>sampleWeight</c>).</exception>
    public RegressionTree Fit(Matrix<double> x, Vector<double> y, Vector<double>? sampleWeight = null)
    {
        Validation.FiniteRows(x, nameof(x), minimumRows: 1);
        Validation.Targets(x, y, nameof(y));
        var weight = Validation.SampleWeights(x, sampleWeight, nameof(sampleWeight));
        fitted = CartTree.Grow(new PresortedFeatures(x), SquaredErrorCriterion.Statistics(y, weight), SquaredErrorCriterion.Instance, MaxDepth);
        return this;
    }

    /// <summary>The prediction for every row of x: the mean of the training targets in the leaf it falls into.</summary>
    /// <exception cref="ArgumentException">x has another number of columns than the training data (both shapes named) or a NaN/∞ entry.</exception>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> Predict(Matrix<double> x) => Predict(Fitted.Rows(x));

    /// <summary>The predictions for rows already checked by <see cref="CartTree.Rows"/>.</summary>
    internal Vector<double> Predict(double[][] rows)
    {
        var tree = Fitted;
        return Vector<double>.Build.Dense(rows.Length, i => tree.Value(tree.Leaf(rows[i]), 0));
    }

    /// <inheritdoc cref="CartTree.Rows"/>
    internal double[][] Rows(Matrix<double> x) => Fitted.Rows(x);

    /// <summary>The index (into <see cref="Nodes"/>) of the leaf every row of x falls into (scikit-learn's <c>apply</c>).</summary>
    /// <inheritdoc cref="Predict(Matrix{double})"/>
    public int[] Apply(Matrix<double> x) => Fitted.Apply(x);

    /// <summary>
    /// Every candidate split of one feature: for each threshold between consecutive distinct sorted values of
    /// <paramref name="feature"/>, how many samples go left and right and the reduction W_l·W_r/W·(ȳ_l − ȳ_r)² of the
    /// weighted sum of squared errors (<see cref="SplitCandidate.Gain"/>), in increasing order of threshold.
    /// A constant feature has no candidates.
    /// </summary>
    /// <exception cref="ArgumentException">feature empty or not finite; y or sampleWeight of another length or invalid (as in <see cref="Fit"/>).</exception>
    public static IReadOnlyList<SplitCandidate> Splits(Vector<double> feature, Vector<double> y, Vector<double>? sampleWeight = null)
    {
        var x = FeatureMatrix(feature, nameof(feature));
        Validation.Targets(x, y, nameof(y));
        var weight = Validation.SampleWeights(x, sampleWeight, nameof(sampleWeight));
        return SplitSearch.Candidates(x, SquaredErrorCriterion.Statistics(y, weight), SquaredErrorCriterion.Instance);
    }

    /// <summary>A single feature as an n×1 matrix, checked to be non-empty and finite.</summary>
    internal static Matrix<double> FeatureMatrix(Vector<double> feature, string name)
    {
        Guard.NotEmpty(feature, name);
        var x = Matrix<double>.Build.DenseOfColumnVectors(feature);
        Validation.FiniteRows(x, name, minimumRows: 1);
        return x;
    }
}
