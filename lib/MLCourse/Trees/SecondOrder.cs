using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;

namespace MLCourse.Trees;

/// <summary>
/// XGBoost's second-order objective for one boosting stage (Chen and Guestrin 2016). With gᵢ = ∂ℓ/∂F and hᵢ = ∂²ℓ/∂F² at
/// the current predictions, a tree with T leaves and leaf weights w_j has the objective
/// <c>Σ_j [G_j·w_j + ½(H_j + λ)·w_j²] + γT</c> (the loss's second-order Taylor expansion without its constant, plus the
/// penalty γT + ½λΣw_j²), where G_j and H_j sum gᵢ and hᵢ over the leaf. Minimising each leaf gives
/// <c>w_j* = −G_j/(H_j + λ)</c> and the structure score <c>Obj* = −½·Σ_j G_j²/(H_j + λ) + γT</c>; splitting a leaf changes
/// Obj* by minus the gain <c>½[G_L²/(H_L + λ) + G_R²/(H_R + λ) − (G_L + G_R)²/(H_L + H_R + λ)] − γ</c>.
/// Introduced in notebook 15 (trees and boosting).
/// </summary>
/// <remarks>
/// Ranges: λ ≥ 0, γ ≥ 0, every hᵢ ≥ 0 (a convex loss), and H + λ &gt; 0 for every leaf that gets a weight (a split whose
/// child has H + λ = 0 is not a candidate). For squared loss ½(y − F)²: g = F − y, h = 1, so w* = Σ(y − F)/(n + λ) and,
/// with λ = γ = 0, the gain is half the CART squared-error reduction. For the log-loss of p = σ(F): g = p − y, h = p(1 − p).
/// </remarks>
public static class SecondOrder
{
    /// <summary>The optimal leaf weight w* = −G/(H + λ).</summary>
    /// <param name="gradientSum">G, the sum of the leaf's gᵢ.</param>
    /// <param name="hessianSum">H, the sum of the leaf's hᵢ.</param>
    /// <param name="lambda">The L2 penalty λ ≥ 0 on leaf weights.</param>
    /// <exception cref="ArgumentException">A value not finite, λ &lt; 0, H &lt; 0 or H + λ = 0 (the parameter is named).</exception>
    public static double LeafWeight(double gradientSum, double hessianSum, double lambda)
    {
        CheckLeaf(gradientSum, hessianSum, lambda);
        return -gradientSum / (hessianSum + lambda);
    }

