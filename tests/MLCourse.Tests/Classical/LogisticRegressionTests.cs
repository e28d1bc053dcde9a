using System.Text.Json.Nodes;
using MLCourse.Classical;

namespace MLCourse.Tests.Classical;

public class LogisticRegressionTests
{
    public static TheoryData<string> Cases => ClassicalGolden.Names("logistic");

    private static (LogisticRegression Model, Matrix<double> X) Fit(JsonObject c)
    {
        var x = ClassicalGolden.X(c);
        var weights = c["sample_weight"] is null ? null : GoldenData.Vector(c["sample_weight"]);
        var model = new LogisticRegression((double)c["c"]!, (bool)c["fit_intercept"]!).Fit(x, GoldenData.Ints(c["y"]), weights);
        return (model, x);
    }

    private static Vector<double> Theta(Vector<double> coef, double intercept) => Vector<double>.Build.DenseOfEnumerable(coef.Append(intercept));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scikit_learn_at_the_precision_each_solver_reaches(string name)
    {
        var c = ClassicalGolden.Case(name);

        var (model, x) = Fit(c);

        Assert.True(model.Converged, $"not converged after {model.Iterations} steps");
        var theta = Theta(model.Coefficients, model.Intercept);
        foreach (var solver in new[] { "newton-cholesky", "newton-cg" })
        {
            // Each solver stops 1e-16 … 6e-8 (relative) from the exact optimum; the generator measured how far, by one Newton step.
            var reference = c[solver]!.AsObject();
            var tolerance = Math.Max(3 * (double)reference["precision"]!, 1e-11);
            ClassicalGolden.AssertNormRelative(Theta(GoldenData.Vector(reference["coef"]), (double)reference["intercept"]!), theta, tolerance, $"θ vs {solver}");
        }
        var rows = x.SubMatrix(0, 8, 0, x.ColumnCount);
        GoldenData.AssertRelative(GoldenData.Vector(c["probability"]), model.PredictProbability(rows), 1e-9, "probability");
        Assert.Equal(GoldenData.Ints(c["predict"]), model.Predict(rows));
    }

    private static (Matrix<double> X, int[] Y) Problem(int n, int seed)
    {
        var rng = Rng.Create(seed);
        var x = Rng.StandardNormal(n, 3, rng);
        var noise = Rng.StandardNormal(n, rng);
        return (x, Enumerable.Range(0, n).Select(i => x[i, 0] - 2 * x[i, 1] + 0.5 + noise[i] > 0 ? 1 : 0).ToArray());
    }

    /// <summary>½‖w‖² + C·Σ sᵢ log(1 + e^{−ỹᵢzᵢ}) written out directly, ỹ = ±1.</summary>
    private static double Objective(Matrix<double> x, int[] y, Vector<double> s, double c, Vector<double> theta)
    {
        var w = theta.SubVector(0, x.ColumnCount);
        var loss = Enumerable.Range(0, x.RowCount).Sum(i => s[i] * Math.Log(1 + Math.Exp(-(2 * y[i] - 1) * (x.Row(i) * w + theta[^1]))));
        return 0.5 * w.DotProduct(w) + c * loss;
    }

    [Fact]
    public void The_solution_is_a_stationary_point_of_scikit_learns_objective()
    {
        var (x, y) = Problem(50, seed: 1);
        var s = Vector<double>.Build.Dense(50, i => 0.5 + i % 3);

        var model = new LogisticRegression(2.0).Fit(x, y, s);

        var gradient = FiniteDifference.Gradient(theta => Objective(x, y, s, 2.0, theta), Theta(model.Coefficients, model.Intercept));
        Assert.True(gradient.InfinityNorm() < 1e-7, $"‖∇f‖∞ = {gradient.InfinityNorm():E2}");
    }

    [Fact]
    public void Integer_weights_equal_duplicated_samples_to_machine_precision()
    {
        var (x, y) = Problem(40, seed: 2);
        var counts = Enumerable.Range(0, 40).Select(i => y[i] == 1 ? 1 : 3).ToArray();
        var rows = Enumerable.Range(0, 40).SelectMany(i => Enumerable.Repeat(i, counts[i])).ToArray();
        var duplicated = Matrix<double>.Build.DenseOfRowVectors(rows.Select(x.Row));

        var weighted = new LogisticRegression(0.7).Fit(x, y, Vector<double>.Build.Dense(40, i => counts[i]));
        var copies = new LogisticRegression(0.7).Fit(duplicated, rows.Select(i => y[i]).ToArray());

        ClassicalGolden.AssertNormRelative(Theta(copies.Coefficients, copies.Intercept), Theta(weighted.Coefficients, weighted.Intercept), 1e-12, "θ");
    }

