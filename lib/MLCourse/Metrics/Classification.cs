using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Metrics;

/// <summary>How <see cref="Classification.Averaged"/> combines the per-class scores (scikit-learn's <c>average</c>).</summary>
public enum Averaging
{
    /// <summary>Only the positive class's scores; the labels may hold at most two classes (<c>average="binary"</c>).</summary>
    Binary,

    /// <summary>Pool TP, predicted and true counts over all classes, then divide (<c>average="micro"</c>). For
    /// single-label data micro precision = micro recall = micro F = accuracy.</summary>
    Micro,

    /// <summary>The unweighted mean of the per-class scores: every class counts the same (<c>average="macro"</c>).</summary>
    Macro,

    /// <summary>The mean of the per-class scores weighted by each class's support, its number of true samples
    /// (<c>average="weighted"</c>).</summary>
    Weighted,
}

/// <summary>Per-class scores, as <c>sklearn.metrics.precision_recall_fscore_support(average=None)</c> returns them.</summary>
/// <param name="Labels">The classes, sorted: the union of the true and predicted labels.</param>
/// <param name="Precision">TP/(TP + FP) per class.</param>
/// <param name="Recall">TP/(TP + FN) per class.</param>
/// <param name="FScore">Fβ = (1 + β²)PR/(β²P + R) per class.</param>
/// <param name="Support">The number of true samples of each class, TP + FN.</param>
public sealed record ClassScores(IReadOnlyList<int> Labels, Vector<double> Precision, Vector<double> Recall, Vector<double> FScore, IReadOnlyList<int> Support);

/// <summary>
/// Metrics of hard predictions (one predicted class per sample) from the confusion matrix, as <c>sklearn.metrics</c>
/// (scikit-learn 1.2) computes them. Introduced in notebook 18 (evaluation metrics).
/// </summary>
/// <remarks>
/// <para>For one class c: TP = samples of class c predicted c, FP = other samples predicted c, FN = samples of class c
/// predicted otherwise. Precision = TP/(TP + FP) (how many of the predicted c are c), recall = TP/(TP + FN) (how many of
/// the c are found), Fβ = (1 + β²)·P·R/(β²P + R), the weighted harmonic mean (β = 1: F1 = 2PR/(P + R) = 2TP/(2TP + FP + FN)).</para>
/// <para>Zero division: precision is 0/0 for a class never predicted, recall for a class absent from the true labels;
/// such a value is set to <c>zeroDivision</c> (scikit-learn's <c>zero_division</c>: 0, its default "warn" without the
/// warning, or 1). Fβ is then computed from those values, and is 0 whenever β²P + R = 0. Range: β ≥ 0 (β = 0 gives
/// precision, β = +∞ recall).</para>
/// <para>Labels are any integers; the classes are the sorted union of the true and the predicted labels (scikit-learn's
/// <c>unique_labels</c>). Validation: yTrue and yPred must have the same length (<c>ParamName</c> <c>yPred</c>, both
/// lengths in the message) and must not be empty.</para>
/// </remarks>
public static class Classification
{
    /// <summary>The classes: the sorted union of the labels in <paramref name="yTrue"/> and <paramref name="yPred"/>.</summary>
    /// <inheritdoc cref="ConfusionMatrix" path="/exception"/>
    public static IReadOnlyList<int> Labels(int[] yTrue, int[] yPred)
    {
        Validate(yTrue, yPred);
        return yTrue.Concat(yPred).Distinct().Order().ToArray();
    }

