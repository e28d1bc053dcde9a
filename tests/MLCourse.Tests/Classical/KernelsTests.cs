using MLCourse.Classical;

namespace MLCourse.Tests.Classical;

public class KernelsTests
{
    public static TheoryData<string> Cases => ClassicalGolden.Names("kernel");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gram_matrices_match_scikit_learn(string name)
    {
        var c = ClassicalGolden.Case(name);
        Func<Vector<double>, Vector<double>, double> kernel = (string)c["kernel"]! == "rbf"
            ? (a, b) => Kernels.Rbf(a, b, (double)c["gamma"]!)
            : (a, b) => Kernels.Polynomial(a, b, (int)c["degree"]!, (double)c["gamma"]!, (double)c["coef0"]!);

        var gram = Kernels.Gram(GoldenData.Matrix(c["x"]), GoldenData.Matrix(c["z"]), kernel);

        GoldenData.AssertRelative(GoldenData.Matrix(c["gram"]), gram, 1e-13, "gram");
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(4, 0.0)]
    [InlineData(3, 1.0)]
    [InlineData(5, 2.5)]
    public void The_explicit_degree_2_map_reproduces_the_kernel(int d, double coef0)
    {
        var rng = Rng.Create(d);
        var (x, z) = (Rng.StandardNormal(d, rng), Rng.StandardNormal(d, rng));

        var (fx, fz) = (Kernels.Degree2Features(x, coef0), Kernels.Degree2Features(z, coef0));

        Assert.Equal(coef0 > 0 ? (d + 1) * (d + 2) / 2 : d * (d + 1) / 2, fx.Count);
        Assert.Equal(Kernels.Polynomial(x, z, 2, coef0: coef0), fx.DotProduct(fz), 12);
    }

    [Fact]
    public void The_matrix_map_maps_every_row()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2 }, { -3, 0.5 } });

        var features = Kernels.Degree2Features(x);

        Assert.Equal(new[] { 1, 4, 2 * Math.Sqrt(2) }, features.Row(0).ToArray());
        Assert.Equal(Kernels.Degree2Features(x.Row(1)).ToArray(), features.Row(1).ToArray());
    }

    [Fact]
    public void Kernels_validate_their_arguments()
    {
        var (a, b) = (Vector<double>.Build.Dense(3), Vector<double>.Build.Dense(2));

        Assert.Equal("z", Assert.Throws<ArgumentException>(() => Kernels.Linear(a, b)).ParamName);
        Assert.Equal("degree", Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.Polynomial(a, a, 0)).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.Rbf(a, a, 0)).ParamName);
        Assert.Equal("coef0", Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.Degree2Features(a, -1)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => Kernels.Gram(Matrix<double>.Build.Dense(2, 3), Matrix<double>.Build.Dense(4, 2), Kernels.Linear));
        Assert.Equal("z", e.ParamName);
        Assert.Contains("2×3", e.Message);
        Assert.Contains("4×2", e.Message);
    }
}
