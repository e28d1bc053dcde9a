using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;

namespace MLCourse.Classical;

/// <summary>
/// Binary L2-regularised logistic regression with scikit-learn's objective
/// (<c>sklearn.linear_model.LogisticRegression(C=c, fit_intercept=…)</c>): for labels yᵢ ∈ {0, 1}, sample weights sᵢ
/// (default 1) and zᵢ = w·xᵢ + b, minimise
/// <c>f(w, b) = ½‖w‖² + C·Σᵢ sᵢ·[log(1 + e^{zᵢ}) − yᵢzᵢ]</c>, the log-loss of pᵢ = σ(zᵢ) plus a ridge penalty on w (never on b).
/// f is convex: its Hessian is diag(1, …, 1, 0) + C·X̃ᵀSX̃ with X̃ = [X 1] and S = diag(sᵢpᵢ(1 − pᵢ)), positive
/// semi-definite and positive definite in w. Introduced in notebook 16 (classical models).
/// </summary>
/// <remarks>
/// <para>Solved by Newton's method from w = 0, b = 0: each step solves H·d = ∇f by Cholesky and backtracks (halving)
/// until the Armijo condition f(θ − td) ≤ f(θ) − 10⁻⁴·t·∇f·d holds, or, near the optimum where f no longer changes by
/// more than rounding, until ‖∇f‖ falls. It stops when ‖∇f‖∞ ≤ tolerance·(1 + C·Σᵢ sᵢ·max(1, ‖xᵢ‖∞)), the scale of
/// the gradient's terms: the default 10⁻¹² lies a few thousand rounding errors above what double precision can reach, so
/// the solution is exact to about 12 digits (quadratic convergence takes one step from 10⁻⁶ to below that).</para>
/// <para>Class weights are sample weights: scikit-learn's <c>class_weight</c> multiplies each sample's weight by its
/// class's weight. Weights scale the loss, so doubling every weight is the same as doubling C, and an integer weight m
/// is the same as m copies of the sample.</para>
/// </remarks>
public sealed class LogisticRegression
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    private Vector<double>? coefficients;
    private List<double> gradientNorms = [];

    /// <summary>Configures the model; call <see cref="Fit"/> next.</summary>
    /// <param name="c">Inverse regularisation strength C &gt; 0 (scikit-learn's <c>C</c>): large C, weak penalty.</param>
    /// <param name="fitIntercept">Fit an unpenalised intercept b (scikit-learn's default); otherwise b = 0.</param>
    /// <param name="tolerance">Relative gradient tolerance (see the remarks), &gt; 0.</param>
    /// <param name="maxIterations">Newton steps allowed before giving up (<see cref="Converged"/> is then false), ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">c or tolerance not a finite number &gt; 0; maxIterations &lt; 1.</exception>
    public LogisticRegression(double c = 1.0, bool fitIntercept = true, double tolerance = 1e-12, int maxIterations = 100)
    {
        Guard.Positive(c, nameof(c));
        Guard.Positive(tolerance, nameof(tolerance));
        Guard.Positive(maxIterations, nameof(maxIterations));
        (C, FitIntercept, Tolerance, MaxIterations) = (c, fitIntercept, tolerance, maxIterations);
    }

    /// <summary>The inverse regularisation strength C.</summary>
    public double C { get; }

    /// <summary>Whether an unpenalised intercept is fitted.</summary>
    public bool FitIntercept { get; }

    /// <summary>The relative gradient tolerance of the stopping rule.</summary>
    public double Tolerance { get; }

    /// <summary>The largest number of Newton steps.</summary>
    public int MaxIterations { get; }

    /// <summary>The fitted weights w, one per column of x (scikit-learn's <c>coef_[0]</c>).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> Coefficients => coefficients?.Clone() ?? throw NotFitted();

    /// <summary>The fitted intercept b (0 when <see cref="FitIntercept"/> is false; scikit-learn's <c>intercept_[0]</c>).</summary>
    public double Intercept { get; private set; }

    /// <summary>The Newton steps the last <see cref="Fit"/> took.</summary>
    public int Iterations { get; private set; }

    /// <summary>Whether the last <see cref="Fit"/> met the gradient tolerance (false if it ran out of iterations or the line search stalled).</summary>
    public bool Converged { get; private set; }

    /// <summary>‖∇f‖∞ at every iterate of the last <see cref="Fit"/>, from the start (w = 0, b = 0) to the solution: Iterations + 1 values.</summary>
    public IReadOnlyList<double> GradientNorms => gradientNorms.AsReadOnly();

    /// <summary>Fits w and b to the n×p features <paramref name="x"/> and labels <paramref name="y"/> and returns this instance.</summary>
    /// <param name="x">Features, one row per sample, finite.</param>
    /// <param name="y">Labels 0 or 1, one per row of x, both classes present.</param>
    /// <param name="sampleWeight">Optional weights sᵢ ≥ 0 (finite, not all 0), one per row of x; default all 1.</param>
    /// <exception cref="ArgumentException">x empty or not finite (<c>x</c>); y of the wrong length, a label other than 0/1,
    /// or one class only (<c>y</c>); a weight negative, not finite, of the wrong length, or all weights 0 (<c>sampleWeight</c>).</exception>
    public LogisticRegression Fit(Matrix<double> x, int[] y, Vector<double>? sampleWeight = null)
    {
        Validation.FiniteRows(x, nameof(x), minimumRows: 1);
        Validation.BinaryLabels(x, y, nameof(y), 0, 1);
        var s = Validation.SampleWeights(x, sampleWeight, nameof(sampleWeight));
        var problem = new Problem(x, y, s, FitIntercept, C);
        var scale = 1 + C * Enumerable.Range(0, x.RowCount).Sum(i => s[i] * Math.Max(1, x.Row(i).InfinityNorm()));
        var theta = new double[problem.Parameters];
        var (value, gradient, probabilities) = problem.Evaluate(theta);
        gradientNorms = [InfinityNorm(gradient)];
        (Iterations, Converged) = (0, gradientNorms[0] <= Tolerance * scale);
        while (!Converged && Iterations < MaxIterations)
        {
            var step = problem.Hessian(probabilities).Cholesky().Solve(Vector<double>.Build.DenseOfArray(gradient)).ToArray();
            var slope = gradient.Select((g, j) => g * step[j]).Sum();
            var accepted = false;
            for (var t = 1.0; t > 1e-10 && !accepted; t /= 2)
            {
                var candidate = theta.Select((v, j) => v - t * step[j]).ToArray();
                var next = problem.Evaluate(candidate);
                var armijo = next.Value <= value - 1e-4 * t * slope;
                var flat = Math.Abs(next.Value - value) <= 16 * MachineEpsilon * Math.Abs(value) && InfinityNorm(next.Gradient) < InfinityNorm(gradient);
                if (!(armijo || flat)) continue;
                (theta, value, gradient, probabilities, accepted) = (candidate, next.Value, next.Gradient, next.Probabilities, true);
            }
            if (!accepted) break;   // no step size decreases f: rounding has the last word
            Iterations++;
            gradientNorms.Add(InfinityNorm(gradient));
            Converged = gradientNorms[^1] <= Tolerance * scale;
        }
        coefficients = Vector<double>.Build.DenseOfEnumerable(theta.Take(x.ColumnCount));
        Intercept = FitIntercept ? theta[^1] : 0;
        return this;
    }

    /// <summary>The decision values zᵢ = w·xᵢ + b, the log-odds of class 1.</summary>
    /// <exception cref="ArgumentException">x has a different number of columns than the fitted coefficients (both shapes are named).</exception>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> DecisionFunction(Matrix<double> x)
    {
        var w = coefficients ?? throw NotFitted();
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount != w.Count)
            throw new ArgumentException($"x is {Guard.Shape(x)} but the model has {w.Count} coefficients: x needs {w.Count} columns.", nameof(x));
        return x * w + Intercept;
    }

    /// <summary>P(y = 1 | x) = σ(w·x + b) for every row of x (scikit-learn's <c>predict_proba(x)[:, 1]</c>).</summary>
    /// <inheritdoc cref="DecisionFunction"/>
    public Vector<double> PredictProbability(Matrix<double> x) => DecisionFunction(x).Map(Activation.Sigmoid);

    /// <summary>The predicted labels: 1 where w·x + b &gt; 0 (probability above ½), else 0, as scikit-learn's <c>predict</c>.</summary>
    /// <inheritdoc cref="DecisionFunction"/>
    public int[] Predict(Matrix<double> x) => DecisionFunction(x).Select(z => z > 0 ? 1 : 0).ToArray();

    /// <summary>log(1 + e^z) without overflow.</summary>
    private static double Softplus(double z) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    private static double InfinityNorm(double[] v) => v.Max(Math.Abs);

    /// <summary>
    /// The objective on plain arrays: the design X̃ (X, with a column of ones for the intercept) row-major, the targets and
    /// the weights. Plain loops, because MathNet parallelises matrix–vector products of this size, which costs more than it
    /// saves on a busy machine.
    /// </summary>
    private sealed class Problem
    {
        private readonly double[] design;
        private readonly double[] target;
        private readonly double[] weight;
        private readonly int rows, penalised;
        private readonly double c;

        public Problem(Matrix<double> x, int[] y, Vector<double> s, bool fitIntercept, double c)
        {
            (rows, penalised, this.c) = (x.RowCount, x.ColumnCount, c);
            Parameters = x.ColumnCount + (fitIntercept ? 1 : 0);
            design = new double[rows * Parameters];
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < penalised; j++) design[i * Parameters + j] = x[i, j];
                if (fitIntercept) design[i * Parameters + penalised] = 1;
            }
            (target, weight) = (y.Select(v => (double)v).ToArray(), s.ToArray());
        }

        /// <summary>The number of parameters: the weights, and b if fitted (the last one).</summary>
        public int Parameters { get; }

        /// <summary>f = ½‖w‖² + C·Σ sᵢ[log(1 + e^{zᵢ}) − yᵢzᵢ], ∇f = (w, 0) + C·X̃ᵀ(s ∘ (p − y)), and pᵢ = σ(zᵢ), at θ.</summary>
        public (double Value, double[] Gradient, double[] Probabilities) Evaluate(double[] theta)
        {
            var (gradient, probabilities, loss) = (new double[Parameters], new double[rows], 0.0);
            for (var i = 0; i < rows; i++)
            {
                var (offset, z) = (i * Parameters, 0.0);
                for (var j = 0; j < Parameters; j++) z += design[offset + j] * theta[j];
                probabilities[i] = Activation.Sigmoid(z);
                loss += weight[i] * (Softplus(z) - target[i] * z);
                var residual = c * weight[i] * (probabilities[i] - target[i]);
                for (var j = 0; j < Parameters; j++) gradient[j] += residual * design[offset + j];
            }
            var penalty = 0.0;
            for (var j = 0; j < penalised; j++) (penalty, gradient[j]) = (penalty + theta[j] * theta[j], gradient[j] + theta[j]);
            return (0.5 * penalty + c * loss, gradient, probabilities);
        }

        /// <summary>H = diag(1, …, 1, 0) + C·X̃ᵀ·diag(sᵢpᵢ(1 − pᵢ))·X̃.</summary>
        public Matrix<double> Hessian(double[] probabilities)
        {
            var hessian = new double[Parameters, Parameters];
            for (var i = 0; i < rows; i++)
            {
                var (offset, d) = (i * Parameters, c * weight[i] * probabilities[i] * (1 - probabilities[i]));
                for (var j = 0; j < Parameters; j++)
                {
                    var dj = d * design[offset + j];
                    for (var k = 0; k <= j; k++) hessian[j, k] += dj * design[offset + k];
                }
            }
            for (var j = 0; j < Parameters; j++)
                for (var k = 0; k < j; k++) hessian[k, j] = hessian[j, k];
            for (var j = 0; j < penalised; j++) hessian[j, j] += 1;
            return Matrix<double>.Build.DenseOfArray(hessian);
        }
    }

    private static InvalidOperationException NotFitted() => new("Call Fit before reading the coefficients or predicting.");
}
