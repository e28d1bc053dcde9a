using MLCourse.Data;
using MLCourse.Regularization;

namespace MLCourse.Tests.Regularization;

public class LassoTests
{
    /// <summary>The task's tolerance against scikit-learn; zeros must match exactly (a relative tolerance of 0).</summary>
    private const double Relative = 1e-6;

    public static TheoryData<string> LassoCases => RegularizationGolden.Names("lasso");

    public static TheoryData<string> PathCases => RegularizationGolden.Names("lasso_path");

    [Theory]
    [MemberData(nameof(LassoCases))]
    public void Matches_scikit_learn(string name)
    {
        var c = RegularizationGolden.Case(name);
        var (x, y) = RegularizationGolden.Data(c);

        var lasso = new Lasso((double)c["alpha"]!, (bool)c["fit_intercept"]!).Fit(x, y);

        Assert.True(lasso.Converged, $"{name}: not converged after {lasso.Iterations} sweeps, gap {lasso.DualityGap}");
        RegularizationGolden.AssertFit(c, lasso.Coefficients, lasso.Intercept, Relative);
    }

    [Theory]
    [MemberData(nameof(PathCases))]
    public void The_warm_started_path_matches_scikit_learn_lasso_path(string name)
    {
        var c = RegularizationGolden.Case(name);
        var (x, y) = RegularizationGolden.Data(c);
        var alphas = GoldenData.Vector(c["alphas"]).ToArray();

        // The tolerance the references were generated with: on the p > n problem one coefficient is 1e-4 of the
        // largest, and the default tolerance (1e-10) leaves it 1.2e-6 off in relative terms (6e-10 absolute).
        var path = Lasso.Path(x, y, alphas, tolerance: 1e-12);

        Assert.True(path.Converged);
        Assert.Equal(alphas.Length, path.Count);
        Assert.Equal(alphas, path.Select(s => s.Alpha));
        var (expected, actual) = (GoldenData.Matrix(c["coefs"]), path.CoefficientMatrix());
        for (var s = 0; s < alphas.Length; s++)
            for (var j = 0; j < expected.RowCount; j++)
                if (expected[j, s] != 0) GoldenData.AssertRelative(expected[j, s], actual[j, s], Relative, $"coefs[{j},{s}]");
                else Assert.True(Math.Abs(actual[j, s]) <= 1e-12 * expected.Column(s).InfinityNorm() + 1e-12,   // a knot's rounding:
                    $"coefs[{j},{s}]: expected 0, got {actual[j, s]:R}");   // scikit-learn's α_max is 1 ulp off ours
        GoldenData.AssertRelative(GoldenData.Vector(c["intercepts"]), path.Select(step => step.Intercept).ToVector(), Relative, "intercepts");
    }

    [Fact]
    public void Max_alpha_is_where_every_coefficient_becomes_zero()
    {
        var c = RegularizationGolden.Case("lasso_path diabetes-scaled");
        var (x, y) = RegularizationGolden.Data(c);
        var alphaMax = Lasso.MaxAlpha(x, y);

        GoldenData.AssertRelative(GoldenData.Number(c["alpha_max"]), alphaMax, 1e-12, "alpha_max");
        Assert.All(new Lasso(alphaMax).Fit(x, y).Coefficients, w => Assert.Equal(0.0, w));
        Assert.Single(new Lasso(alphaMax * (1 - 1e-6)).Fit(x, y).Coefficients, w => w != 0);
    }

    [Fact]
    public void The_solution_satisfies_the_subgradient_conditions()
    {
        var (x, y, _) = Diabetes.LoadScaled();
        const double alpha = 0.3;
        var lasso = new Lasso(alpha).Fit(x, y);
        var gradient = x.TransposeThisAndMultiply(y - lasso.Predict(x)) / x.RowCount;   // −∂/∂w of the squared loss

        for (var j = 0; j < x.ColumnCount; j++)
        {
            var w = lasso.Coefficients[j];
            if (w != 0) Assert.Equal(alpha * Math.Sign(w), gradient[j], 9);
            else Assert.True(Math.Abs(gradient[j]) <= alpha, $"feature {j}: |x_jᵀr|/n = {Math.Abs(gradient[j])} > α");
        }
        Assert.Equal(0.0, (y - lasso.Predict(x)).Sum(), 8);   // the intercept makes the residuals sum to 0
    }