    [Fact]
    public void Scaling_every_weight_is_scaling_C()
    {
        var (x, y) = Problem(30, seed: 3);

        var scaledWeights = new LogisticRegression(1.5).Fit(x, y, Vector<double>.Build.Dense(30, 4.0));
        var scaledC = new LogisticRegression(6.0).Fit(x, y);

        ClassicalGolden.AssertNormRelative(Theta(scaledC.Coefficients, scaledC.Intercept), Theta(scaledWeights.Coefficients, scaledWeights.Intercept), 1e-12, "θ");
    }

    [Fact]
    public void Newton_converges_quadratically_in_a_few_steps()
    {
        var (x, y) = Problem(200, seed: 4);

        var model = new LogisticRegression(10).Fit(x, y);

        Assert.True(model.Converged);
        Assert.InRange(model.Iterations, 3, 12);
        var norms = model.GradientNorms;
        Assert.Equal(model.Iterations + 1, norms.Count);
        for (var k = 1; k < norms.Count; k++) Assert.True(norms[k] < norms[k - 1], $"‖∇f‖ rose at step {k}");
        Assert.True(norms[^1] < 1e-9 && norms[^2] > norms[^1] * 100, "the last step gains orders of magnitude");
    }

    [Fact]
    public void Without_intercept_b_is_zero_and_predictions_follow_the_decision_function()
    {
        var (x, y) = Problem(30, seed: 5);

        var model = new LogisticRegression(fitIntercept: false).Fit(x, y);

        Assert.Equal(0.0, model.Intercept);
        var z = model.DecisionFunction(x);
        Assert.Equal(z.Select(v => 1 / (1 + Math.Exp(-v))).ToArray(), model.PredictProbability(x).ToArray(), new Tolerance(1e-15));
        Assert.Equal(z.Select(v => v > 0 ? 1 : 0).ToArray(), model.Predict(x));
    }

    private sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(double value) => 0;
    }

    [Fact]
    public void Invalid_labels_are_rejected_naming_y()
    {
        var (x, y) = Problem(10, seed: 6);
        var model = new LogisticRegression();

        Assert.Equal("y", Assert.Throws<ArgumentException>(() => model.Fit(x, y.Select(v => v == 1 ? 2 : 0).ToArray())).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => model.Fit(x, new int[10])).ParamName);
        var length = Assert.Throws<ArgumentException>(() => model.Fit(x, y.Take(9).ToArray()));
        Assert.Equal("y", length.ParamName);
        Assert.Contains("10×3", length.Message);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Invalid_weights_are_rejected_naming_sampleWeight(double bad)
    {
        var (x, y) = Problem(10, seed: 7);
        var weights = Vector<double>.Build.Dense(10, 1.0);
        weights[4] = bad;

        Assert.Equal("sampleWeight", Assert.Throws<ArgumentException>(() => new LogisticRegression().Fit(x, y, weights)).ParamName);
    }

    [Fact]
    public void Weights_of_the_wrong_length_or_all_zero_and_non_finite_x_are_rejected()
    {
        var (x, y) = Problem(10, seed: 8);
        var model = new LogisticRegression();

        var length = Assert.Throws<ArgumentException>(() => model.Fit(x, y, Vector<double>.Build.Dense(9, 1.0)));
        Assert.Equal("sampleWeight", length.ParamName);
        Assert.Contains("10×3", length.Message);
        Assert.Equal("sampleWeight", Assert.Throws<ArgumentException>(() => model.Fit(x, y, Vector<double>.Build.Dense(10))).ParamName);
        x[3, 2] = double.PositiveInfinity;
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => model.Fit(x, y)).ParamName);
    }

    [Fact]
    public void Settings_and_prediction_shapes_are_validated()
    {
        Assert.Equal("c", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(0)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(tolerance: -1)).ParamName);
        Assert.Throws<InvalidOperationException>(() => new LogisticRegression().Coefficients);
        var (x, y) = Problem(10, seed: 9);
        var model = new LogisticRegression().Fit(x, y);
        var e = Assert.Throws<ArgumentException>(() => model.PredictProbability(Matrix<double>.Build.Dense(2, 4)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("2×4", e.Message);
    }

    [Fact]
    public void Running_out_of_iterations_is_reported_not_hidden()
    {
        var (x, y) = Problem(100, seed: 10);

        var model = new LogisticRegression(100, maxIterations: 1).Fit(x, y);

        Assert.False(model.Converged);
        Assert.Equal(1, model.Iterations);
    }
}
