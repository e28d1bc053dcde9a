using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Trees;

/// <summary>
/// One node of a fitted CART tree, as scikit-learn's <c>tree_</c> arrays describe it. Nodes are numbered in depth-first
/// order, the root 0 and every left subtree before the right one (scikit-learn's order). Introduced in notebook 15.
/// </summary>
/// <param name="Feature">The feature a split node tests; −1 for a leaf.</param>
/// <param name="Threshold">Samples with x[Feature] ≤ Threshold go to <paramref name="Left"/>; NaN for a leaf.</param>
/// <param name="Left">The left child's index; −1 for a leaf.</param>
/// <param name="Right">The right child's index; −1 for a leaf.</param>
/// <param name="Depth">0 for the root.</param>
/// <param name="Samples">How many training samples reached the node (<c>n_node_samples</c>).</param>
/// <param name="Weight">Their total sample weight (<c>weighted_n_node_samples</c>).</param>
/// <param name="Impurity">The node's impurity: the weighted variance of y (regression) or the weighted Gini impurity (classification).</param>
/// <param name="Value">The node's prediction: the weighted mean of y (one number), or the weighted class proportions in the
/// order of the classifier's classes (<c>tree_.value</c> normalised).</param>
public sealed record TreeNode(int Feature, double Threshold, int Left, int Right, int Depth, int Samples, double Weight, double Impurity, IReadOnlyList<double> Value)
{
    /// <summary>Whether the node is a leaf (it has no children).</summary>
    public bool IsLeaf => Left < 0;
}