    [Fact]
    public void Knots_of_the_lars_path_are_where_the_support_changes()
    {
        var (x, y, knots, coefs) = RegularizationGolden.Lars();

        for (var k = 1; k < knots.Count - 1; k++)
        {
            bool[] Support(double alpha) => new Lasso(alpha).Fit(x, y).Coefficients.Select(w => w != 0).ToArray();
            var above = Support(knots[k] * (1 + 1e-7));
            var below = Support(knots[k] * (1 - 1e-7));
            var changed = Enumerable.Range(0, x.ColumnCount).Where(j => above[j] != below[j]).ToList();
            Assert.True(changed.Count == 1, $"knot {k} (α = {knots[k]}): the support changed at [{string.Join(", ", changed)}]");
            // LARS is linear between knots, so the support just above knot k is that of the segment's midpoint.
            bool Active(int j, int from) => coefs[j, from] + coefs[j, from + 1] != 0;
            var expected = Enumerable.Range(0, x.ColumnCount).Single(j => Active(j, k - 1) != Active(j, k));
            Assert.Equal(expected, changed[0]);
        }
    }

    [Fact]
    public void Between_knots_the_path_is_linear_and_matches_lars()
    {
        var (x, y, knots, coefs) = RegularizationGolden.Lars();

        for (var k = 0; k < knots.Count - 1; k++)
        {
            var middle = 0.5 * (knots[k] + knots[k + 1]);
            var expected = 0.5 * (coefs.Column(k) + coefs.Column(k + 1));
            GoldenData.AssertRelative(expected, new Lasso(middle).Fit(x, y).Coefficients, Relative, $"between knots {k} and {k + 1}");
        }
    }

    [Fact]
    public void The_entry_order_on_a_fine_grid_is_the_lars_order_and_s3_leaves_and_comes_back()
    {
        var c = RegularizationGolden.Single("lars");
        var (x, y) = RegularizationGolden.Data(c);
        var alphaMax = Lasso.MaxAlpha(x, y);
        var alphas = Enumerable.Range(0, 400).Select(i => alphaMax * Math.Pow(10, -4.0 * i / 399)).ToArray();

        var changes = Lasso.Path(x, y, alphas).SupportChanges();

        var firstEntry = changes.Where(e => e.Entered).Select(e => e.Feature).Distinct().ToArray();
        Assert.Equal(GoldenData.Ints(c["first_entry"]), firstEntry);
        Assert.Equal(new[] { 2, 8, 3, 6, 1, 9, 4, 7, 5, 0 }, firstEntry);   // bmi, s5, bp, s3, sex, s6, s1, s4, s2, age
        var left = Assert.Single(changes, e => !e.Entered);
        Assert.Equal(6, left.Feature);   // s3 (hdl) drops out …
        Assert.Contains(changes, e => e.Entered && e.Feature == 6 && e.Step > left.Step);   // … and comes back
    }

    [Fact]
    public void A_path_equals_independent_fits()
    {
        var (x, y) = RandomProblem(25, 6, seed: 3);
        double[] alphas = [1.0, 0.3, 0.05, 0.3];   // any order: each step is warm-started from the previous one

        var path = Lasso.Path(x, y, alphas, fitIntercept: false);

        for (var s = 0; s < alphas.Length; s++)
        {
            var single = new Lasso(alphas[s], fitIntercept: false).Fit(x, y);
            GoldenData.AssertRelative(single.Coefficients, path[s].Coefficients, 1e-8, $"step {s}");
            Assert.Equal(0.0, path[s].Intercept);
        }
        Assert.True(path.Iterations[3] < path.Iterations[2], "returning to an α near the last one is cheap");
    }

    [Fact]
    public void Without_penalty_it_is_least_squares()
    {
        var (x, y) = RandomProblem(30, 4, seed: 4);

        var lasso = new Lasso(0).Fit(x, y);
        var ridge = new Ridge(0).Fit(x, y);

        GoldenData.AssertRelative(ridge.Coefficients, lasso.Coefficients, 1e-8, "coef");
        GoldenData.AssertRelative(ridge.Intercept, lasso.Intercept, 1e-8, "intercept");
    }

    [Fact]
    public void Running_out_of_sweeps_is_reported_not_hidden()
    {
        var (x, y, _) = Diabetes.Load();

        var lasso = new Lasso(0.1, maxIterations: 3).Fit(x, y);

        Assert.False(lasso.Converged);
        Assert.Equal(3, lasso.Iterations);
        Assert.True(lasso.DualityGap > lasso.Tolerance * (y - y.Average()).DotProduct(y - y.Average()) / y.Count);
        var path = Lasso.Path(x, y, [1.0, 0.1], maxIterations: 3);
        Assert.False(path.Converged);
        Assert.Equal(new[] { 3, 3 }, path.Iterations);
    }

    [Fact]
    public void Converged_fits_report_a_small_gap_and_few_sweeps()
    {
        var (x, y, _) = Diabetes.LoadScaled();

        var lasso = new Lasso(0.5).Fit(x, y);

        Assert.True(lasso.Converged);
        Assert.InRange(lasso.Iterations, 2, 1000);
        Assert.InRange(lasso.DualityGap, -1e-6, lasso.Tolerance * (y - y.Average()).DotProduct(y - y.Average()) / y.Count);
    }

