using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Metrics;

/// <summary>
/// Metrics of a ranking: a real-valued score per sample (higher = more likely positive) against binary labels
/// (1 = positive, 0 = negative), as <c>sklearn.metrics</c> computes them (scikit-learn 1.2). Introduced in notebook 18
/// (evaluation metrics).
/// </summary>
/// <remarks>
/// <para>Every threshold t between distinct scores predicts "positive" for score ≥ t. Walking the distinct scores from
/// the highest down gives, after each one, the counts TP (positives with score ≥ t) and FP (negatives with score ≥ t):
/// the points of the ROC curve (FPR = FP/N, TPR = TP/P) and of the precision–recall curve (precision = TP/(TP + FP),
/// recall = TP/P). Samples with equal scores always change sides together, so a run of tied scores is one step of
/// the curve: a diagonal segment of the ROC curve when it holds both classes.</para>
/// <para>Validation, for every method: scores and labels must have the same length (an <see cref="ArgumentException"/>
/// whose <c>ParamName</c> is <c>labels</c> states both lengths), must not be empty, every label must be 0 or 1
/// (<c>ParamName</c> <c>labels</c>) and every score finite (<c>ParamName</c> <c>scores</c>).</para>
/// </remarks>
public static class Ranking
{
    /// <summary>
    /// The area under the ROC curve: the trapezoidal area, which equals the Mann–Whitney probability
    /// P(score of a random positive &gt; score of a random negative) + ½·P(tie), the same value as
    /// <c>sklearn.metrics.roc_auc_score</c>. Computed in counts, Σ ΔFP·(TP_before + TP_after)/2 over the thresholds,
    /// divided by P·N once at the end, so it is exact up to that one rounding.
    /// </summary>
    /// <param name="scores">One score per sample, any finite values; only their order matters.</param>
    /// <param name="labels">One label per sample, 0 or 1 (1 = positive).</param>
    /// <returns>The AUC in [0, 1]: 1 for a perfect ranking, 0 for a reversed one, ½ when every score is equal.</returns>
    /// <exception cref="ArgumentException">The labels hold one class only (AUC is undefined, as scikit-learn says), or
    /// the validation of <see cref="Ranking"/> fails.</exception>
    public static double RocAuc(Vector<double> scores, int[] labels)
    {
        var curve = Curve(scores, labels);
        if (curve.Positives == 0 || curve.Negatives == 0)
            throw new ArgumentException(
                $"labels has only {(curve.Positives == 0 ? "negatives (0)" : "positives (1)")}: ROC AUC is undefined with one class (no positive–negative pair to compare).",
                nameof(labels));
        var (area, tpBefore, fpBefore) = (0.0, 0.0, 0.0);
        for (var i = 0; i < curve.Count; i++)
        {
            area += (curve.FalsePositives[i] - fpBefore) * (curve.TruePositives[i] + tpBefore);   // twice the trapezoid, in counts
            (tpBefore, fpBefore) = (curve.TruePositives[i], curve.FalsePositives[i]);
        }
        return area / 2 / ((double)curve.Positives * curve.Negatives);
    }

    /// <summary>
    /// Average precision, AP = Σₖ (Rₖ − Rₖ₋₁)·Pₖ over the thresholds from the highest score down (R₋₁ = 0): precision
    /// weighted by the recall each threshold adds, the same value as <c>sklearn.metrics.average_precision_score</c>
    /// (no interpolation; tied scores form one threshold). Unlike the AUC it depends on the prevalence: the all-tied
    /// score has AP = P/(P + N).
    /// </summary>
    /// <param name="scores">One score per sample, any finite values.</param>
    /// <param name="labels">One label per sample, 0 or 1 (1 = positive).</param>
    /// <returns>AP in [0, 1]. Without positives recall is undefined; like scikit-learn 1.2 (which warns) this returns 0.</returns>
    /// <exception cref="ArgumentException">The validation of <see cref="Ranking"/> fails.</exception>
    public static double AveragePrecision(Vector<double> scores, int[] labels)
    {
        var curve = Curve(scores, labels);
        if (curve.Positives == 0) return 0;
        var (sum, tpBefore) = (0.0, 0.0);
        for (var i = 0; i < curve.Count; i++)
        {
            var tp = curve.TruePositives[i];
            sum += (tp - tpBefore) / curve.Positives * (tp / (tp + curve.FalsePositives[i]));
            tpBefore = tp;
        }
        return sum;
    }

