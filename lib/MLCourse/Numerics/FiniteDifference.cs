using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Numerics;

/// <summary>
/// Central finite differences, the course's way of checking a hand-derived gradient:
/// ∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / (2h), with error O(h²) for smooth f.
/// Introduced in notebook 01; used wherever a notebook derives a backward pass.
/// </summary>
/// <remarks>Range: h &gt; 0. With doubles, h ≈ 1e-5 balances truncation error (∝ h²) against rounding error (∝ ε/h).</remarks>
public static class FiniteDifference
{
    /// <summary>The gradient of a scalar function <paramref name="f"/> at <paramref name="x"/>. <paramref name="x"/> is not modified.</summary>
    public static Vector<double> Gradient(Func<Vector<double>, double> f, Vector<double> x, double h = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Jacobian(v => Vector<double>.Build.Dense(1, f(v)), x, h).Row(0);
    }

    /// <summary>
    /// The gradient of a scalar function of a matrix (a loss of a batch of logits, say), entry by entry, as a matrix of
    /// the shape of <paramref name="x"/>. <paramref name="x"/> is not modified. Introduced in notebook 09.
    /// </summary>
    public static Matrix<double> Gradient(Func<Matrix<double>, double> f, Matrix<double> x, double h = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        var (rows, columns) = (x.RowCount, x.ColumnCount);
        Matrix<double> AsMatrix(Vector<double> v) => Matrix<double>.Build.DenseOfColumnMajor(rows, columns, v.ToArray());
        var gradient = Gradient(v => f(AsMatrix(v)), Vector<double>.Build.DenseOfArray(x.ToColumnMajorArray()), h);
        return AsMatrix(gradient);
    }

    /// <summary>
    /// The Jacobian J_ij = ∂f_i/∂x_j of a vector function <paramref name="f"/> at <paramref name="x"/>
    /// (rows: outputs, columns: inputs). <paramref name="x"/> is not modified.
    /// </summary>
    public static Matrix<double> Jacobian(Func<Vector<double>, Vector<double>> f, Vector<double> x, double h = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.NotEmpty(x, nameof(x));
        Guard.Positive(h, nameof(h));
        var point = x.Clone();
        Matrix<double>? jacobian = null;
        for (var j = 0; j < x.Count; j++)
        {
            var xj = point[j];
            point[j] = xj + h;
            var plus = f(point);
            point[j] = xj - h;
            var minus = f(point);
            point[j] = xj;
            jacobian ??= Matrix<double>.Build.Dense(plus.Count, x.Count);
            jacobian.SetColumn(j, (plus - minus) / (2 * h));
        }
        return jacobian!;
    }
}
