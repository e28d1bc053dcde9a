using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Regularization;

/// <summary>
/// L1-penalised least squares (the lasso) with scikit-learn's objective and algorithm
/// (<c>sklearn.linear_model.Lasso</c>): minimise
/// <c>(1/(2n))·‖y − Xw − b‖² + α·‖w‖₁</c> over w (and the unpenalised intercept b) by cyclic coordinate descent,
/// each coordinate update being a soft-thresholding (<see cref="L1.SoftThreshold(double, double)"/>).
/// Introduced in notebook 06 (L1 and L2 regularization), where the update is derived by hand.
/// </summary>
/// <remarks>
/// <para><b>Update.</b> With residual r = y − Xw and column x_j, the exact minimiser over w_j alone is
/// w_j ← S(x_jᵀr + ‖x_j‖²w_j, nα) / ‖x_j‖². Columns of zero norm keep w_j = 0. The implementation keeps XᵀX and
/// XᵀXw instead of r (scikit-learn's precomputed-Gram variant), so a sweep costs O(p²) after an O(np²) set-up.</para>
/// <para><b>Stopping.</b> As in scikit-learn: after a sweep whose largest coefficient change is below
/// <see cref="Tolerance"/> times the largest |w_j| (or when w = 0), the duality gap G of the problem is computed, and
/// the fit stops when G ≤ <see cref="Tolerance"/>·‖y − ȳ‖²/n (here G is measured in the units of the objective above).
/// scikit-learn's default tol is 1e-4; this class defaults to 1e-10. On the diabetes data the default agrees with
/// scikit-learn run at tol = 1e-12 to about 1e-10 relative on the large coefficients; a coefficient many orders of
/// magnitude below the largest is less precise in relative terms (about 1e-6 at 1e-4 of the largest), so pass a smaller
/// tolerance, such as 1e-12, when such coefficients matter.</para>
/// <para><b>Not converging.</b> scikit-learn emits a ConvergenceWarning; a library should not write to the console, so
/// after <see cref="Fit"/> check <see cref="Converged"/> (false when <see cref="MaxIterations"/> sweeps were used up),
/// <see cref="Iterations"/> and <see cref="DualityGap"/>. The coefficients are then the last iterate.</para>
/// <para><b>Ranges.</b> α ≥ 0 (α = 0 is ordinary least squares, slow and not unique when X is rank-deficient);
/// α ≥ <see cref="MaxAlpha"/> gives w = 0 exactly.</para>
/// </remarks>
public sealed class Lasso
{
    private Vector<double>? coefficients;

    /// <summary>Configures a lasso; call <see cref="Fit"/> next.</summary>
    /// <param name="alpha">Penalty strength α ≥ 0 (scikit-learn's <c>alpha</c>).</param>
    /// <param name="fitIntercept">Fit an unpenalised intercept b by centring X and y first (scikit-learn's default).</param>
    /// <param name="maxIterations">Maximum number of full coordinate sweeps, ≥ 1.</param>
    /// <param name="tolerance">Stopping tolerance &gt; 0 with scikit-learn's meaning of <c>tol</c> (see remarks).</param>
    /// <exception cref="ArgumentOutOfRangeException">alpha negative, infinite or NaN; maxIterations &lt; 1; tolerance ≤ 0, infinite or NaN.</exception>
    public Lasso(double alpha, bool fitIntercept = true, int maxIterations = 100000, double tolerance = 1e-10)
    {
        Guard.NonNegative(alpha, nameof(alpha));
        Guard.Positive(maxIterations, nameof(maxIterations));
        Guard.Positive(tolerance, nameof(tolerance));
        (Alpha, FitIntercept, MaxIterations, Tolerance) = (alpha, fitIntercept, maxIterations, tolerance);
    }

    /// <summary>The penalty strength α.</summary>
    public double Alpha { get; }

    /// <summary>Whether an unpenalised intercept is fitted.</summary>
    public bool FitIntercept { get; }

    /// <summary>The maximum number of coordinate sweeps.</summary>
    public int MaxIterations { get; }

    /// <summary>The stopping tolerance (scikit-learn's <c>tol</c>).</summary>
    public double Tolerance { get; }

    /// <summary>The fitted weights w (one per column of X; exact zeros where the lasso drops a feature).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> Coefficients => coefficients?.Clone() ?? throw NotFitted();