    /// <summary>
    /// The points of the ROC curve as <c>sklearn.metrics.roc_curve</c> (1.2) returns them: the first point (0, 0) at the
    /// threshold max(score) + 1, then one point per distinct score from the highest down, ending at (1, 1).
    /// </summary>
    /// <param name="scores">One score per sample, any finite values.</param>
    /// <param name="labels">One label per sample, 0 or 1 (1 = positive).</param>
    /// <param name="dropIntermediate">scikit-learn's <c>drop_intermediate</c> (default true): leave out the points that lie on
    /// a straight line between their neighbours (they do not change the curve or its area). False keeps every distinct score.</param>
    /// <returns>FPR = FP/N, TPR = TP/P and the thresholds (decreasing), all of the same length. With no negatives FPR is
    /// NaN everywhere, with no positives TPR is (scikit-learn warns).</returns>
    /// <exception cref="ArgumentException">The validation of <see cref="Ranking"/> fails.</exception>
    public static (Vector<double> FalsePositiveRate, Vector<double> TruePositiveRate, Vector<double> Thresholds) RocCurve(
        Vector<double> scores, int[] labels, bool dropIntermediate = true)
    {
        var curve = Curve(scores, labels);
        var kept = Enumerable.Range(0, curve.Count).Where(i => !dropIntermediate || curve.Count <= 2 || i == 0 || i == curve.Count - 1
            || curve.FalsePositives[i + 1] - 2 * curve.FalsePositives[i] + curve.FalsePositives[i - 1] != 0
            || curve.TruePositives[i + 1] - 2 * curve.TruePositives[i] + curve.TruePositives[i - 1] != 0).ToList();
        double Rate(double count, int total) => total == 0 ? double.NaN : count / total;
        var fpr = kept.Select(i => Rate(curve.FalsePositives[i], curve.Negatives)).Prepend(Rate(0, curve.Negatives));
        var tpr = kept.Select(i => Rate(curve.TruePositives[i], curve.Positives)).Prepend(Rate(0, curve.Positives));
        var thresholds = kept.Select(i => curve.Thresholds[i]).Prepend(curve.Thresholds[0] + 1);
        var build = Vector<double>.Build;
        return (build.DenseOfEnumerable(fpr), build.DenseOfEnumerable(tpr), build.DenseOfEnumerable(thresholds));
    }

    /// <summary>
    /// The points of the precision–recall curve as <c>sklearn.metrics.precision_recall_curve</c> (1.2) returns them: one
    /// point per distinct score in increasing order of threshold (so recall decreases), then the end point
    /// (recall 0, precision 1), which has no threshold.
    /// </summary>
    /// <param name="scores">One score per sample, any finite values.</param>
    /// <param name="labels">One label per sample, 0 or 1 (1 = positive).</param>
    /// <returns>Precision and recall (one entry more than the thresholds) and the thresholds (the distinct scores,
    /// increasing). Without positives recall is 1 at every threshold, as in scikit-learn (which warns).</returns>
    /// <exception cref="ArgumentException">The validation of <see cref="Ranking"/> fails.</exception>
    public static (Vector<double> Precision, Vector<double> Recall, Vector<double> Thresholds) PrecisionRecallCurve(
        Vector<double> scores, int[] labels)
    {
        var curve = Curve(scores, labels);
        var ascending = Enumerable.Range(0, curve.Count).Reverse().ToList();
        var precision = ascending.Select(i => curve.TruePositives[i] / (curve.TruePositives[i] + curve.FalsePositives[i])).Append(1.0);
        var recall = ascending.Select(i => curve.Positives == 0 ? 1 : curve.TruePositives[i] / curve.Positives).Append(0.0);
        var build = Vector<double>.Build;
        return (build.DenseOfEnumerable(precision), build.DenseOfEnumerable(recall), build.DenseOfEnumerable(ascending.Select(i => curve.Thresholds[i])));
    }

    /// <summary>TP and FP after each distinct score, from the highest down (scikit-learn's <c>_binary_clf_curve</c>).</summary>
    private sealed record BinaryCurve(double[] TruePositives, double[] FalsePositives, double[] Thresholds, int Positives, int Negatives)
    {
        public int Count => Thresholds.Length;
    }

    private static BinaryCurve Curve(Vector<double> scores, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        Guard.SameLength(scores.Count, nameof(scores), labels.Length, nameof(labels));
        if (labels.Length == 0) throw new ArgumentException("scores and labels are empty: give at least one sample.", nameof(scores));
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (0 or 1))
                throw new ArgumentException($"labels[{i}] is {labels[i]}: labels must be 0 (negative) or 1 (positive).", nameof(labels));
            if (!double.IsFinite(scores[i]))
                throw new ArgumentException($"scores[{i}] is {scores[i]}: scores must be finite.", nameof(scores));
        }
        var order = Enumerable.Range(0, labels.Length).OrderByDescending(i => scores[i]).ToArray();
        var (tps, fps, thresholds) = (new List<double>(), new List<double>(), new List<double>());
        var tp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            tp += labels[order[k]];
            if (k < order.Length - 1 && scores[order[k + 1]] == scores[order[k]]) continue;   // inside a run of tied scores
            tps.Add(tp);
            fps.Add(k + 1 - tp);
            thresholds.Add(scores[order[k]]);
        }
        return new BinaryCurve([.. tps], [.. fps], [.. thresholds], tp, labels.Length - tp);
    }
}
