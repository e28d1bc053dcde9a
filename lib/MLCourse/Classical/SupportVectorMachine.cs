using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Classical;

/// <summary>
/// What <see cref="LinearSvm"/> and <see cref="KernelSvm"/> share: the dual problem
/// max Σαᵢ − ½ΣᵢΣⱼ αᵢαⱼyᵢyⱼk(xᵢ, xⱼ) subject to Σαᵢyᵢ = 0 and 0 ≤ αᵢ ≤ C, solved by SMO, with labels yᵢ = ±1 and the
/// decision function f(x) = Σαᵢyᵢk(xᵢ, x) + b. C = ∞ is the hard margin (every point must satisfy yᵢf(xᵢ) ≥ 1); a finite
/// C is the soft margin with slack ξᵢ = max(0, 1 − yᵢf(xᵢ)) and penalty C·Σξᵢ, as <c>sklearn.svm.SVC(C=…)</c>.
/// Introduced in notebook 16 (classical models).
/// </summary>
/// <remarks>
/// The KKT conditions at the solution: αᵢ = 0 ⇒ yᵢf(xᵢ) ≥ 1; 0 &lt; αᵢ &lt; C ⇒ yᵢf(xᵢ) = 1 (on the margin);
/// αᵢ = C ⇒ yᵢf(xᵢ) ≤ 1 (inside the margin or misclassified). The support vectors are the samples with αᵢ &gt; 0.
/// The solver stops when the largest KKT violation is below <see cref="Tolerance"/> relative to the size of the dual
/// gradient's terms (10⁻¹² by default: the functional margins of the support vectors are 1 to about 12 digits).
/// </remarks>
public abstract class SupportVectorMachine
{
    private Vector<double>? alpha;
    private Matrix<double>? gram;
    private int[] labels = [];

    /// <summary>Validates the settings shared by every SVM.</summary>
    /// <param name="c">Penalty C &gt; 0 on the slack; <see cref="double.PositiveInfinity"/> (the default) for the hard margin.</param>
    /// <param name="tolerance">Relative KKT tolerance of the solver, &gt; 0.</param>
    /// <param name="maxIterations">SMO steps allowed, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">c not &gt; 0 (or NaN); tolerance not a finite number &gt; 0; maxIterations &lt; 1.</exception>
    protected SupportVectorMachine(double c, double tolerance, int maxIterations)
    {
        if (!(c > 0)) throw new ArgumentOutOfRangeException(nameof(c), c, $"c must be > 0 (or ∞ for the hard margin), got {c}.");
        Guard.Positive(tolerance, nameof(tolerance));
        Guard.Positive(maxIterations, nameof(maxIterations));
        (C, Tolerance, MaxIterations) = (c, tolerance, maxIterations);
    }

    /// <summary>The penalty C on the slack (∞: hard margin).</summary>
    public double C { get; }

    /// <summary>The relative KKT tolerance of the solver.</summary>
    public double Tolerance { get; }

    /// <summary>The largest number of SMO steps.</summary>
    public int MaxIterations { get; }

    /// <summary>The dual coefficients αᵢ ≥ 0, one per training sample (0 for samples that are not support vectors).
    /// scikit-learn's <c>dual_coef_</c> holds yᵢαᵢ for the support vectors only.</summary>
    /// <exception cref="InvalidOperationException">Before Fit.</exception>
    public Vector<double> Alpha => alpha?.Clone() ?? throw NotFitted();

    /// <summary>The bias b of f(x) = Σαᵢyᵢk(xᵢ, x) + b (scikit-learn's <c>intercept_[0]</c>).</summary>
    public double Bias { get; private set; }

    /// <summary>The indices of the support vectors (αᵢ &gt; 0), in increasing order (scikit-learn's <c>support_</c> as a set).</summary>
    /// <exception cref="InvalidOperationException">Before Fit.</exception>
    public int[] SupportIndices => (alpha ?? throw NotFitted()).Select((a, i) => (a, i)).Where(p => p.a > 0).Select(p => p.i).ToArray();

    /// <summary>The SMO steps the last Fit took.</summary>
    public int Iterations { get; private set; }

    /// <summary>
    /// The distance 2/‖w‖ between the two support planes f = ±1, with ‖w‖² = ΣᵢΣⱼ αᵢαⱼyᵢyⱼk(xᵢ, xⱼ) measured in the kernel's
    /// feature space. For the hard margin it is the width of the widest slab that separates the classes.
    /// </summary>
    /// <exception cref="InvalidOperationException">Before Fit.</exception>
    public double Margin
    {
        get
        {
            var v = SignedAlpha();
            return 2 / Math.Sqrt(v.DotProduct(gram! * v));
        }
    }

    /// <summary>The decision values f(xᵢ) for every row of x: the signed functional margin, ±1 on the support planes.</summary>
    /// <exception cref="ArgumentException">x has a different number of columns than the training data (both shapes are named).</exception>
    /// <exception cref="InvalidOperationException">Before Fit.</exception>
    public abstract Vector<double> DecisionFunction(Matrix<double> x);

    /// <summary>The predicted labels: +1 where f(x) &gt; 0, else −1 (as scikit-learn's <c>predict</c> for classes −1, +1).</summary>
    /// <inheritdoc cref="DecisionFunction"/>
    public int[] Predict(Matrix<double> x) => DecisionFunction(x).Select(f => f > 0 ? 1 : -1).ToArray();

    /// <summary>Validates x (finite, n ≥ 2 rows) and y (±1, both classes, one per row).</summary>
    private protected static void Validate(Matrix<double> x, int[] y)
    {
        Validation.FiniteRows(x, nameof(x), minimumRows: 2);
        Validation.BinaryLabels(x, y, nameof(y), -1, 1);
    }

    /// <summary>Solves the dual for the Gram matrix of the (validated) training data and stores α, b and the step count.</summary>
    private protected void Solve(Matrix<double> trainingGram, int[] y)
    {
        var (a, b, iterations) = SvmDual.Solve(trainingGram, y, C, Tolerance, MaxIterations);
        (alpha, gram, labels, Bias, Iterations) = (a, trainingGram, (int[])y.Clone(), b, iterations);
    }

    /// <summary>yᵢαᵢ for every training sample, the weights of f in terms of the kernel.</summary>
    /// <exception cref="InvalidOperationException">Before Fit.</exception>
    private protected Vector<double> SignedAlpha()
    {
        var a = alpha ?? throw NotFitted();
        return Vector<double>.Build.Dense(labels.Length, i => labels[i] * a[i]);
    }

    /// <summary>The message for members read before Fit.</summary>
    private protected static InvalidOperationException NotFitted() => new("Call Fit before reading the solution or predicting.");
}
