using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Classical;

/// <summary>
/// Kernels k(x, z) = φ(x)·φ(z), inner products in a feature space computed without building φ, with scikit-learn's
/// parametrisation (<c>sklearn.metrics.pairwise</c>), their Gram matrices, and the explicit feature map of the degree-2
/// polynomial kernel. A function is a valid kernel exactly when every Gram matrix it makes is positive semi-definite
/// (Mercer). Introduced in notebook 16 (classical models).
/// </summary>
public static class Kernels
{
    /// <summary>The linear kernel x·z (φ is the identity).</summary>
    /// <exception cref="ArgumentException">x and z have different lengths (both are named).</exception>
    public static double Linear(Vector<double> x, Vector<double> z)
    {
        Guard.SameLength(x, nameof(x), z, nameof(z));
        return x.DotProduct(z);
    }

    /// <summary>
    /// The polynomial kernel (γ·x·z + coef0)^degree (<c>polynomial_kernel</c>, SVC's <c>kernel="poly"</c>). For degree 2,
    /// γ = 1 and coef0 = 0 it is (x·z)² = φ(x)·φ(z) with φ = <see cref="Degree2Features(Vector{double}, double)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">x and z have different lengths; degree &lt; 1; gamma or coef0 not finite.</exception>
    public static double Polynomial(Vector<double> x, Vector<double> z, int degree, double gamma = 1, double coef0 = 0)
    {
        Guard.SameLength(x, nameof(x), z, nameof(z));
        Guard.Positive(degree, nameof(degree));
        Guard.Finite(gamma, nameof(gamma));
        Guard.Finite(coef0, nameof(coef0));
        return Math.Pow(gamma * x.DotProduct(z) + coef0, degree);
    }

    /// <summary>The Gaussian (RBF) kernel exp(−γ‖x − z‖²) (<c>rbf_kernel</c>): a similarity, 1 at x = z and falling with the distance.</summary>
    /// <exception cref="ArgumentException">x and z have different lengths; gamma not a finite number &gt; 0.</exception>
    public static double Rbf(Vector<double> x, Vector<double> z, double gamma)
    {
        Guard.SameLength(x, nameof(x), z, nameof(z));
        Guard.Positive(gamma, nameof(gamma));
        var d = x - z;
        return Math.Exp(-gamma * d.DotProduct(d));
    }

    /// <summary>The n×m matrix K_ij = k(xᵢ, zⱼ) of the rows of <paramref name="x"/> and <paramref name="z"/> (the Gram matrix when z = x).</summary>
    /// <exception cref="ArgumentException">x and z have different numbers of columns (both shapes are named).</exception>
    public static Matrix<double> Gram(Matrix<double> x, Matrix<double> z, Func<Vector<double>, Vector<double>, double> kernel)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(kernel);
        if (x.ColumnCount != z.ColumnCount)
            throw new ArgumentException($"x is {Guard.Shape(x)} but z is {Guard.Shape(z)}: they need the same number of columns.", nameof(z));
        var (rowsX, rowsZ) = (x.EnumerateRows().ToArray(), z.EnumerateRows().ToArray());
        return Matrix<double>.Build.Dense(x.RowCount, z.RowCount, (i, j) => kernel(rowsX[i], rowsZ[j]));
    }

    /// <summary>
    /// The explicit feature map of the degree-2 polynomial kernel, φ(x)·φ(z) = (x·z + coef0)²: for x ∈ ℝᵈ the d squares
    /// xᵢ², then the d(d − 1)/2 cross terms √2·xᵢxⱼ (i &lt; j, in row-major order), and for coef0 = c &gt; 0 also the d
    /// linear terms √(2c)·xᵢ and the constant c. Length d(d + 1)/2, or (d + 1)(d + 2)/2 with coef0 &gt; 0.
    /// </summary>
    /// <exception cref="ArgumentException">x empty; coef0 negative or not finite (the map needs √(2·coef0)).</exception>
    public static Vector<double> Degree2Features(Vector<double> x, double coef0 = 0)
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.NonNegative(coef0, nameof(coef0));
        var d = x.Count;
        var features = new List<double>(d * (d + 1) / 2 + d + 1);
        for (var i = 0; i < d; i++) features.Add(x[i] * x[i]);
        for (var i = 0; i < d; i++)
            for (var j = i + 1; j < d; j++) features.Add(Math.Sqrt(2) * x[i] * x[j]);
        if (coef0 > 0)
        {
            for (var i = 0; i < d; i++) features.Add(Math.Sqrt(2 * coef0) * x[i]);
            features.Add(coef0);
        }
        return Vector<double>.Build.DenseOfEnumerable(features);
    }

    /// <summary><see cref="Degree2Features(Vector{double}, double)"/> of every row of <paramref name="x"/>: the n×D design matrix in feature space.</summary>
    /// <exception cref="ArgumentException">x has no rows or no columns; coef0 negative or not finite.</exception>
    public static Matrix<double> Degree2Features(Matrix<double> x, double coef0 = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.RowCount == 0 || x.ColumnCount == 0) throw new ArgumentException($"x is {Guard.Shape(x)}: nothing to map.", nameof(x));
        return Matrix<double>.Build.DenseOfRowVectors(x.EnumerateRows().Select(row => Degree2Features(row, coef0)));
    }
}
