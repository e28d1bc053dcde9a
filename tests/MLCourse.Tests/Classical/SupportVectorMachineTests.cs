using MLCourse.Classical;

namespace MLCourse.Tests.Classical;

public class SupportVectorMachineTests
{
    public static TheoryData<string> Cases => ClassicalGolden.Names("svm");

    private static SupportVectorMachine Model(System.Text.Json.Nodes.JsonObject c)
    {
        var cost = (double)c["c"]! >= 1e10 ? double.PositiveInfinity : (double)c["c"]!;   // scikit-learn's C = 1e10 stands for the hard margin
        return (string)c["kernel"]! switch
        {
            "linear" => new LinearSvm(cost),
            "poly" => new KernelSvm((a, b) => Kernels.Polynomial(a, b, (int)c["degree"]!, (double)c["gamma"]!, (double)c["coef0"]!), cost),
            "rbf" => new KernelSvm((a, b) => Kernels.Rbf(a, b, (double)c["gamma"]!), cost),
            var other => throw new ArgumentOutOfRangeException(nameof(c), other, "unknown kernel"),
        };
    }

    private static SupportVectorMachine Fit(SupportVectorMachine model, Matrix<double> x, int[] y) => model switch
    {
        LinearSvm linear => linear.Fit(x, y),
        KernelSvm kernel => kernel.Fit(x, y),
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scikit_learn(string name)
    {
        var c = ClassicalGolden.Case(name);
        var (x, y) = (GoldenData.Matrix(c["x"]), GoldenData.Ints(c["y"]));

        var model = Fit(Model(c), x, y);

        var support = GoldenData.Ints(c["support"]);
        Assert.Equal(support, model.SupportIndices);
        var dual = Vector<double>.Build.DenseOfEnumerable(support.Select(i => y[i] * model.Alpha[i]));
        // libsvm keeps its kernel cache in single precision: its solutions are good to ~1e-7 relative.
        ClassicalGolden.AssertNormRelative(GoldenData.Vector(c["dual_coef"]), dual, 1e-6, "dual coefficients");
        Assert.Equal((double)c["intercept"]!, model.Bias, 1e-6 * Math.Max(1, Math.Abs((double)c["intercept"]!)));
        ClassicalGolden.AssertNormRelative(GoldenData.Vector(c["decision"]), model.DecisionFunction(x), 1e-6, "decision function");
        if (model is LinearSvm linear) ClassicalGolden.AssertNormRelative(GoldenData.Vector(c["coef"]), linear.Weights, 1e-6, "w");
        if (c["exact_dual_coef"] is null) return;
        ClassicalGolden.AssertNormRelative(GoldenData.Vector(c["exact_dual_coef"]), dual, 1e-10, "dual coefficients (exact KKT solution)");
        Assert.Equal((double)c["exact_intercept"]!, model.Bias, 1e-10 * Math.Max(1, Math.Abs((double)c["exact_intercept"]!)));
        if (model is LinearSvm exact) ClassicalGolden.AssertNormRelative(GoldenData.Vector(c["exact_coef"]), exact.Weights, 1e-10, "w (exact KKT solution)");
    }

    private static (Matrix<double> X, int[] Y) Clusters(int perClass, double shift, int seed)
    {
        var rng = Rng.Create(seed);
        var x = Rng.StandardNormal(2 * perClass, 2, rng);
        var y = Enumerable.Range(0, 2 * perClass).Select(i => i < perClass ? 1 : -1).ToArray();
        for (var i = 0; i < x.RowCount; i++) { x[i, 0] += y[i] * shift; x[i, 1] += y[i] * shift; }
        return (x, y);
    }

    [Fact]
    public void The_hard_margin_solution_satisfies_the_KKT_conditions()
    {
        var (x, y) = Clusters(15, 2.0, seed: 1);

        var svm = new LinearSvm().Fit(x, y);

        var margins = svm.DecisionFunction(x).Select((f, i) => y[i] * f).ToArray();
        var alpha = svm.Alpha;
        Assert.All(alpha, a => Assert.True(a >= 0));
        Assert.Equal(0, alpha.Select((a, i) => a * y[i]).Sum(), 12);
        Assert.All(margins, m => Assert.True(m >= 1 - 1e-10, $"y f = {m}"));
        Assert.All(svm.SupportIndices, i => Assert.Equal(1, margins[i], 10));
        Assert.Equal(alpha.Sum(), svm.Weights.DotProduct(svm.Weights), 10);   // Σα = ‖w‖² at the optimum (zero duality gap)
        Assert.Equal(2 / svm.Weights.L2Norm(), svm.Margin, 12);
    }

    [Fact]
    public void The_soft_margin_keeps_every_alpha_in_the_box()
    {
        var (x, y) = Clusters(20, 0.5, seed: 2);

        var svm = new LinearSvm(0.3).Fit(x, y);

        var margins = svm.DecisionFunction(x).Select((f, i) => y[i] * f).ToArray();
        for (var i = 0; i < y.Length; i++)
        {
            var a = svm.Alpha[i];
            Assert.InRange(a, 0, 0.3);
            if (a == 0) Assert.True(margins[i] >= 1 - 1e-9);
            else if (a < 0.3) Assert.Equal(1, margins[i], 9);
            else Assert.True(margins[i] <= 1 + 1e-9);
        }
        Assert.Contains(svm.Alpha, a => a == 0.3);
    }

    [Fact]
    public void Hard_margin_on_overlapping_classes_fails_and_says_why()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0 }, { 1 }, { 2 }, { 3 } });

        var e = Assert.Throws<InvalidOperationException>(() => new LinearSvm(maxIterations: 10_000).Fit(x, [1, -1, 1, -1]));

        Assert.Contains("not separable", e.Message);
    }

    [Fact]
    public void A_kernel_svm_with_the_linear_kernel_is_the_linear_svm()
    {
        var (x, y) = Clusters(12, 1.5, seed: 3);

        var linear = new LinearSvm().Fit(x, y);
        var kernel = new KernelSvm(Kernels.Linear).Fit(x, y);

        Assert.Equal(linear.SupportIndices, kernel.SupportIndices);
        Assert.True((linear.DecisionFunction(x) - kernel.DecisionFunction(x)).InfinityNorm() < 1e-10);
        Assert.Equal(linear.Margin, kernel.Margin, 10);
    }

    [Fact]
    public void The_degree_2_kernel_svm_is_the_linear_svm_on_the_explicit_features()
    {
        var rng = Rng.Create(4);
        var x = Rng.StandardNormal(30, 2, rng);
        var y = Enumerable.Range(0, 30).Select(i => x.Row(i).L2Norm() < 1 ? 1 : -1).ToArray();

        var kernel = new KernelSvm((a, b) => Kernels.Polynomial(a, b, 2)).Fit(x, y);
        var explicitMap = new LinearSvm().Fit(Kernels.Degree2Features(x), y);

        var grid = Rng.StandardNormal(20, 2, rng);
        Assert.Equal(explicitMap.SupportIndices, kernel.SupportIndices);
        ClassicalGolden.AssertNormRelative(explicitMap.DecisionFunction(Kernels.Degree2Features(grid)), kernel.DecisionFunction(grid), 1e-10, "f");
        Assert.Equal(explicitMap.Margin, kernel.Margin, 10);
    }

    [Fact]
    public void Predict_is_the_sign_of_the_decision_function()
    {
        var (x, y) = Clusters(10, 2.0, seed: 5);

        var svm = new LinearSvm().Fit(x, y);

        Assert.Equal(y, svm.Predict(x));
    }

    [Fact]
    public void Invalid_input_is_rejected_with_the_parameter_named()
    {
        var (x, y) = Clusters(5, 2.0, seed: 6);

        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new LinearSvm().Fit(x, y.Select(v => (v + 1) / 2).ToArray())).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new KernelSvm(Kernels.Linear).Fit(x, y.Take(3).ToArray())).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearSvm(0)).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearSvm(double.NaN)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new KernelSvm(null!));
        Assert.Throws<InvalidOperationException>(() => new LinearSvm().Weights);
        var svm = new KernelSvm(Kernels.Linear).Fit(x, y);
        var e = Assert.Throws<ArgumentException>(() => svm.DecisionFunction(Matrix<double>.Build.Dense(3, 5)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("3×5", e.Message);
    }
}
