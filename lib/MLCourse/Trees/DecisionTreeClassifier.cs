using MathNet.Numerics.LinearAlgebra;
using MLCourse.Classical;

namespace MLCourse.Trees;

/// <summary>
/// A CART classification tree with the Gini impurity, as
/// <c>sklearn.tree.DecisionTreeClassifier(criterion="gini", max_depth=maxDepth)</c>: grown depth first to
/// <see cref="MaxDepth"/>, splitting every impure node with at least 2 samples on the feature and threshold with the largest
/// decrease of the weighted Gini impurity, <c>W·G − W_l·G_l − W_r·G_r</c> with <c>G = 1 − Σ_c p_c²</c> and p_c the
/// weighted class proportions; thresholds at midpoints between consecutive distinct values, x ≤ threshold going left; each
/// leaf predicts its weighted class proportions. The split search is the one of <see cref="RegressionTree"/> with the Gini
/// criterion. Introduced in notebook 15; notebook 23 uses it on imbalanced data.
/// </summary>
/// <remarks>
/// <para>Sample weights multiply each sample's count in every proportion and impurity: scikit-learn's
/// <c>class_weight="balanced"</c> is the sample weight n/(k·n_c) of <see cref="ClassWeights.Balanced"/>, and an integer
/// weight m acts as m copies of the sample.</para>
/// <para>Same splits and predictions as scikit-learn wherever the best split of every node is unique; on ties, and on
/// scikit-learn's float32 thresholds, see <see cref="RegressionTree"/>.</para>
/// </remarks>
public sealed class DecisionTreeClassifier
{
    private CartTree? fitted;
    private int[] classes = [];

    /// <summary>Configures a tree; call <see cref="Fit"/> next.</summary>
    /// <param name="maxDepth">The maximum depth, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">maxDepth &lt; 1.</exception>
    public DecisionTreeClassifier(int maxDepth)
    {
        Guard.Positive(maxDepth, nameof(maxDepth));
        MaxDepth = maxDepth;
    }

    /// <summary>The maximum depth.</summary>
    public int MaxDepth { get; }

    /// <summary>The distinct training labels in increasing order (scikit-learn's <c>classes_</c>): the columns of <see cref="PredictProbability"/>.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public int[] Classes => fitted is null ? throw NotFitted() : (int[])classes.Clone();

    /// <summary>The nodes, depth first from the root; each <see cref="TreeNode.Value"/> holds the node's class proportions in the order of <see cref="Classes"/>.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public IReadOnlyList<TreeNode> Nodes => Fitted.Nodes;

    private CartTree Fitted => fitted ?? throw NotFitted();

    /// <summary>Grows the tree on the n×p features <paramref name="x"/> and labels <paramref name="y"/> and returns this instance.</summary>
    /// <param name="x">Features, one row per sample, finite, at least one row.</param>
    /// <param name="y">Class labels, one per row of x: any integers (one class only gives a single leaf).</param>
    /// <param name="sampleWeight">Optional weights ≥ 0 (finite, not all 0), one per row; default all 1.</param>
    /// <exception cref="ArgumentException">x empty or not finite (<c>x</c>); y of the wrong length (<c>y</c>, both shapes
    /// named); a weight negative, not finite, of the wrong length, or all weights 0 (<c>sampleWeight</c>).</exception>
    public DecisionTreeClassifier Fit(Matrix<double> x, int[] y, Vector<double>? sampleWeight = null)
    {
        Validation.FiniteRows(x, nameof(x), minimumRows: 1);
        Validation.Labels(x, y, nameof(y));
        var weight = Validation.SampleWeights(x, sampleWeight, nameof(sampleWeight));
        var (distinct, index) = Encode(y);
        var criterion = new GiniCriterion(distinct.Length);
        fitted = CartTree.Grow(new PresortedFeatures(x), GiniCriterion.Statistics(index, weight, distinct.Length), criterion, MaxDepth);
        classes = distinct;
        return this;
    }

    /// <summary>
    /// The class probabilities of every row of x: the weighted class proportions of its leaf, one column per class in the
    /// order of <see cref="Classes"/> (scikit-learn's <c>predict_proba</c>).
    /// </summary>
    /// <exception cref="ArgumentException">x has another number of columns than the training data (both shapes named) or a NaN/∞ entry.</exception>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Matrix<double> PredictProbability(Matrix<double> x)
    {
        var (tree, leaves) = (Fitted, Fitted.Apply(x));
        return Matrix<double>.Build.Dense(leaves.Length, classes.Length, (i, c) => tree.Value(leaves[i], c));
    }

    /// <summary>The most probable class of every row of x, the smaller label on a tie (scikit-learn's <c>predict</c>).</summary>
    /// <inheritdoc cref="PredictProbability"/>
    public int[] Predict(Matrix<double> x)
    {
        var probability = PredictProbability(x);
        return Enumerable.Range(0, x.RowCount).Select(i => classes[probability.Row(i).MaximumIndex()]).ToArray();
    }

    /// <summary>The index (into <see cref="Nodes"/>) of the leaf every row of x falls into (scikit-learn's <c>apply</c>).</summary>
    /// <inheritdoc cref="PredictProbability"/>
    public int[] Apply(Matrix<double> x) => Fitted.Apply(x);

    /// <summary>
    /// Every candidate split of one feature: for each threshold between consecutive distinct sorted values of
    /// <paramref name="feature"/>, the sample counts left and right and the decrease W·G − W_l·G_l − W_r·G_r of the weighted
    /// Gini impurity (<see cref="SplitCandidate.Gain"/>), in increasing order of threshold.
    /// </summary>
    /// <exception cref="ArgumentException">feature empty or not finite; y or sampleWeight of another length or invalid (as in <see cref="Fit"/>).</exception>
    public static IReadOnlyList<SplitCandidate> Splits(Vector<double> feature, int[] y, Vector<double>? sampleWeight = null)
    {
        var x = RegressionTree.FeatureMatrix(feature, nameof(feature));
        Validation.Labels(x, y, nameof(y));
        var weight = Validation.SampleWeights(x, sampleWeight, nameof(sampleWeight));
        var (distinct, index) = Encode(y);
        return SplitSearch.Candidates(x, GiniCriterion.Statistics(index, weight, distinct.Length), new GiniCriterion(distinct.Length));
    }

    /// <summary>The sorted distinct labels and each sample's position among them.</summary>
    private static (int[] Classes, int[] Index) Encode(int[] y)
    {
        var distinct = y.Distinct().Order().ToArray();
        return (distinct, y.Select(label => Array.BinarySearch(distinct, label)).ToArray());
    }

    private static InvalidOperationException NotFitted() => new("Call Fit before reading the nodes or predicting.");
}