    /// <summary>The fitted intercept b = ȳ − x̄ᵀw (0 when <see cref="FitIntercept"/> is false).</summary>
    public double Intercept { get; private set; }

    /// <summary>Number of coordinate sweeps the last <see cref="Fit"/> used (1 … <see cref="MaxIterations"/>).</summary>
    public int Iterations { get; private set; }

    /// <summary>Whether the last <see cref="Fit"/> met the duality-gap criterion; false means the result is not reliable.</summary>
    public bool Converged { get; private set; }

    /// <summary>The duality gap of the last fit (an upper bound on its objective's distance from the optimum), ≥ 0 up to rounding.</summary>
    public double DualityGap { get; private set; }

    /// <summary>Fits w and b to (x, y) from w = 0 and returns this instance.</summary>
    /// <param name="x">The n×p design matrix (finite entries).</param>
    /// <param name="y">The n targets (finite).</param>
    /// <exception cref="ArgumentException">y's length differs from x's row count (both are named), or x or y has a NaN/∞ entry.</exception>
    public Lasso Fit(Matrix<double> x, Vector<double> y)
    {
        var data = LinearData.Prepare(x, y, FitIntercept);
        var solver = new CoordinateDescent(data.X, data.Y);
        var result = solver.Solve(Alpha, new double[data.X.ColumnCount], MaxIterations, Tolerance);
        Store(data, result);
        return this;
    }

    /// <summary>Predictions Xw + b.</summary>
    /// <exception cref="ArgumentException">x has a different number of columns than the fitted coefficients.</exception>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> Predict(Matrix<double> x) => LinearData.Predict(x, coefficients ?? throw NotFitted(), Intercept);

    /// <summary>
    /// The smallest α at which the lasso solution is w = 0: α_max = max_j |x_jᵀ(y − ȳ)|/n (without the centring when
    /// <paramref name="fitIntercept"/> is false). It is where the subgradient condition |∂L/∂w_j| ≤ α at w = 0 starts to hold for every j.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes differ or entries are not finite, as in <see cref="Fit"/>.</exception>
    public static double MaxAlpha(Matrix<double> x, Vector<double> y, bool fitIntercept = true)
    {
        var data = LinearData.Prepare(x, y, fitIntercept);
        return (data.X.TransposeThisAndMultiply(data.Y) / data.X.RowCount).InfinityNorm();
    }

    /// <summary>
    /// Lasso solutions for each α in <paramref name="alphas"/>, in the given order, each warm-started from the previous
    /// solution (give them in decreasing order, as scikit-learn's <c>lasso_path</c> does, for the fastest path). The
    /// result also reports each fit's sweep count and whether all converged.
    /// </summary>
    /// <exception cref="ArgumentException">No alphas; an alpha negative, infinite or NaN (paramName alphas, the index is named);
    /// x and y as in <see cref="Fit"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">maxIterations &lt; 1 or tolerance ≤ 0.</exception>
    public static LassoPath Path(Matrix<double> x, Vector<double> y, IReadOnlyList<double> alphas, bool fitIntercept = true,
        int maxIterations = 100000, double tolerance = 1e-10)
    {
        ArgumentNullException.ThrowIfNull(alphas);
        if (alphas.Count == 0) throw new ArgumentException("Give at least one alpha.", nameof(alphas));
        for (var i = 0; i < alphas.Count; i++)
            if (!(alphas[i] >= 0) || double.IsPositiveInfinity(alphas[i]))
                throw new ArgumentException($"alphas[{i}] must be a finite number ≥ 0, got {alphas[i]}.", nameof(alphas));
        Guard.Positive(maxIterations, nameof(maxIterations));
        Guard.Positive(tolerance, nameof(tolerance));
        var data = LinearData.Prepare(x, y, fitIntercept);
        var solver = new CoordinateDescent(data.X, data.Y);
        var w = new double[data.X.ColumnCount];
        var steps = new List<(double, Vector<double>, double)>();
        var iterations = new List<int>();
        var converged = true;
        foreach (var alpha in alphas)
        {
            var result = solver.Solve(alpha, w, maxIterations, tolerance);
            w = result.W;
            var coefficients = Vector<double>.Build.DenseOfArray((double[])w.Clone());
            steps.Add((alpha, coefficients, data.Intercept(coefficients)));
            iterations.Add(result.Iterations);
            converged &= result.Converged;
        }
        return new LassoPath(steps, iterations, converged);
    }

