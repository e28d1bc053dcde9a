using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Optimization;

/// <summary>
/// A quadratic bowl f(x) = ½(x − x*)ᵀ H (x − x*) with a symmetric positive-definite Hessian H, gradient H(x − x*) and
/// minimum 0 at x*. Its condition number κ = λ_max/λ_min decides how slowly gradient descent converges (the error of
/// tuned GD shrinks by (κ − 1)/(κ + 1) per step, of tuned heavy-ball momentum by (√κ − 1)/(√κ + 1)).
/// Introduced in notebook 05 (05-optimizers).
/// </summary>
public sealed class Quadratic
{
    /// <summary>Creates the bowl. <paramref name="minimum"/> defaults to the origin.</summary>
    /// <exception cref="ArgumentException"><paramref name="hessian"/> is not square, not symmetric (to 1e-12 relative),
    /// or not positive definite; or <paramref name="minimum"/> does not have one entry per row of the Hessian (both sizes named).</exception>
    public Quadratic(Matrix<double> hessian, Vector<double>? minimum = null)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        if (hessian.RowCount != hessian.ColumnCount || hessian.RowCount == 0)
            throw new ArgumentException($"hessian is {Guard.Shape(hessian)} but must be square and non-empty.", nameof(hessian));
        if ((hessian - hessian.Transpose()).InfinityNorm() > 1e-12 * hessian.InfinityNorm())
            throw new ArgumentException("hessian must be symmetric.", nameof(hessian));
        var eigenvalues = hessian.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).Order().ToArray();
        if (!(eigenvalues[0] > 0))
            throw new ArgumentException($"hessian must be positive definite, but its smallest eigenvalue is {eigenvalues[0]:G6}.", nameof(hessian));
        minimum ??= Vector<double>.Build.Dense(hessian.RowCount);
        if (minimum.Count != hessian.RowCount)
            throw new ArgumentException($"hessian is {Guard.Shape(hessian)} but minimum has length {minimum.Count}.", nameof(minimum));
        Hessian = hessian.Clone();
        Minimum = minimum.Clone();
        Eigenvalues = eigenvalues;
    }

    /// <summary>A diagonal (axis-aligned) bowl with the given curvatures, f(x) = ½Σ λ_i x_i², minimum at the origin.</summary>
    /// <exception cref="ArgumentException">A curvature is not &gt; 0.</exception>
    public static Quadratic Diagonal(params double[] curvatures) =>
        new(Matrix<double>.Build.DenseOfDiagonalArray(curvatures ?? throw new ArgumentNullException(nameof(curvatures))));

    /// <summary>The Hessian H (a copy is stored; do not expect edits to it to change the bowl).</summary>
    public Matrix<double> Hessian { get; }

    /// <summary>The minimiser x*.</summary>
    public Vector<double> Minimum { get; }

    /// <summary>The eigenvalues of H in ascending order (the curvatures along its principal axes).</summary>
    public IReadOnlyList<double> Eigenvalues { get; }

    /// <summary>κ = λ_max/λ_min ≥ 1.</summary>
    public double ConditionNumber => Eigenvalues[^1] / Eigenvalues[0];

    /// <summary>f(x) = ½(x − x*)ᵀH(x − x*) ≥ 0.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> has the wrong length (both lengths named).</exception>
    public double Value(Vector<double> x)
    {
        Guard.SameLength(Minimum, "the minimum", x, nameof(x));
        var d = x - Minimum;
        return 0.5 * d.DotProduct(Hessian * d);
    }

    /// <summary>∇f(x) = H(x − x*).</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> has the wrong length (both lengths named).</exception>
    public Vector<double> Gradient(Vector<double> x)
    {
        Guard.SameLength(Minimum, "the minimum", x, nameof(x));
        return Hessian * (x - Minimum);
    }
}
