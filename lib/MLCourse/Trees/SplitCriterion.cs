using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Trees;

/// <summary>
/// What the CART split search adds up and how it scores a split (the "impurity" a tree is parameterised by). Each sample
/// contributes <see cref="Width"/> numbers, its statistics; a node is summarised by their sums, a split by the sums of its
/// two children. <see cref="SplitSearch"/> scans the thresholds with any criterion, <see cref="CartTree"/> grows trees with a
/// <see cref="NodeCriterion"/>.
/// </summary>
internal abstract class SplitCriterion(int width)
{
    /// <summary>How many statistics each sample contributes.</summary>
    public int Width { get; } = width;

    /// <summary>
    /// The score of the split whose children have the summed statistics <paramref name="left"/> and <paramref name="right"/>
    /// (their sum is <paramref name="parent"/>): larger is better; −∞ or NaN when the split is not admissible.
    /// </summary>
    public abstract double Score(double[] left, double[] right, double[] parent);
}

/// <summary>A criterion a tree can be grown with: statistics that start with the sample weight, a node impurity and a node value.</summary>
internal abstract class NodeCriterion(int width, int valueWidth) : SplitCriterion(width)
{
    /// <summary>How many numbers a node predicts (1 for regression, one probability per class for classification).</summary>
    public int ValueWidth { get; } = valueWidth;

    /// <summary>The node's impurity (scikit-learn's <c>tree_.impurity</c>); a node at or below machine epsilon is not split.</summary>
    public abstract double Impurity(double[] node);

    /// <summary>Writes the node's prediction into <paramref name="value"/>.</summary>
    public abstract void Value(double[] node, double[] value);
}

/// <summary>
/// Squared error: statistics (w, w·y, w·y²); impurity the weighted variance Σwy²/W − ȳ²; value the weighted mean ȳ; score
/// the reduction of the weighted sum of squared errors, W_l·W_r/W·(ȳ_l − ȳ_r)² (notebook 15 derives it).
/// </summary>
internal sealed class SquaredErrorCriterion : NodeCriterion
{
    public static readonly SquaredErrorCriterion Instance = new();

    private SquaredErrorCriterion() : base(3, 1) { }

    /// <summary>Each sample's (wᵢ, wᵢyᵢ, wᵢyᵢ²), row-major.</summary>
    public static double[] Statistics(Vector<double> y, Vector<double> weight)
    {
        var (ys, ws) = (y.ToArray(), weight.ToArray());
        var stats = new double[3 * ys.Length];
        for (var i = 0; i < ys.Length; i++)
            (stats[3 * i], stats[3 * i + 1], stats[3 * i + 2]) = (ws[i], ws[i] * ys[i], ws[i] * ys[i] * ys[i]);
        return stats;
    }

    public override double Score(double[] left, double[] right, double[] parent)
    {
        var difference = left[1] / left[0] - right[1] / right[0];
        return left[0] * right[0] / parent[0] * difference * difference;
    }

    public override double Impurity(double[] node)
    {
        var mean = node[1] / node[0];
        return node[2] / node[0] - mean * mean;
    }

    public override void Value(double[] node, double[] value) => value[0] = node[1] / node[0];
}

/// <summary>
/// Gini impurity over k classes: statistics (w, w·[y = 0], …, w·[y = k − 1]); impurity 1 − Σ_c p_c²; value the weighted class
/// proportions p_c; score the decrease of the weighted impurity, W·G − W_l·G_l − W_r·G_r = W_l·W_r/W·Σ_c (p_lc − p_rc)²
/// (the squared-error reduction of the one-hot labels: Gini is their total variance).
/// </summary>
internal sealed class GiniCriterion(int classes) : NodeCriterion(classes + 1, classes)
{
    /// <summary>Each sample's (wᵢ, one-hot(cᵢ)·wᵢ), row-major, for class indices cᵢ ∈ [0, k).</summary>
    public static double[] Statistics(int[] classIndex, Vector<double> weight, int classes)
    {
        var (ws, stats) = (weight.ToArray(), new double[(classes + 1) * classIndex.Length]);
        for (var i = 0; i < classIndex.Length; i++)
        {
            stats[(classes + 1) * i] = ws[i];
            stats[(classes + 1) * i + 1 + classIndex[i]] = ws[i];
        }
        return stats;
    }

    public override double Score(double[] left, double[] right, double[] parent)
    {
        var sum = 0.0;
        for (var c = 1; c < left.Length; c++)
        {
            var difference = left[c] / left[0] - right[c] / right[0];
            sum += difference * difference;
        }
        return left[0] * right[0] / parent[0] * sum;
    }

    public override double Impurity(double[] node) => Trees.Impurity.GiniOf(node.AsSpan(1), node[0]);

    public override void Value(double[] node, double[] value)
    {
        for (var c = 0; c < ValueWidth; c++) value[c] = node[c + 1] / node[0];
    }
}

/// <summary>
/// XGBoost's second-order criterion: statistics (gᵢ, hᵢ); score the split gain
/// ½[G_l²/(H_l + λ) + G_r²/(H_r + λ) − G²/(H + λ)] − γ, not admissible when a child has H + λ ≤ 0.
/// </summary>
internal sealed class SecondOrderCriterion(double lambda, double gamma) : SplitCriterion(2)
{
    /// <summary>Each sample's (gᵢ, hᵢ), row-major.</summary>
    public static double[] Statistics(Vector<double> g, Vector<double> h)
    {
        var (gs, hs, stats) = (g.ToArray(), h.ToArray(), new double[2 * g.Count]);
        for (var i = 0; i < gs.Length; i++) (stats[2 * i], stats[2 * i + 1]) = (gs[i], hs[i]);
        return stats;
    }

    public override double Score(double[] left, double[] right, double[] parent) =>
        left[1] + lambda > 0 && right[1] + lambda > 0
            ? SecondOrder.Gain(left[0], left[1], right[0], right[1], lambda, gamma)
            : double.NegativeInfinity;
}
