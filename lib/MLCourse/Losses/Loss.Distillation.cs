using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;

namespace MLCourse.Losses;

public static partial class Loss
{
    /// <summary>
    /// Kullback–Leibler divergence with PyTorch's conventions, <c>F.kl_div(input, target, reduction="batchmean")</c>:
    /// <paramref name="input"/> holds log-probabilities log q and <paramref name="target"/> probabilities p, and the result
    /// is (1/N)·Σ_i Σ_c p_ic (log p_ic − log q_ic), the mean over rows of KL(p_i ‖ q_i) (note the order: the target is the
    /// first argument of KL). Terms with p = 0 are 0, even where log q = −∞ (PyTorch computes 0·(−∞) = NaN there).
    /// KL ≥ 0, with equality only for q = p, and
    /// cross-entropy = H(p) + KL(p ‖ q). (PyTorch's <c>reduction="mean"</c> divides by N·C instead, which is not a KL.)
    /// </summary>
    /// <param name="input">N×C log-probabilities log q (e.g. log_softmax of a model's logits), N ≥ 1, C ≥ 1.</param>
    /// <param name="target">N×C probabilities p ≥ 0 (each row a distribution).</param>
    /// <exception cref="ArgumentException">The shapes differ, or a target is negative or not finite.</exception>
    public static double KLDivergence(Matrix<double> input, Matrix<double> target)
    {
        ValidateLogits(input, nameof(input));
        Guard.SameShape(input, nameof(input), target, nameof(target));
        double total = 0;
        for (var i = 0; i < input.RowCount; i++)
            for (var c = 0; c < input.ColumnCount; c++)
            {
                var p = target[i, c];
                if (!(p >= 0) || double.IsPositiveInfinity(p))
                    throw new ArgumentOutOfRangeException(nameof(target), p, $"target[{i}, {c}] = {p}: probabilities must be finite and ≥ 0.");
                if (p > 0) total += p * (Math.Log(p) - input[i, c]);
            }
        return total / input.RowCount;
    }

    /// <summary>
    /// Knowledge-distillation loss (Hinton, Vinyals and Dean 2015):
    /// α·T²·KL(softmax(t/T) ‖ softmax(s/T)) + (1 − α)·CE(s, y), the KL over the batch as in
    /// <see cref="KLDivergence"/> and CE as <see cref="CrossEntropy(Matrix{double}, int[], double, int)"/>. The temperature
    /// T softens both distributions so the student sees the teacher's relative probabilities of the wrong classes; the soft
    /// term's gradient is (1/T)(softmax(s/T) − softmax(t/T))/N, which for large T is ≈ (s̃ − t̃)/(C·T²·N) (s̃, t̃ the logits
    /// minus their row means), so the factor T² keeps its size independent of T.
    /// </summary>
    /// <param name="studentLogits">N×C logits s of the student, N ≥ 1, C ≥ 1.</param>
    /// <param name="teacherLogits">N×C logits t of the teacher.</param>
    /// <param name="targets">N true class indices in [0, C).</param>
    /// <param name="temperature">T &gt; 0 (T = 1 is the plain softmax; common values are 2 to 20).</param>
    /// <param name="alpha">Weight α ∈ [0, 1] of the soft term; 1 − α weights the hard cross-entropy.</param>
    /// <exception cref="ArgumentException">A shape does not match, a target is out of range, T ≤ 0 or α ∉ [0, 1].</exception>
    public static double DistillationLoss(Matrix<double> studentLogits, Matrix<double> teacherLogits, int[] targets, double temperature, double alpha = 0.5)
    {
        ValidateDistillation(studentLogits, teacherLogits, targets, temperature, alpha);
        var (logStudent, teacher) = SoftenedRows(studentLogits, teacherLogits, temperature);
        var soft = KLDivergence(logStudent, teacher);
        return alpha * temperature * temperature * soft + (1 - alpha) * CrossEntropy(studentLogits, targets);
    }

    /// <summary>
    /// ∂<see cref="DistillationLoss"/>/∂studentLogits = α·T·(softmax(s/T) − softmax(t/T))/N + (1 − α)·(softmax(s) − onehot(y))/N.
    /// </summary>
    /// <inheritdoc cref="DistillationLoss"/>
    public static Matrix<double> DistillationGradient(Matrix<double> studentLogits, Matrix<double> teacherLogits, int[] targets, double temperature, double alpha = 0.5)
    {
        ValidateDistillation(studentLogits, teacherLogits, targets, temperature, alpha);
        var (logStudent, teacher) = SoftenedRows(studentLogits, teacherLogits, temperature);
        var soft = (logStudent.PointwiseExp() - teacher) * (alpha * temperature / studentLogits.RowCount);
        return soft + (1 - alpha) * CrossEntropyGradient(studentLogits, targets);
    }

    /// <summary>log_softmax(s/T) and softmax(t/T), row by row.</summary>
    private static (Matrix<double> LogStudent, Matrix<double> Teacher) SoftenedRows(Matrix<double> student, Matrix<double> teacher, double temperature)
    {
        var logStudent = Matrix<double>.Build.Dense(student.RowCount, student.ColumnCount);
        for (var i = 0; i < student.RowCount; i++) logStudent.SetRow(i, Softmax.Log(student.Row(i) / temperature));
        return (logStudent, Softmax.Rows(teacher / temperature));
    }

    private static void ValidateDistillation(Matrix<double> student, Matrix<double> teacher, int[] targets, double temperature, double alpha)
    {
        ValidateClassTargets(student, targets, ignoreIndex: null, "studentLogits");
        Guard.SameShape(student, "studentLogits", teacher, "teacherLogits");
        Guard.Positive(temperature, nameof(temperature));
        Guard.InRange(alpha, 0, 1, nameof(alpha));
    }
}
