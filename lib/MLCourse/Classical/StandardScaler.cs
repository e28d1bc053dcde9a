using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Classical;

/// <summary>
/// Standardises features as <c>sklearn.preprocessing.StandardScaler()</c> does: each column j becomes
/// (x_j − mean_j)/scale_j with the mean and the population standard deviation (1/n, not 1/(n − 1)) of the data given to
/// <see cref="Fit"/>. A column that is constant in that data keeps scale 1 (it is only centred), as scikit-learn does.
/// PCA on standardised features is PCA of the correlation matrix. Introduced in notebook 16 (classical models).
/// </summary>
public sealed class StandardScaler
{
    private Vector<double>? mean;
    private Vector<double>? scale;

    /// <summary>The column means of the fitted data (scikit-learn's <c>mean_</c>).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> Mean => mean?.Clone() ?? throw NotFitted();

    /// <summary>The column standard deviations with 1/n, 1 for a constant column (scikit-learn's <c>scale_</c>).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> Scale => scale?.Clone() ?? throw NotFitted();

    /// <summary>Learns the mean and scale of every column of <paramref name="x"/> (n ≥ 1 rows, finite) and returns this instance.</summary>
    /// <exception cref="ArgumentException">x has no rows or a NaN/∞ entry.</exception>
    public StandardScaler Fit(Matrix<double> x)
    {
        Validation.FiniteRows(x, nameof(x), minimumRows: 1);
        var n = x.RowCount;
        mean = x.ColumnSums() / n;
        scale = Vector<double>.Build.Dense(x.ColumnCount, j =>
        {
            var column = x.Column(j);
            if (column.All(v => v == column[0])) return 1.0;
            var centred = column - mean[j];
            return Math.Sqrt(centred.DotProduct(centred) / n);
        });
        return this;
    }

    /// <summary>(x − mean)/scale, column by column, for data with the fitted number of columns.</summary>
    /// <exception cref="ArgumentException">x has a different number of columns than the fitted data (both shapes are named).</exception>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Matrix<double> Transform(Matrix<double> x)
    {
        var (m, s) = (mean ?? throw NotFitted(), scale!);
        ArgumentNullException.ThrowIfNull(x);
        Guard.Columns(x, m.Count, nameof(x), "one per feature of the fitted data");
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => (x[i, j] - m[j]) / s[j]);
    }

    private static InvalidOperationException NotFitted() => new("Call Fit before reading the statistics or transforming.");
}