/// <summary>
/// A CART tree grown depth first with a <see cref="NodeCriterion"/>, shared by <see cref="RegressionTree"/>,
/// <see cref="DecisionTreeClassifier"/> and the stages of <see cref="GradientBoostingRegressor"/>. A node becomes a leaf at
/// the maximum depth, with fewer than 2 samples, with impurity ≤ machine epsilon, or when every feature is constant on it;
/// otherwise it takes the best split of <see cref="SplitSearch"/> over all features (no minimum leaf size), as scikit-learn's
/// <c>DepthFirstTreeBuilder</c> with <c>min_samples_split=2, min_samples_leaf=1</c> does.
/// </summary>
internal sealed class CartTree
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly List<int> feature = [], left = [], right = [], depth = [], samples = [];
    private readonly List<double> threshold = [], weight = [], impurity = [], values = [];
    private readonly int valueWidth;

    private CartTree(int features, int valueWidth) => (Features, this.valueWidth) = (features, valueWidth);

    /// <summary>The number of columns x must have.</summary>
    public int Features { get; }

    /// <summary>The fitted nodes, depth first.</summary>
    public IReadOnlyList<TreeNode> Nodes { get; private set; } = [];

    /// <summary>Value number <paramref name="k"/> of node <paramref name="node"/>.</summary>
    public double Value(int node, int k) => values[node * valueWidth + k];

    /// <summary>
    /// Grows a tree on the presorted features with the per-sample statistics <paramref name="stats"/> (row-major, the criterion's
    /// width per sample). When <paramref name="leafOfSample"/> is given, it receives each training sample's leaf.
    /// </summary>
    public static CartTree Grow(PresortedFeatures data, double[] stats, NodeCriterion criterion, int maxDepth, int[]? leafOfSample = null)
    {
        var tree = new CartTree(data.Features, criterion.ValueWidth);
        new Grower(tree, data, stats, criterion, maxDepth, leafOfSample).Node(0, data.Rows, 0);
        tree.Nodes = Enumerable.Range(0, tree.feature.Count).Select(i => new TreeNode(
            tree.feature[i], tree.threshold[i], tree.left[i], tree.right[i], tree.depth[i], tree.samples[i], tree.weight[i], tree.impurity[i],
            tree.values.GetRange(i * tree.valueWidth, tree.valueWidth).AsReadOnly())).ToList().AsReadOnly();
        return tree;
    }

    /// <summary>The leaf each row of <paramref name="x"/> falls into.</summary>
    /// <exception cref="ArgumentException">x has another number of columns than the training data (both shapes are named) or a NaN/∞ entry.</exception>
    public int[] Apply(Matrix<double> x) => Array.ConvertAll(Rows(x), Leaf);

    /// <summary>The rows of x as arrays, after checking x has the training data's number of columns and finite entries.</summary>
    /// <exception cref="ArgumentException">x has another number of columns than the training data (both shapes are named) or a NaN/∞ entry.</exception>
    public double[][] Rows(Matrix<double> x)
    {
        Guard.Columns(x, Features, nameof(x), "one per feature the tree was fitted on");
        Classical.Validation.FiniteRows(x, nameof(x), minimumRows: 0);
        return x.ToRowArrays();
    }

    /// <summary>The leaf a (checked) row falls into: from the root, x[feature] ≤ threshold goes left.</summary>
    public int Leaf(double[] row)
    {
        var node = 0;
        while (left[node] >= 0) node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
        return node;
    }

    private int AddNode(int nodeDepth, int count, double nodeWeight, double nodeImpurity, double[] value)
    {
        feature.Add(-1);
        threshold.Add(double.NaN);
        left.Add(-1);
        right.Add(-1);
        depth.Add(nodeDepth);
        samples.Add(count);
        weight.Add(nodeWeight);
        impurity.Add(nodeImpurity);
        values.AddRange(value);
        return feature.Count - 1;
    }

    /// <summary>The recursion: each node's samples are a segment [start, end) of every feature's order, kept sorted by partitioning stably.</summary>
    private sealed class Grower(CartTree tree, PresortedFeatures data, double[] stats, NodeCriterion criterion, int maxDepth, int[]? leafOfSample)
    {
        private readonly int[][] order = Array.ConvertAll(data.Order, o => (int[])o.Clone());
        private readonly bool[] goesLeft = new bool[data.Rows];
        private readonly int[] buffer = new int[data.Rows];
        private readonly double[] left = new double[criterion.Width], right = new double[criterion.Width];

        public int Node(int start, int end, int nodeDepth)
        {
            var totals = SplitSearch.Totals(stats, criterion.Width, order[0], start, end);
            var value = new double[criterion.ValueWidth];
            criterion.Value(totals, value);
            var nodeImpurity = criterion.Impurity(totals);
            var id = tree.AddNode(nodeDepth, end - start, totals[0], nodeImpurity, value);
            var best = SplitSearch.Best.None;
            if (nodeDepth < maxDepth && end - start >= 2 && nodeImpurity > MachineEpsilon)
                for (var f = 0; f < data.Features; f++)
                    SplitSearch.Scan(f, order[f], start, end, data.Columns[f], stats, criterion, totals, left, right, ref best);
            if (best.Feature < 0)
            {
                if (leafOfSample is not null)
                    for (var i = start; i < end; i++) leafOfSample[order[0][i]] = id;
                return id;
            }
            var middle = start + best.LeftCount;
            var chosen = order[best.Feature];
            for (var i = start; i < end; i++) goesLeft[chosen[i]] = i < middle;
            foreach (var sorted in order) Partition(sorted, start, end, middle);
            tree.feature[id] = best.Feature;
            tree.threshold[id] = best.Threshold;
            tree.left[id] = Node(start, middle, nodeDepth + 1);
            tree.right[id] = Node(middle, end, nodeDepth + 1);
            return id;
        }

        /// <summary>Moves the left child's samples to the front of the segment and the right child's after them, each in its sorted order.</summary>
        private void Partition(int[] sorted, int start, int end, int middle)
        {
            var (l, r) = (start, middle);
            for (var i = start; i < end; i++)
            {
                var s = sorted[i];
                if (goesLeft[s]) buffer[l++] = s;
                else buffer[r++] = s;
            }
            Array.Copy(buffer, start, sorted, start, end - start);
        }
    }
}