    /// <summary>
    /// The structure score Obj* = −½·Σ_j G_j²/(H_j + λ) + γT of the partition <paramref name="leaves"/> (sample i in leaf
    /// leaves[i], any integer ids, T of them): the minimum over the leaf weights of the second-order objective.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, g or h not finite, some hᵢ &lt; 0, λ or γ &lt; 0 or not finite, or a
    /// leaf with H + λ = 0 (the parameter is named).</exception>
    public static double StructureScore(int[] leaves, Vector<double> g, Vector<double> h, double lambda, double gamma)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        CheckSamples(g, h, lambda, gamma);
        Guard.SameLength(g.Count, nameof(g), leaves.Length, nameof(leaves));
        var score = 0.0;
        foreach (var leaf in Enumerable.Range(0, leaves.Length).GroupBy(i => leaves[i]))
        {
            var (sumG, sumH) = (leaf.Sum(i => g[i]), leaf.Sum(i => h[i]));
            if (!(sumH + lambda > 0))
                throw new ArgumentException($"Leaf {leaf.Key} has H + λ = {sumH + lambda}: its weight −G/(H + λ) is undefined.", nameof(h));
            score += -0.5 * sumG * sumG / (sumH + lambda) + gamma;
        }
        return score;
    }

    /// <summary>The gain ½[G_L²/(H_L + λ) + G_R²/(H_R + λ) − (G_L + G_R)²/(H_L + H_R + λ)] − γ of splitting a leaf into L and R.</summary>
    /// <exception cref="ArgumentException">A value not finite, λ or γ &lt; 0, H_L or H_R &lt; 0, or a child with H + λ = 0 (the parameter is named).</exception>
    public static double SplitGain(double gradientLeft, double hessianLeft, double gradientRight, double hessianRight, double lambda, double gamma)
    {
        CheckLeaf(gradientLeft, hessianLeft, lambda, nameof(gradientLeft), nameof(hessianLeft));
        CheckLeaf(gradientRight, hessianRight, lambda, nameof(gradientRight), nameof(hessianRight));
        Guard.NonNegative(gamma, nameof(gamma));
        return Gain(gradientLeft, hessianLeft, gradientRight, hessianRight, lambda, gamma);
    }

    /// <summary>The gain formula, unchecked (the split search calls it for every candidate).</summary>
    internal static double Gain(double gL, double hL, double gR, double hR, double lambda, double gamma) =>
        0.5 * (gL * gL / (hL + lambda) + gR * gR / (hR + lambda) - (gL + gR) * (gL + gR) / (hL + hR + lambda)) - gamma;

    /// <summary>
    /// Every candidate split of one feature (midpoints between consecutive distinct sorted values, x ≤ threshold left) with
    /// its gain, in increasing order of threshold: the split search of the CART trees with XGBoost's criterion.
    /// </summary>
    /// <exception cref="ArgumentException">feature empty or not finite; g or h of another length, not finite, some hᵢ &lt; 0; λ or γ &lt; 0.</exception>
    public static IReadOnlyList<SplitCandidate> Splits(Vector<double> feature, Vector<double> g, Vector<double> h, double lambda = 1, double gamma = 0)
    {
        var x = RegressionTree.FeatureMatrix(feature, nameof(feature));
        CheckSamples(g, h, lambda, gamma);
        Guard.SameLength(feature.Count, nameof(feature), g.Count, nameof(g));
        return SplitSearch.Candidates(x, SecondOrderCriterion.Statistics(g, h), new SecondOrderCriterion(lambda, gamma));
    }

    /// <summary>
    /// The split of all samples with the largest gain over every feature of <paramref name="x"/> (the lowest feature, then the
    /// lowest threshold, on ties), or null when every feature is constant. The gain may be ≤ 0: XGBoost then keeps the leaf.
    /// </summary>
    /// <exception cref="ArgumentException">x empty or not finite; g or h of another length than x has rows, not finite, some hᵢ &lt; 0; λ or γ &lt; 0.</exception>
    public static SplitCandidate? BestSplit(Matrix<double> x, Vector<double> g, Vector<double> h, double lambda = 1, double gamma = 0)
    {
        Classical.Validation.FiniteRows(x, nameof(x), minimumRows: 1);
        CheckSamples(g, h, lambda, gamma);
        Classical.Validation.Targets(x, g, nameof(g));
        return SplitSearch.BestOf(x, SecondOrderCriterion.Statistics(g, h), new SecondOrderCriterion(lambda, gamma));
    }

    /// <summary>g = F − y and h = 1 for the squared loss ½(y − F)² at the raw predictions F.</summary>
    /// <exception cref="ArgumentException">Lengths differ (ParamName <c>raw</c>) or a value is not finite.</exception>
    public static (Vector<double> G, Vector<double> H) SquaredErrorGradients(Vector<double> y, Vector<double> raw)
    {
        Guard.SameLength(y, nameof(y), raw, nameof(raw));
        CheckFinite(y, nameof(y));
        CheckFinite(raw, nameof(raw));
        return (raw - y, Vector<double>.Build.Dense(y.Count, 1.0));
    }

    /// <summary>
    /// g = p − y and h = p(1 − p) with p = σ(F) for the log-loss −y·log p − (1 − y)·log(1 − p) of labels y ∈ {0, 1} at the
    /// raw scores (log-odds) F.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ (ParamName <c>raw</c>), a label other than 0 or 1 (<c>y</c>), or a score not finite (<c>raw</c>).</exception>
    public static (Vector<double> G, Vector<double> H) LogisticGradients(int[] y, Vector<double> raw)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(raw);
        Guard.SameLength(y.Length, nameof(y), raw.Count, nameof(raw));
        for (var i = 0; i < y.Length; i++)
            if (y[i] is not (0 or 1)) throw new ArgumentException($"y[{i}] = {y[i]}: the labels must be 0 or 1.", nameof(y));
        CheckFinite(raw, nameof(raw));
        var p = raw.Map(Activation.Sigmoid);
        return (Vector<double>.Build.Dense(y.Length, i => p[i] - y[i]), p.Map(v => v * (1 - v)));
    }

    private static void CheckLeaf(double gradientSum, double hessianSum, double lambda,
        string gradientName = "gradientSum", string hessianName = "hessianSum")
    {
        Guard.Finite(gradientSum, gradientName);
        Guard.NonNegative(hessianSum, hessianName);
        Guard.NonNegative(lambda, nameof(lambda));
        if (hessianSum + lambda == 0)
            throw new ArgumentException($"{hessianName} + λ = 0: the leaf weight −G/(H + λ) is undefined (use λ > 0 or a leaf with H > 0).", hessianName);
    }

    private static void CheckSamples(Vector<double> g, Vector<double> h, double lambda, double gamma)
    {
        Guard.SameLength(g, nameof(g), h, nameof(h));
        CheckFinite(g, nameof(g));
        for (var i = 0; i < h.Count; i++)
            if (!(h[i] >= 0) || double.IsPositiveInfinity(h[i]))
                throw new ArgumentException($"h[{i}] = {h[i]}: the second derivatives must be finite and ≥ 0 (a convex loss).", nameof(h));
        Guard.NonNegative(lambda, nameof(lambda));
        Guard.NonNegative(gamma, nameof(gamma));
    }

    private static void CheckFinite(Vector<double> v, string name)
    {
        for (var i = 0; i < v.Count; i++)
            if (!double.IsFinite(v[i])) throw new ArgumentException($"{name}[{i}] = {v[i]}: the values must be finite.", name);
    }
}
