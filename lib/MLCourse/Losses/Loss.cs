using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;
using MLCourse.Numerics;

namespace MLCourse.Losses;

/// <summary>
/// Loss functions with the semantics of <c>torch.nn.functional</c> and <c>reduction="mean"</c>: each returns the mean of
/// the per-example losses, and each <c>…Gradient</c> returns ∂(mean loss)/∂(its first argument) as autograd gives it, the
/// 1/N of the mean included. Classification losses take logits (unnormalised scores) and are computed from
/// <see cref="Softmax.Log"/> or a log1p form, so they stay finite and exact for logits of any size. Introduced in
/// notebook 09 (softmax, cross-entropy and losses); the cross-entropy with <c>ignoreIndex</c> is the language-model loss of
/// later notebooks.
/// </summary>
/// <remarks>
/// Bad arguments throw <see cref="ArgumentException"/> (or <see cref="ArgumentOutOfRangeException"/>) whose
/// <see cref="ArgumentException.ParamName"/> names the argument; shape errors name both shapes.
/// </remarks>
public static partial class Loss
{
    /// <summary>PyTorch's default <c>ignore_index</c>: a target equal to it contributes nothing.</summary>
    public const int DefaultIgnoreIndex = -100;

    /// <summary>
    /// Cross-entropy of N×C <paramref name="logits"/> against class indices (<c>F.cross_entropy(logits, targets,
    /// ignore_index=ignoreIndex, label_smoothing=labelSmoothing)</c>). With log p = log_softmax(z) per row and ε the label
    /// smoothing, the loss of row i is (1 − ε)(−log p_{i,t_i}) + (ε/C)·Σ_c(−log p_{i,c}), the cross-entropy against the
    /// smoothed target q = (1 − ε)·onehot(t_i) + ε/C (ε/C spread over all C classes, the true one included). The result is
    /// the mean over the K rows whose target is not <paramref name="ignoreIndex"/>.
    /// </summary>
    /// <param name="logits">N×C scores, N ≥ 1, C ≥ 1; −∞ entries are allowed (a masked class: with ε &gt; 0 the loss is then +∞, as in PyTorch).</param>
    /// <param name="targets">N class indices in [0, C), or <paramref name="ignoreIndex"/>.</param>
    /// <param name="labelSmoothing">ε ∈ [0, 1]; 0 is the plain cross-entropy, 1 the cross-entropy against the uniform distribution.</param>
    /// <param name="ignoreIndex">Targets equal to it are left out of the mean (default −100, PyTorch's). If every target
    /// is ignored the mean is 0/0 = NaN, as in PyTorch.</param>
    /// <exception cref="ArgumentException">A shape does not match, a target is out of range, or ε ∉ [0, 1].</exception>
    public static double CrossEntropy(Matrix<double> logits, int[] targets, double labelSmoothing = 0, int ignoreIndex = DefaultIgnoreIndex)
    {
        ValidateClassTargets(logits, targets, ignoreIndex);
        Guard.InRange(labelSmoothing, 0, 1, nameof(labelSmoothing));
        double nll = 0, smooth = 0;
        var kept = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] == ignoreIndex) continue;
            var logp = Softmax.Log(logits.Row(i));
            nll -= logp[targets[i]];
            if (labelSmoothing > 0) smooth -= logp.Sum();   // skipped at ε = 0, where a −∞ logit would make it 0·∞
            kept++;
        }
        if (kept == 0) return double.NaN;
        var loss = (1 - labelSmoothing) * nll / kept;
        return labelSmoothing > 0 ? loss + labelSmoothing / logits.ColumnCount * smooth / kept : loss;
    }

    /// <summary>
    /// ∂<see cref="CrossEntropy(Matrix{double}, int[], double, int)"/>/∂logits: row i is (softmax(z_i) − q_i)/K with
    /// q_i = (1 − ε)·onehot(t_i) + ε/C the smoothed target and K the number of rows not ignored; ignored rows are 0 (all
    /// zeros if every row is ignored, as PyTorch's autograd gives). Each row sums to 0 (softmax is shift-invariant).
    /// </summary>
    /// <inheritdoc cref="CrossEntropy(Matrix{double}, int[], double, int)"/>
    public static Matrix<double> CrossEntropyGradient(Matrix<double> logits, int[] targets, double labelSmoothing = 0, int ignoreIndex = DefaultIgnoreIndex)
    {
        ValidateClassTargets(logits, targets, ignoreIndex);
        Guard.InRange(labelSmoothing, 0, 1, nameof(labelSmoothing));
        var classes = logits.ColumnCount;
        var kept = targets.Count(t => t != ignoreIndex);
        var gradient = Matrix<double>.Build.Dense(logits.RowCount, classes);
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] == ignoreIndex) continue;
            var row = Softmax.Apply(logits.Row(i)) - labelSmoothing / classes;
            row[targets[i]] -= 1 - labelSmoothing;
            gradient.SetRow(i, row / kept);
        }
        return gradient;
    }

    /// <summary>
    /// Cross-entropy against class probabilities (<c>F.cross_entropy(logits, targets)</c> with a float N×C target):
    /// the mean over rows of −Σ_c q_{i,c}·log_softmax(z_i)_c. Terms with q_{i,c} = 0 count as 0 even where the logit is −∞
    /// (PyTorch computes 0·(−∞) = NaN there). Rows need not sum to 1, as in PyTorch; with a multi-hot row the loss is the sum
    /// of −log p over its labels.
    /// </summary>
    /// <param name="logits">N×C scores, N ≥ 1, C ≥ 1.</param>
    /// <param name="targets">N×C non-negative target weights, usually a probability distribution per row.</param>
    /// <exception cref="ArgumentException">The shapes differ, or a target is negative or not finite.</exception>
    public static double CrossEntropy(Matrix<double> logits, Matrix<double> targets)
    {
        ValidateProbabilityTargets(logits, targets);
        double total = 0;
        for (var i = 0; i < logits.RowCount; i++)
        {
            var logp = Softmax.Log(logits.Row(i));
            for (var c = 0; c < logits.ColumnCount; c++)
                if (targets[i, c] != 0) total -= targets[i, c] * logp[c];
        }
        return total / logits.RowCount;
    }

    /// <summary>
    /// ∂<see cref="CrossEntropy(Matrix{double}, Matrix{double})"/>/∂logits: row i is (softmax(z_i)·Σ_c q_{i,c} − q_i)/N,
    /// which is (softmax(z_i) − q_i)/N only when the row of targets sums to 1.
    /// </summary>
    /// <inheritdoc cref="CrossEntropy(Matrix{double}, Matrix{double})"/>
    public static Matrix<double> CrossEntropyGradient(Matrix<double> logits, Matrix<double> targets)
    {
        ValidateProbabilityTargets(logits, targets);
        var gradient = Matrix<double>.Build.Dense(logits.RowCount, logits.ColumnCount);
        for (var i = 0; i < logits.RowCount; i++)
        {
            var q = targets.Row(i);
            gradient.SetRow(i, (Softmax.Apply(logits.Row(i)) * q.Sum() - q) / logits.RowCount);
        }
        return gradient;
    }

    /// <summary>
    /// Binary cross-entropy on logits (<c>F.binary_cross_entropy_with_logits</c>): the mean over i of
    /// −[y_i log σ(x_i) + (1 − y_i) log(1 − σ(x_i))], computed as max(x, 0) − x·y + log1p(exp(−|x|)), which never forms
    /// σ(x) and so never takes log 0. Exact for any logit: 560 for x = 800, y = 0.3, where the naive formula gives ∞, and
    /// log1p(e⁻³⁰) = 9.3576e-14 for x = 30, y = 1, where PyTorch's log(e⁻ᵐ + e⁻ˣ⁻ᵐ) form keeps only three digits.
    /// </summary>
    /// <param name="logits">Scores x_i, one per label (any length ≥ 1).</param>
    /// <param name="targets">Targets y_i ∈ [0, 1], hard (0 or 1) or soft. Its minimum over x is the binary entropy of y, not 0.</param>
    /// <exception cref="ArgumentException">The lengths differ, a vector is empty, or a target is outside [0, 1].</exception>
    public static double BinaryCrossEntropyWithLogits(Vector<double> logits, Vector<double> targets)
    {
        ValidateBinaryTargets(logits, targets);
        double total = 0;
        for (var i = 0; i < logits.Count; i++) total += BinaryCrossEntropyTerm(logits[i], targets[i]);
        return total / logits.Count;
    }

    /// <summary>
    /// One term of <see cref="BinaryCrossEntropyWithLogits(Vector{double}, Vector{double})"/>:
    /// −[y log σ(x) + (1 − y) log σ(−x)] = max(x, 0) − x·y + log1p(exp(−|x|)), with max(x, 0) − x·y formed without
    /// cancellation. With y = 1 it is −log σ(x), the Bradley–Terry and DPO loss of a margin x (notebook 22).
    /// </summary>
    internal static double BinaryCrossEntropyTerm(double x, double y) =>
        (x >= 0 ? x * (1 - y) : -x * y) + FloatingPoint.Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>∂<see cref="BinaryCrossEntropyWithLogits"/>/∂logits = (σ(x_i) − y_i)/N, σ evaluated without overflow.</summary>
    /// <inheritdoc cref="BinaryCrossEntropyWithLogits"/>
    public static Vector<double> BinaryCrossEntropyWithLogitsGradient(Vector<double> logits, Vector<double> targets)
    {
        ValidateBinaryTargets(logits, targets);
        var n = logits.Count;
        return Vector<double>.Build.Dense(n, i => (Activation.Sigmoid(logits[i]) - targets[i]) / n);
    }

    /// <summary>
    /// Softmax focal loss (Lin et al. 2017, "Focal Loss for Dense Object Detection"): the mean over rows of
    /// −α(1 − p_t)^γ log p_t, with p_t = softmax(z_i)_{t_i} the probability of the true class. γ = 0, α = 1 is the
    /// cross-entropy; the factor (1 − p_t)^γ = FL/CE down-weights well-classified examples (p_t → 1), not confident ones:
    /// a confidently wrong example has a small p_t and keeps almost its whole loss. log p_t comes from
    /// <see cref="Softmax.Log"/> and 1 − p_t from −expm1(log p_t), so neither loses digits near p_t = 1.
    /// </summary>
    /// <param name="logits">N×C scores, N ≥ 1, C ≥ 1.</param>
    /// <param name="targets">N class indices in [0, C).</param>
    /// <param name="gamma">Focusing parameter γ ≥ 0 (RetinaNet: 2).</param>
    /// <param name="alpha">Weight α &gt; 0 (RetinaNet uses 0.25 for the rare class in its sigmoid form; 1 here by default).</param>
    /// <exception cref="ArgumentException">A shape does not match, a target is out of range, γ &lt; 0 or α ≤ 0.</exception>
    public static double FocalLoss(Matrix<double> logits, int[] targets, double gamma = 2, double alpha = 1)
    {
        ValidateFocal(logits, targets, gamma, alpha);
        double total = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            var logPt = Softmax.Log(logits.Row(i))[targets[i]];
            total -= alpha * Math.Pow(-FloatingPoint.Expm1(logPt), gamma) * logPt;
        }
        return total / targets.Length;
    }

    /// <summary>
    /// ∂<see cref="FocalLoss"/>/∂logits. With p = p_t and u = 1 − p: ∂FL_i/∂z_j = α[γ·p·u^(γ−1)·log p − u^γ]·(δ_{j,t} − p_j),
    /// divided by N; at γ = 0 this is α(softmax − onehot), the cross-entropy gradient. The first term is taken as 0 when
    /// u = 0 (its limit for every γ ≥ 0).
    /// </summary>
    /// <inheritdoc cref="FocalLoss"/>
    public static Matrix<double> FocalLossGradient(Matrix<double> logits, int[] targets, double gamma = 2, double alpha = 1)
    {
        ValidateFocal(logits, targets, gamma, alpha);
        var gradient = Matrix<double>.Build.Dense(logits.RowCount, logits.ColumnCount);
        for (var i = 0; i < targets.Length; i++)
        {
            var p = Softmax.Apply(logits.Row(i));
            var logPt = Softmax.Log(logits.Row(i))[targets[i]];
            var (pt, u) = (Math.Exp(logPt), -FloatingPoint.Expm1(logPt));
            var focus = gamma == 0 || u == 0 ? 0 : gamma * pt * Math.Pow(u, gamma - 1) * logPt;
            var scale = alpha * (focus - Math.Pow(u, gamma));
            var row = -p;
            row[targets[i]] += 1;
            gradient.SetRow(i, scale * row / targets.Length);
        }
        return gradient;
    }

    /// <summary>
    /// Binary hinge loss (Keras <c>hinge</c>, the SVM loss): the mean of max(0, 1 − y_i·s_i) over labels y_i ∈ {−1, +1}
    /// and scores s_i. It is exactly 0 once the margin y·s reaches 1, so only examples inside the margin (the support
    /// vectors) contribute; compare the logistic loss log(1 + e^(−y·s)), which is BCE with logits on (y + 1)/2 and never 0.
    /// </summary>
    /// <param name="scores">Real-valued scores s_i (length ≥ 1).</param>
    /// <param name="targets">Labels, each −1 or +1.</param>
    /// <exception cref="ArgumentException">The lengths differ, a vector is empty, or a label is not ±1.</exception>
    public static double Hinge(Vector<double> scores, Vector<double> targets)
    {
        ValidateSignTargets(scores, targets);
        return scores.Select((s, i) => Math.Max(0, 1 - targets[i] * s)).Sum() / scores.Count;
    }

    /// <summary>∂<see cref="Hinge"/>/∂scores: −y_i/N where the margin y_i·s_i &lt; 1, otherwise 0 (the subgradient 0 at margin 1, as autograd gives).</summary>
    /// <inheritdoc cref="Hinge"/>
    public static Vector<double> HingeGradient(Vector<double> scores, Vector<double> targets)
    {
        ValidateSignTargets(scores, targets);
        var n = scores.Count;
        return Vector<double>.Build.Dense(n, i => targets[i] * scores[i] < 1 ? -targets[i] / n : 0);
    }

    /// <summary>
    /// N×C logits (N, C ≥ 1) and N targets, each a class index in [0, C) or <paramref name="ignoreIndex"/> (if given);
    /// <paramref name="logitsName"/> is the caller's name for the logits.
    /// </summary>
    private static void ValidateClassTargets(Matrix<double> logits, int[] targets, int? ignoreIndex, string logitsName = "logits")
    {
        ValidateLogits(logits, logitsName);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length != logits.RowCount)
            throw new ArgumentException(
                $"targets has length {targets.Length} but {logitsName} is {Guard.Shape(logits)}: one class index per row of {logitsName}.", nameof(targets));
        var classes = logits.ColumnCount;
        for (var i = 0; i < targets.Length; i++)
            if ((targets[i] < 0 || targets[i] >= classes) && targets[i] != ignoreIndex)
                throw new ArgumentException(
                    $"targets[{i}] = {targets[i]} is not a class index in [0, {classes}) ({logitsName} is {Guard.Shape(logits)})"
                    + (ignoreIndex is { } ignore ? $" nor ignoreIndex = {ignore}." : "."), nameof(targets));
    }

    private static void ValidateLogits(Matrix<double> logits, string name = "logits")
    {
        ArgumentNullException.ThrowIfNull(logits, name);
        if (logits.RowCount == 0 || logits.ColumnCount == 0)
            throw new ArgumentException($"{name} is {Guard.Shape(logits)}: a loss needs at least one row and one class.", name);
    }

    private static void ValidateProbabilityTargets(Matrix<double> logits, Matrix<double> targets)
    {
        ValidateLogits(logits);
        Guard.SameShape(logits, nameof(logits), targets, nameof(targets));
        for (var i = 0; i < targets.RowCount; i++)
            for (var c = 0; c < targets.ColumnCount; c++)
                if (!(targets[i, c] >= 0) || double.IsPositiveInfinity(targets[i, c]))
                    throw new ArgumentOutOfRangeException(nameof(targets), targets[i, c],
                        $"targets[{i}, {c}] = {targets[i, c]}: target probabilities must be finite and ≥ 0.");
    }

    private static void ValidateFocal(Matrix<double> logits, int[] targets, double gamma, double alpha)
    {
        ValidateClassTargets(logits, targets, ignoreIndex: null);
        Guard.NonNegative(gamma, nameof(gamma));
        Guard.Positive(alpha, nameof(alpha));
    }

    private static void ValidateBinaryTargets(Vector<double> logits, Vector<double> targets)
    {
        ValidatePair(logits, nameof(logits), targets, nameof(targets));
        for (var i = 0; i < targets.Count; i++)
            if (!(targets[i] >= 0 && targets[i] <= 1))
                throw new ArgumentOutOfRangeException(nameof(targets), targets[i], $"targets[{i}] = {targets[i]} is not a probability in [0, 1].");
    }

    private static void ValidateSignTargets(Vector<double> scores, Vector<double> targets)
    {
        ValidatePair(scores, nameof(scores), targets, nameof(targets));
        for (var i = 0; i < targets.Count; i++)
            if (targets[i] is not (1 or -1))
                throw new ArgumentOutOfRangeException(nameof(targets), targets[i], $"targets[{i}] = {targets[i]}: hinge labels must be −1 or +1.");
    }

    /// <summary>Two non-empty vectors of the same length (an element-wise loss).</summary>
    private static void ValidatePair(Vector<double> a, string nameA, Vector<double> b, string nameB)
    {
        Guard.NotEmpty(a, nameA);
        Guard.SameLength(a, nameA, b, nameB);
    }
}
