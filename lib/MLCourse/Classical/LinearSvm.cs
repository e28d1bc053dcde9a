using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Classical;

/// <summary>
/// The linear support vector machine, by default with the hard margin: among all hyperplanes w·x + b = 0 that separate
/// the classes yᵢ = ±1, the one with the widest margin. Scaled canonically (min yᵢ(w·xᵢ + b) = 1), the margin is 2/‖w‖,
/// so the primal problem is min ½‖w‖² subject to yᵢ(w·xᵢ + b) ≥ 1; it is solved through its dual
/// (<see cref="SupportVectorMachine"/>), and w = Σαᵢyᵢxᵢ. Same solution as
/// <c>sklearn.svm.SVC(kernel="linear", C=1e10)</c> (hard margin) or <c>SVC(kernel="linear", C=c)</c>.
/// Introduced in notebook 16 (classical models).
/// </summary>
/// <remarks>With c = ∞ the classes must be linearly separable; otherwise the dual is unbounded and Fit throws
/// <see cref="InvalidOperationException"/> after MaxIterations steps.</remarks>
public sealed class LinearSvm : SupportVectorMachine
{
    private Vector<double>? weights;

    /// <summary>Configures the SVM; call <see cref="Fit"/> next.</summary>
    /// <inheritdoc cref="SupportVectorMachine(double, double, int)"/>
    public LinearSvm(double c = double.PositiveInfinity, double tolerance = 1e-12, int maxIterations = 1_000_000)
        : base(c, tolerance, maxIterations)
    {
    }

    /// <summary>The normal vector w = Σαᵢyᵢxᵢ of the separating hyperplane (scikit-learn's <c>coef_[0]</c>).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> Weights => weights?.Clone() ?? throw NotFitted();

    /// <summary>Fits the SVM to the n×p data <paramref name="x"/> with labels <paramref name="y"/> (−1 or +1) and returns this instance.</summary>
    /// <exception cref="ArgumentException">x with fewer than 2 rows or a NaN/∞ entry (<c>x</c>); y of the wrong length,
    /// a label other than ±1, or one class only (<c>y</c>).</exception>
    /// <exception cref="InvalidOperationException">The solver did not converge (with c = ∞: the data are not linearly separable).</exception>
    public LinearSvm Fit(Matrix<double> x, int[] y)
    {
        Validate(x, y);
        Solve(x.TransposeAndMultiply(x), y);
        weights = x.TransposeThisAndMultiply(SignedAlpha());
        return this;
    }

    /// <inheritdoc/>
    public override Vector<double> DecisionFunction(Matrix<double> x)
    {
        var w = weights ?? throw NotFitted();
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount != w.Count)
            throw new ArgumentException($"x is {Guard.Shape(x)} but w has {w.Count} entries: x needs {w.Count} columns.", nameof(x));
        return x * w + Bias;
    }
}
