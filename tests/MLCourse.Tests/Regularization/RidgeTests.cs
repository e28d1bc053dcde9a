using MLCourse.Regularization;

namespace MLCourse.Tests.Regularization;

public class RidgeTests
{
    public static TheoryData<string> RidgeCases => RegularizationGolden.Names("ridge");

    [Theory]
    [MemberData(nameof(RidgeCases))]
    public void Matches_scikit_learn(string name)
    {
        var c = RegularizationGolden.Case(name);
        var (x, y) = RegularizationGolden.Data(c);

        var ridge = new Ridge((double)c["alpha"]!, (bool)c["fit_intercept"]!).Fit(x, y);

        RegularizationGolden.AssertFit(c, ridge.Coefficients, ridge.Intercept, 1e-9);
    }

    [Fact]
    public void It_solves_the_normal_equations_on_centred_data()
    {
        var (x, y) = LassoTests.RandomProblem(30, 5, seed: 11);
        const double alpha = 2.5;
        var xc = x - Matrix<double>.Build.Dense(30, 5, (_, j) => x.Column(j).Average());
        var yc = y - y.Average();

        var ridge = new Ridge(alpha).Fit(x, y);

        var expected = (xc.TransposeThisAndMultiply(xc) + alpha * Matrix<double>.Build.DenseIdentity(5)).Solve(xc.TransposeThisAndMultiply(yc));
        GoldenData.AssertRelative(expected, ridge.Coefficients, 1e-12, "coef");
        Assert.Equal(y.Average() - x.ColumnSums().DotProduct(ridge.Coefficients) / 30, ridge.Intercept, 12);
    }

    [Fact]
    public void Ridge_shrinks_but_never_zeroes()
    {
        var (x, y) = LassoTests.RandomProblem(40, 6, seed: 12);
        double[] alphas = [0, 1, 10, 100, 1e4, 1e6];

        var path = Ridge.Path(x, y, alphas);

        var norms = path.Select(s => s.Coefficients.L2Norm()).ToArray();
        for (var s = 1; s < norms.Length; s++) Assert.True(norms[s] < norms[s - 1], $"‖w‖ grows from α = {alphas[s - 1]} to {alphas[s]}");
        Assert.All(path, s => Assert.All(s.Coefficients, w => Assert.NotEqual(0.0, w)));
    }

    [Fact]
    public void The_path_equals_independent_fits()
    {
        var (x, y) = LassoTests.RandomProblem(20, 4, seed: 13);
        double[] alphas = [5, 0.1, 0];

        var path = Ridge.Path(x, y, alphas, fitIntercept: false);

        for (var s = 0; s < alphas.Length; s++)
        {
            var single = new Ridge(alphas[s], fitIntercept: false).Fit(x, y);
            Assert.Equal(alphas[s], path[s].Alpha);
            GoldenData.AssertRelative(single.Coefficients, path[s].Coefficients, 1e-14, $"step {s}");
            Assert.Equal(0.0, path[s].Intercept);
        }
    }

    [Fact]
    public void Without_penalty_and_with_more_features_than_rows_it_gives_the_minimum_norm_solution()
    {
        var (x, y) = LassoTests.RandomProblem(5, 8, seed: 14);

        var ridge = new Ridge(0, fitIntercept: false).Fit(x, y);

        GoldenData.AssertRelative(x.PseudoInverse() * y, ridge.Coefficients, 1e-9, "coef");
        GoldenData.AssertRelative(y, ridge.Predict(x), 1e-9, "interpolates");
    }

    [Fact]
    public void Predict_checks_the_columns()
    {
        var (x, y) = LassoTests.RandomProblem(10, 3, seed: 15);
        var ridge = new Ridge(1).Fit(x, y);

        GoldenData.AssertRelative(x * ridge.Coefficients + ridge.Intercept, ridge.Predict(x), 1e-15, "prediction");
        var e = Assert.Throws<ArgumentException>(() => ridge.Predict(Matrix<double>.Build.Dense(1, 2)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("x is 1×2", e.Message);
        Assert.Throws<InvalidOperationException>(() => new Ridge(1).Coefficients);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Alpha_must_be_finite_and_non_negative(double alpha)
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new Ridge(alpha)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => Ridge.Path(Matrix<double>.Build.Dense(2, 1), Vector<double>.Build.Dense(2), [1.0, alpha]));
        Assert.Equal("alphas", e.ParamName);
        Assert.Contains("alphas[1]", e.Message);
    }

    [Fact]
    public void Rows_of_x_and_length_of_y_must_agree()
    {
        var e = Assert.Throws<ArgumentException>(() => new Ridge(1).Fit(Matrix<double>.Build.Dense(4, 2), Vector<double>.Build.Dense(6)));

        Assert.Equal("y", e.ParamName);
        Assert.Contains("x is 4×2 but y has length 6", e.Message);
        Assert.Equal("alphas", Assert.Throws<ArgumentException>(() => Ridge.Path(Matrix<double>.Build.Dense(2, 1), Vector<double>.Build.Dense(2), [])).ParamName);
    }
}