    private void Store(LinearData data, CoordinateDescent.Result result)
    {
        coefficients = Vector<double>.Build.DenseOfArray(result.W);
        Intercept = data.Intercept(coefficients);
        (Iterations, Converged, DualityGap) = (result.Iterations, result.Converged, result.Gap);
    }

    private static InvalidOperationException NotFitted() => new("Call Fit before reading the coefficients or predicting.");

    /// <summary>
    /// Cyclic coordinate descent on ½‖y − Xw‖² + nα‖w‖₁ (X, y already centred if needed), in the covariance form of
    /// scikit-learn's enet_coordinate_descent_gram: with Q = XᵀX, q = Xᵀy and h = Qw kept up to date, the update of
    /// w_j needs x_jᵀr = q_j − h_j, so a sweep costs O(p²) instead of O(np). The iterates are those of the residual form.
    /// </summary>
    private sealed class CoordinateDescent
    {
        private readonly double[,] gram;   // Q = XᵀX
        private readonly double[] xty;     // q = Xᵀy
        private readonly int n, p;
        private readonly double yNorm2;    // ‖y‖²

        public CoordinateDescent(Matrix<double> x, Vector<double> y)
        {
            (n, p) = (x.RowCount, x.ColumnCount);
            gram = x.TransposeThisAndMultiply(x).ToArray();
            xty = x.TransposeThisAndMultiply(y).ToArray();
            yNorm2 = y.DotProduct(y);
        }

        public readonly record struct Result(double[] W, int Iterations, bool Converged, double Gap);

        public Result Solve(double alpha, double[] start, int maxIterations, double tolerance)
        {
            var w = (double[])start.Clone();
            var l1 = alpha * n;
            var h = new double[p];   // h = Qw
            for (var j = 0; j < p; j++)
                if (w[j] != 0) AddColumn(w[j], j, h);
            var gap = double.PositiveInfinity;
            for (var iteration = 1; iteration <= maxIterations; iteration++)
            {
                double wMax = 0, dwMax = 0;
                for (var j = 0; j < p; j++)
                {
                    if (gram[j, j] == 0) continue;   // a zero column: its weight stays 0
                    var old = w[j];
                    if (old != 0) AddColumn(-old, j, h);   // now q_j − h_j = x_jᵀ(y − Σ_{k≠j} x_k w_k)
                    w[j] = L1.Shrink(xty[j] - h[j], l1) / gram[j, j];
                    if (w[j] != 0) AddColumn(w[j], j, h);
                    dwMax = Math.Max(dwMax, Math.Abs(w[j] - old));
                    wMax = Math.Max(wMax, Math.Abs(w[j]));
                }
                if (wMax == 0 || dwMax / wMax < tolerance || iteration == maxIterations)
                {
                    gap = Gap(w, h, l1);
                    if (gap <= tolerance * yNorm2) return new Result(w, iteration, true, gap / n);
                }
            }
            return new Result(w, maxIterations, false, gap / n);
        }

        /// <summary>
        /// The duality gap of ½‖y − Xw‖² + l1‖w‖₁ at w (with h = Qw): the residual r = y − Xw, scaled to be dual-feasible
        /// (‖Xᵀr‖∞ ≤ l1), gives a lower bound on the optimum; primal minus that bound is ≥ 0 and 0 only at the optimum.
        /// </summary>
        private double Gap(double[] w, double[] h, double l1)
        {
            double dualNorm = 0, wq = 0, wh = 0, wl1 = 0;
            for (var j = 0; j < p; j++)
            {
                dualNorm = Math.Max(dualNorm, Math.Abs(xty[j] - h[j]));   // |x_jᵀr|
                wq += w[j] * xty[j];
                wh += w[j] * h[j];
                wl1 += Math.Abs(w[j]);
            }
            var r2 = Math.Max(yNorm2 - 2 * wq + wh, 0);   // ‖r‖² = ‖y‖² − 2wᵀq + wᵀQw
            var ry = yNorm2 - wq;                          // rᵀy
            var scale = dualNorm > l1 ? l1 / dualNorm : 1.0;
            return 0.5 * (r2 + scale * scale * r2) + l1 * wl1 - scale * ry;
        }

        /// <summary>h ← h + a·Q_{:,j}.</summary>
        private void AddColumn(double a, int column, double[] h)
        {
            for (var k = 0; k < p; k++) h[k] += a * gram[k, column];
        }
    }
}