    /// <summary>
    /// The confusion matrix C: C[i, j] counts the samples of true class <c>Labels[i]</c> predicted as <c>Labels[j]</c>
    /// (rows = truth, columns = prediction, as <c>sklearn.metrics.confusion_matrix</c>). For labels {0, 1} it is
    /// [[TN, FP], [FN, TP]]. The counts are stored as doubles, so the matrix displays and composes like any other.
    /// </summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels, one per sample.</param>
    /// <exception cref="ArgumentException">yTrue and yPred have different lengths (<c>ParamName</c> yPred) or are empty.</exception>
    public static Matrix<double> ConfusionMatrix(int[] yTrue, int[] yPred)
    {
        var labels = Labels(yTrue, yPred);
        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i);
        var counts = Matrix<double>.Build.Dense(labels.Count, labels.Count);
        for (var s = 0; s < yTrue.Length; s++) counts[index[yTrue[s]], index[yPred[s]]] += 1;
        return counts;
    }

    /// <summary>Accuracy: the fraction of samples predicted correctly, (TP + TN)/n in the binary case.</summary>
    /// <inheritdoc cref="ConfusionMatrix" path="/param"/>
    /// <inheritdoc cref="ConfusionMatrix" path="/exception"/>
    public static double Accuracy(int[] yTrue, int[] yPred)
    {
        Validate(yTrue, yPred);
        return yTrue.Zip(yPred).Count(p => p.First == p.Second) / (double)yTrue.Length;
    }

    /// <summary>
    /// Balanced accuracy: the mean recall over the classes present in <paramref name="yTrue"/>
    /// (<c>sklearn.metrics.balanced_accuracy_score</c>, adjusted = false). ½ for any constant prediction on two classes,
    /// however imbalanced they are. Classes that appear only among the predictions are left out (scikit-learn warns).
    /// </summary>
    /// <inheritdoc cref="ConfusionMatrix" path="/param"/>
    /// <inheritdoc cref="ConfusionMatrix" path="/exception"/>
    public static double BalancedAccuracy(int[] yTrue, int[] yPred)
    {
        var c = ConfusionMatrix(yTrue, yPred);
        return Enumerable.Range(0, c.RowCount).Where(i => c.Row(i).Sum() > 0).Average(i => c[i, i] / c.Row(i).Sum());
    }

    /// <summary>Precision TP/(TP + FP) of the class <paramref name="positiveLabel"/> (<c>precision_score</c>, average="binary").</summary>
    /// <inheritdoc cref="Averaged" path="/param"/>
    /// <inheritdoc cref="Averaged" path="/exception"/>
    public static double Precision(int[] yTrue, int[] yPred, int positiveLabel = 1, double zeroDivision = 0) =>
        Averaged(yTrue, yPred, Averaging.Binary, positiveLabel: positiveLabel, zeroDivision: zeroDivision).Precision;

    /// <summary>Recall TP/(TP + FN) of the class <paramref name="positiveLabel"/> (<c>recall_score</c>, average="binary").</summary>
    /// <inheritdoc cref="Averaged" path="/param"/>
    /// <inheritdoc cref="Averaged" path="/exception"/>
    public static double Recall(int[] yTrue, int[] yPred, int positiveLabel = 1, double zeroDivision = 0) =>
        Averaged(yTrue, yPred, Averaging.Binary, positiveLabel: positiveLabel, zeroDivision: zeroDivision).Recall;

    /// <summary>F1 = 2PR/(P + R), the harmonic mean of precision and recall, of the class <paramref name="positiveLabel"/> (<c>f1_score</c>).</summary>
    /// <inheritdoc cref="Averaged" path="/param"/>
    /// <inheritdoc cref="Averaged" path="/exception"/>
    public static double F1(int[] yTrue, int[] yPred, int positiveLabel = 1, double zeroDivision = 0) =>
        Averaged(yTrue, yPred, Averaging.Binary, positiveLabel: positiveLabel, zeroDivision: zeroDivision).FScore;

    /// <summary>Fβ = (1 + β²)PR/(β²P + R) of the class <paramref name="positiveLabel"/> (<c>fbeta_score</c>): recall counts β times as much as precision.</summary>
    /// <inheritdoc cref="Averaged" path="/param"/>
    /// <inheritdoc cref="Averaged" path="/exception"/>
    public static double FBeta(int[] yTrue, int[] yPred, double beta, int positiveLabel = 1, double zeroDivision = 0) =>
        Averaged(yTrue, yPred, Averaging.Binary, beta, positiveLabel, zeroDivision).FScore;

    /// <summary>Precision, recall, Fβ and support of every class (<c>precision_recall_fscore_support</c>, average=None).</summary>
    /// <inheritdoc cref="Averaged" path="/param"/>
    /// <inheritdoc cref="Averaged" path="/exception"/>
    public static ClassScores PerClass(int[] yTrue, int[] yPred, double beta = 1, double zeroDivision = 0)
    {
        ValidateOptions(beta, zeroDivision);
        var labels = Labels(yTrue, yPred);
        var (tp, predicted, truth) = Counts(yTrue, yPred, labels);
        var (precision, recall, f) = Scores(tp, predicted, truth, beta, zeroDivision);
        return new ClassScores(labels, precision, recall, f, truth.Select(t => (int)t).ToArray());
    }

    /// <summary>
    /// Precision, recall and Fβ averaged over the classes as <c>precision_recall_fscore_support(average=…)</c> does:
    /// see <see cref="Averaging"/>.
    /// </summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels, one per sample.</param>
    /// <param name="average">How to combine the classes.</param>
    /// <param name="beta">β of Fβ (default 1, F1). Range: β ≥ 0, +∞ allowed (Fβ = recall).</param>
    /// <param name="positiveLabel">The positive class for <see cref="Averaging.Binary"/> (default 1); ignored otherwise.</param>
    /// <param name="zeroDivision">The value of a 0/0 precision or recall: 0 (default) or 1.</param>
    /// <exception cref="ArgumentException">yTrue and yPred have different lengths (<c>ParamName</c> yPred) or are empty;
    /// <see cref="Averaging.Binary"/> with more than two classes (<c>average</c>), or with two classes of which neither is
    /// <paramref name="positiveLabel"/> (<c>positiveLabel</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">beta negative or NaN; zeroDivision other than 0 or 1.</exception>
    public static (double Precision, double Recall, double FScore) Averaged(
        int[] yTrue, int[] yPred, Averaging average, double beta = 1, int positiveLabel = 1, double zeroDivision = 0)
    {
        ValidateOptions(beta, zeroDivision);
        var labels = Labels(yTrue, yPred);
        if (average == Averaging.Binary)
        {
            if (labels.Count > 2)
                throw new ArgumentException(
                    $"The labels hold {labels.Count} classes ({string.Join(", ", labels)}): binary averaging needs at most 2; use Micro, Macro or Weighted.",
                    nameof(average));
            if (labels.Count == 2 && !labels.Contains(positiveLabel))
                throw new ArgumentException($"positiveLabel {positiveLabel} is not one of the labels ({string.Join(", ", labels)}).", nameof(positiveLabel));
            labels = [positiveLabel];
        }
        var (tp, predicted, truth) = Counts(yTrue, yPred, labels);
        if (average == Averaging.Micro) (tp, predicted, truth) = ([tp.Sum()], [predicted.Sum()], [truth.Sum()]);
        var (precision, recall, f) = Scores(tp, predicted, truth, beta, zeroDivision);
        if (average == Averaging.Weighted)
        {
            var weights = Vector<double>.Build.DenseOfArray(truth) / truth.Sum();
            return (precision.DotProduct(weights), recall.DotProduct(weights), f.DotProduct(weights));
        }
        return (precision.Average(), recall.Average(), f.Average());
    }

    /// <summary>TP, predicted (TP + FP) and true (TP + FN) counts of each label.</summary>
    private static (double[] TruePositives, double[] Predicted, double[] Truth) Counts(int[] yTrue, int[] yPred, IReadOnlyList<int> labels)
    {
        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i);
        var (tp, predicted, truth) = (new double[labels.Count], new double[labels.Count], new double[labels.Count]);
        for (var s = 0; s < yTrue.Length; s++)
        {
            if (index.TryGetValue(yPred[s], out var p)) predicted[p]++;
            if (!index.TryGetValue(yTrue[s], out var t)) continue;
            truth[t]++;
            if (yTrue[s] == yPred[s]) tp[t]++;
        }
        return (tp, predicted, truth);
    }

    private static (Vector<double> Precision, Vector<double> Recall, Vector<double> FScore) Scores(
        double[] tp, double[] predicted, double[] truth, double beta, double zeroDivision)
    {
        var build = Vector<double>.Build;
        var precision = build.Dense(tp.Length, i => predicted[i] == 0 ? zeroDivision : tp[i] / predicted[i]);
        var recall = build.Dense(tp.Length, i => truth[i] == 0 ? zeroDivision : tp[i] / truth[i]);
        var beta2 = beta * beta;
        var f = double.IsPositiveInfinity(beta) ? recall.Clone() : build.Dense(tp.Length, i =>
            beta2 * precision[i] + recall[i] is var denominator && denominator == 0 ? 0 : (1 + beta2) * precision[i] * recall[i] / denominator);
        return (precision, recall, f);
    }

    private static void ValidateOptions(double beta, double zeroDivision)
    {
        if (!(beta >= 0)) throw new ArgumentOutOfRangeException(nameof(beta), beta, $"beta must be ≥ 0 (+∞ allowed), got {beta}.");
        if (zeroDivision is not (0.0 or 1.0))
            throw new ArgumentOutOfRangeException(nameof(zeroDivision), zeroDivision, $"zeroDivision must be 0 or 1 (scikit-learn's values), got {zeroDivision}.");
    }

    private static void Validate(int[] yTrue, int[] yPred)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        Guard.SameLength(yTrue.Length, nameof(yTrue), yPred.Length, nameof(yPred));
        if (yTrue.Length == 0) throw new ArgumentException("yTrue and yPred are empty: give at least one sample.", nameof(yTrue));
    }
}
