using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Regularization;

/// <summary>
/// L2-penalised least squares (ridge regression) with scikit-learn's convention (<c>sklearn.linear_model.Ridge</c>):
/// minimise <c>‖y − Xw − b‖² + α·‖w‖²</c> (no 1/n, no ½) over w and the unpenalised intercept b. The solution is
/// w = (XᵀX + αI)⁻¹Xᵀy on centred data, computed stably from the SVD X = USVᵀ as w = V·diag(s/(s² + α))·Uᵀy.
/// Introduced in notebook 06 (L1 and L2 regularization).
/// </summary>
/// <remarks>
/// Range: α ≥ 0. α = 0 is least squares; when X is rank-deficient it returns the minimum-norm solution (singular values
/// below max(n, p)·ε·s_max are treated as 0, as numpy's lstsq does). Every coefficient shrinks continuously towards 0 as
/// α grows, but none becomes exactly 0 (unless it is 0 at α = 0): ridge does not select features.
/// Note the scale differs from <see cref="Lasso"/>, whose loss carries 1/(2n): ridge α here corresponds to
/// (1/(2n))‖·‖² + (α/(2n))‖w‖².
/// </remarks>
public sealed class Ridge
{
    /// <summary>2⁻⁵², the spacing of doubles at 1 (numpy's finfo(float64).eps).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private Vector<double>? coefficients;

    /// <summary>Configures a ridge regression; call <see cref="Fit"/> next.</summary>
    /// <param name="alpha">Penalty strength α ≥ 0 (scikit-learn's <c>alpha</c>).</param>
    /// <param name="fitIntercept">Fit an unpenalised intercept by centring X and y first (scikit-learn's default).</param>
    /// <exception cref="ArgumentOutOfRangeException">alpha negative, infinite or NaN.</exception>
    public Ridge(double alpha, bool fitIntercept = true)
    {
        Guard.NonNegative(alpha, nameof(alpha));
        (Alpha, FitIntercept) = (alpha, fitIntercept);
    }

    /// <summary>The penalty strength α.</summary>
    public double Alpha { get; }

    /// <summary>Whether an unpenalised intercept is fitted.</summary>
    public bool FitIntercept { get; }

    /// <summary>The fitted weights w, one per column of X.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> Coefficients => coefficients?.Clone() ?? throw NotFitted();

    /// <summary>The fitted intercept b = ȳ − x̄ᵀw (0 when <see cref="FitIntercept"/> is false).</summary>
    public double Intercept { get; private set; }

    /// <summary>Fits w and b to (x, y) and returns this instance.</summary>
    /// <exception cref="ArgumentException">y's length differs from x's row count (both are named), or x or y has a NaN/∞ entry.</exception>
    public Ridge Fit(Matrix<double> x, Vector<double> y)
    {
        var (_, w, b) = Path(x, y, [Alpha], FitIntercept)[0];
        (coefficients, Intercept) = (w, b);
        return this;
    }

    /// <summary>Predictions Xw + b.</summary>
    /// <exception cref="ArgumentException">x has a different number of columns than the fitted coefficients.</exception>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> Predict(Matrix<double> x) => LinearData.Predict(x, coefficients ?? throw NotFitted(), Intercept);

    /// <summary>
    /// Ridge solutions for each α in <paramref name="alphas"/> (any order) from a single SVD of the (centred) X: the
    /// ridge path. Each step equals <c>new Ridge(α, fitIntercept).Fit(x, y)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No alphas; an alpha negative, infinite or NaN (the index is named); x and y as in <see cref="Fit"/>.</exception>
    public static IReadOnlyList<(double Alpha, Vector<double> Coefficients, double Intercept)> Path(
        Matrix<double> x, Vector<double> y, IReadOnlyList<double> alphas, bool fitIntercept = true)
    {
        ArgumentNullException.ThrowIfNull(alphas);
        if (alphas.Count == 0) throw new ArgumentException("Give at least one alpha.", nameof(alphas));
        for (var i = 0; i < alphas.Count; i++)
            if (!(alphas[i] >= 0) || double.IsPositiveInfinity(alphas[i]))
                throw new ArgumentException($"alphas[{i}] must be a finite number ≥ 0, got {alphas[i]}.", nameof(alphas));
        var data = LinearData.Prepare(x, y, fitIntercept);
        var svd = data.X.Svd(computeVectors: true);
        var k = svd.S.Count;   // min(n, p) singular values
        var u = svd.U.SubMatrix(0, data.X.RowCount, 0, k);
        var v = svd.VT.SubMatrix(0, k, 0, data.X.ColumnCount).Transpose();
        var uty = u.TransposeThisAndMultiply(data.Y);
        var cutoff = Math.Max(data.X.RowCount, data.X.ColumnCount) * MachineEpsilon * svd.S[0];
        return alphas.Select(alpha =>
        {
            var d = svd.S.Map(s => s > cutoff ? s / (s * s + alpha) : 0.0);
            var w = v * d.PointwiseMultiply(uty);
            return (alpha, w, data.Intercept(w));
        }).ToList();
    }

    private static InvalidOperationException NotFitted() => new("Call Fit before reading the coefficients or predicting.");
}
