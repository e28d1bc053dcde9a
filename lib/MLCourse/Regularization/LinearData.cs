using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Regularization;

/// <summary>
/// Validation and intercept handling shared by <see cref="Lasso"/> and <see cref="Ridge"/>, as in scikit-learn's linear
/// models: with an intercept, X and y are centred (column means x̄ and ȳ subtracted), the penalised problem is solved
/// without intercept, and the intercept is b = ȳ − x̄ᵀw. The penalty therefore never touches b.
/// </summary>
internal sealed class LinearData
{
    private LinearData(Matrix<double> x, Vector<double> y, Vector<double> xMean, double yMean)
    {
        (X, Y, XMean, YMean) = (x, y, xMean, yMean);
    }

    /// <summary>The (centred, if fitting an intercept) design matrix; a copy, never the caller's matrix.</summary>
    public Matrix<double> X { get; }

    /// <summary>The (centred, if fitting an intercept) targets; a copy.</summary>
    public Vector<double> Y { get; }

    /// <summary>Column means of X (zeros without an intercept).</summary>
    public Vector<double> XMean { get; }

    /// <summary>Mean of y (0 without an intercept).</summary>
    public double YMean { get; }

    /// <summary>b = ȳ − x̄ᵀw (0 without an intercept).</summary>
    public double Intercept(Vector<double> coefficients) => YMean - XMean.DotProduct(coefficients);

    /// <summary>Validates x (n×p, finite) and y (length n, finite) and centres them when <paramref name="fitIntercept"/>.</summary>
    public static LinearData Prepare(Matrix<double> x, Vector<double> y, bool fitIntercept)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.RowCount != y.Count)
            throw new ArgumentException(
                $"x is {Guard.Shape(x)} but y has length {y.Count}: y needs one target per row of x ({x.RowCount}).", nameof(y));
        if (x.Enumerate().Any(v => !double.IsFinite(v)))
            throw new ArgumentException($"x ({Guard.Shape(x)}) contains NaN or infinite entries.", nameof(x));
        if (y.Any(v => !double.IsFinite(v)))
            throw new ArgumentException($"y (length {y.Count}) contains NaN or infinite entries.", nameof(y));
        if (!fitIntercept)
            return new LinearData(x.Clone(), y.Clone(), Vector<double>.Build.Dense(x.ColumnCount), 0);
        var xMean = x.ColumnSums() / x.RowCount;
        var yMean = y.Sum() / y.Count;
        var centred = x.Clone();
        for (var j = 0; j < x.ColumnCount; j++)
        {
            var mean = xMean[j];
            for (var i = 0; i < x.RowCount; i++) centred[i, j] -= mean;
        }
        return new LinearData(centred, y - yMean, xMean, yMean);
    }

    /// <summary>Predictions Xw + b for new rows, checking that x has as many columns as there are coefficients.</summary>
    public static Vector<double> Predict(Matrix<double> x, Vector<double> coefficients, double intercept)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.Columns(x, coefficients.Count, nameof(x), "one per coefficient of the fitted model");
        return x * coefficients + intercept;
    }
}
