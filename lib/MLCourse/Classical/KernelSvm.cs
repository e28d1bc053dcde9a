using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Classical;

/// <summary>
/// The support vector machine with a kernel k(x, z) = φ(x)·φ(z): the linear SVM in the feature space of φ, solved without
/// ever computing φ, because the dual and the decision function f(x) = Σαᵢyᵢk(xᵢ, x) + b need only inner products (the
/// kernel trick). Hard margin by default. Same solution as <c>sklearn.svm.SVC(kernel=…, C=…)</c> with the same kernel,
/// e.g. <c>kernel="poly", degree=2, gamma=1, coef0=0</c> for <c>(x, z) =&gt; Kernels.Polynomial(x, z, 2)</c>.
/// Introduced in notebook 16 (classical models).
/// </summary>
public sealed class KernelSvm : SupportVectorMachine
{
    private Matrix<double>? supportVectors;
    private Vector<double>? supportWeights;

    /// <summary>Configures the SVM with a kernel (see <see cref="Kernels"/>); call <see cref="Fit"/> next.</summary>
    /// <param name="kernel">A positive semi-definite kernel k(x, z).</param>
    /// <param name="c">Penalty C &gt; 0 on the slack; ∞ (the default) for the hard margin.</param>
    /// <param name="tolerance">Relative KKT tolerance of the solver, &gt; 0.</param>
    /// <param name="maxIterations">SMO steps allowed, ≥ 1.</param>
    /// <exception cref="ArgumentNullException">kernel is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">c, tolerance or maxIterations out of range.</exception>
    public KernelSvm(Func<Vector<double>, Vector<double>, double> kernel, double c = double.PositiveInfinity, double tolerance = 1e-12, int maxIterations = 1_000_000)
        : base(c, tolerance, maxIterations)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        Kernel = kernel;
    }

    /// <summary>The kernel k(x, z).</summary>
    public Func<Vector<double>, Vector<double>, double> Kernel { get; }

    /// <summary>Fits the SVM to the n×p data <paramref name="x"/> with labels <paramref name="y"/> (−1 or +1) and returns this instance.</summary>
    /// <exception cref="ArgumentException">x with fewer than 2 rows or a NaN/∞ entry (<c>x</c>); y of the wrong length,
    /// a label other than ±1, or one class only (<c>y</c>).</exception>
    /// <exception cref="InvalidOperationException">The solver did not converge (with c = ∞: the classes are not separable in the feature space).</exception>
    public KernelSvm Fit(Matrix<double> x, int[] y)
    {
        Validate(x, y);
        Solve(Kernels.Gram(x, x, Kernel), y);
        var support = SupportIndices;
        supportVectors = Matrix<double>.Build.DenseOfRowVectors(support.Select(x.Row));
        var signed = SignedAlpha();
        supportWeights = Vector<double>.Build.DenseOfEnumerable(support.Select(i => signed[i]));
        return this;
    }

    /// <inheritdoc/>
    public override Vector<double> DecisionFunction(Matrix<double> x)
    {
        var sv = supportVectors ?? throw NotFitted();
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount != sv.ColumnCount)
            throw new ArgumentException($"x is {Guard.Shape(x)} but the support vectors are {Guard.Shape(sv)}: x needs {sv.ColumnCount} columns.", nameof(x));
        return Kernels.Gram(x, sv, Kernel) * supportWeights! + Bias;
    }
}