    [Fact]
    public void A_zero_column_keeps_a_zero_weight()
    {
        var (x, y) = RandomProblem(20, 3, seed: 5);
        x.SetColumn(1, Vector<double>.Build.Dense(20, 7.0));   // constant: zero after centring

        var lasso = new Lasso(0.01).Fit(x, y);

        Assert.True(lasso.Converged);
        Assert.Equal(0.0, lasso.Coefficients[1]);
    }

    [Fact]
    public void Predict_is_Xw_plus_b()
    {
        var (x, y) = RandomProblem(10, 3, seed: 6);
        var lasso = new Lasso(0.05).Fit(x, y);

        var expected = x * lasso.Coefficients + lasso.Intercept;

        GoldenData.AssertRelative(expected, lasso.Predict(x), 1e-15, "prediction");
        var e = Assert.Throws<ArgumentException>(() => lasso.Predict(Matrix<double>.Build.Dense(2, 4)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("x is 2×4 but must have 3 columns", e.Message);
    }

    [Fact]
    public void Reading_results_before_fitting_throws()
    {
        var lasso = new Lasso(0.1);

        Assert.Throws<InvalidOperationException>(() => lasso.Coefficients);
        Assert.Throws<InvalidOperationException>(() => lasso.Predict(Matrix<double>.Build.Dense(1, 1)));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Alpha_must_be_finite_and_non_negative(double alpha)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Lasso(alpha));
        Assert.Equal("alpha", e.ParamName);
        Assert.Contains("alpha must be a finite number ≥ 0", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void At_least_one_sweep(int maxIterations)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Lasso(1, maxIterations: maxIterations));
        Assert.Equal("maxIterations", e.ParamName);
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(
            () => Lasso.Path(Matrix<double>.Build.Dense(2, 1), Vector<double>.Build.Dense(2), [1.0], maxIterations: maxIterations)).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-10)]
    [InlineData(double.NaN)]
    public void Tolerance_must_be_positive(double tolerance)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Lasso(1, tolerance: tolerance));
        Assert.Equal("tolerance", e.ParamName);
        Assert.Contains("> 0", e.Message);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(
            () => Lasso.Path(Matrix<double>.Build.Dense(2, 1), Vector<double>.Build.Dense(2), [1.0], tolerance: tolerance)).ParamName);
    }

    [Fact]
    public void Rows_of_x_and_length_of_y_must_agree_and_both_are_named()
    {
        var (x, y) = (Matrix<double>.Build.Dense(5, 3), Vector<double>.Build.Dense(4));

        foreach (var action in new Action[] { () => new Lasso(0.1).Fit(x, y), () => Lasso.Path(x, y, [0.1]), () => Lasso.MaxAlpha(x, y) })
        {
            var e = Assert.Throws<ArgumentException>(action);
            Assert.Equal("y", e.ParamName);
            Assert.Contains("x is 5×3 but y has length 4", e.Message);
        }
    }

    [Fact]
    public void Non_finite_data_is_rejected()
    {
        var x = Matrix<double>.Build.Dense(3, 2, 1.0);
        var y = Vector<double>.Build.Dense(3, 1.0);
        x[1, 1] = double.NaN;
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Lasso(0.1).Fit(x, y)).ParamName);
        x[1, 1] = 0;
        y[2] = double.PositiveInfinity;
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new Lasso(0.1).Fit(x, y)).ParamName);
    }

    [Fact]
    public void Path_alphas_are_validated()
    {
        var (x, y) = (Matrix<double>.Build.Dense(3, 2), Vector<double>.Build.Dense(3));

        Assert.Equal("alphas", Assert.Throws<ArgumentException>(() => Lasso.Path(x, y, Array.Empty<double>())).ParamName);
        var e = Assert.Throws<ArgumentException>(() => Lasso.Path(x, y, [1.0, -0.5]));
        Assert.Equal("alphas", e.ParamName);
        Assert.Contains("alphas[1]", e.Message);
    }

    [Fact]
    public void Fitting_does_not_modify_the_inputs()
    {
        var (x, y) = RandomProblem(12, 3, seed: 7);
        var (x0, y0) = (x.Clone(), y.Clone());

        new Lasso(0.1).Fit(x, y);
        Lasso.Path(x, y, [0.5, 0.1]);

        Assert.Equal(x0, x);
        Assert.Equal(y0, y);
    }

    internal static (Matrix<double> X, Vector<double> Y) RandomProblem(int n, int p, int seed)
    {
        var random = Rng.Create(seed);
        var x = Rng.StandardNormal(n, p, random);
        var w = Rng.StandardNormal(p, random);
        return (x, x * w + 2 + 0.3 * Rng.StandardNormal(n, random));
    }
}
