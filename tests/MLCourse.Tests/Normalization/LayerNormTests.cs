using MLCourse.Normalization;

namespace MLCourse.Tests.Normalization;

public class LayerNormTests
{
    public static TheoryData<string> Cases => NormalizationGolden.Names("layernorm");

    private static LayerNorm FromCase(System.Text.Json.Nodes.JsonObject c)
    {
        var gamma = GoldenData.Vector(c["gamma"]);
        var ln = new LayerNorm(gamma.Count, (double)c["eps"]!);
        NormalizationGolden.LoadAffine(c, ln.Gamma, ln.Beta);
        return ln;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_matches_pytorch_layer_norm(string name)
    {
        var c = NormalizationGolden.Case(name);

        var y = FromCase(c).Forward(GoldenData.Matrix(c["x"]));

        GoldenData.AssertRelative(GoldenData.Matrix(c["y"]), y, 1e-9, "y");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_matches_pytorch_autograd(string name)
    {
        var c = NormalizationGolden.Case(name);

        var (dx, dGamma, dBeta) = FromCase(c).Backward(GoldenData.Matrix(c["x"]), GoldenData.Matrix(c["dy"]));

        GoldenData.AssertRelative(GoldenData.Matrix(c["dx"]), dx, 1e-9, "dx");
        GoldenData.AssertRelative(GoldenData.Vector(c["dgamma"]), dGamma, 1e-9, "dgamma");
        GoldenData.AssertRelative(GoldenData.Vector(c["dbeta"]), dBeta, 1e-9, "dbeta");
    }

    [Fact]
    public void Backward_matches_finite_differences_and_each_row_of_dx_sums_to_zero()
    {
        var random = Rng.Create(4);
        var ln = new LayerNorm(5);
        Rng.StandardNormal(5, random).CopyTo(ln.Gamma);
        Rng.StandardNormal(5, random).CopyTo(ln.Beta);
        var x = Rng.StandardNormal(3, 5, random);
        var dy = Rng.StandardNormal(3, 5, random);
        double Loss(Matrix<double> input) => ln.Forward(input).PointwiseMultiply(dy).Enumerate().Sum();

        var (dx, _, _) = ln.Backward(x, dy);
        var numeric = FiniteDifference.Gradient(v => Loss(Matrix<double>.Build.DenseOfColumnMajor(3, 5, v)), Vector<double>.Build.DenseOfArray(x.ToColumnMajorArray()));

        Assert.True((Vector<double>.Build.DenseOfArray(dx.ToColumnMajorArray()) - numeric).AbsoluteMaximum() < 1e-8);
        Assert.All(dx.RowSums(), s => Assert.Equal(0, s, 13));
    }

    [Fact]
    public void A_constant_row_gives_beta_and_a_gradient_scaled_by_one_over_sqrt_eps()
    {
        var ln = new LayerNorm(3);
        ln.Beta[1] = 0.5;
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 2, 2 } });

        var y = ln.Forward(x);
        var (dx, _, _) = ln.Backward(x, Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -2, 3 } }));

        Assert.Equal([0.0, 0.5, 0], y.Row(0).ToArray());
        var expected = new[] { 1.0 - 2.0 / 3, -2 - 2.0 / 3, 3 - 2.0 / 3 }.Select(d => d / Math.Sqrt(1e-5));   // (dy − mean dy)/√ε
        Assert.All(expected.Zip(dx.Row(0)), p => Assert.Equal(p.First, p.Second, 9));
    }

    [Fact]
    public void Rows_are_independent()
    {
        var random = Rng.Create(5);
        var x = Rng.StandardNormal(4, 6, random);
        var ln = new LayerNorm(6);

        Assert.Equal(ln.Forward(x).Row(3), ln.Forward(x.SubMatrix(3, 1, 0, 6)).Row(0));
    }

    [Fact]
    public void Arguments_are_validated()
    {
        var size = Assert.Throws<ArgumentOutOfRangeException>(() => new LayerNorm(0));
        var eps = Assert.Throws<ArgumentOutOfRangeException>(() => new LayerNorm(4, -1e-5));
        var columns = Assert.Throws<ArgumentException>(() => new LayerNorm(4).Forward(Matrix<double>.Build.Dense(2, 3)));
        var backwardColumns = Assert.Throws<ArgumentException>(() => new LayerNorm(4).Backward(Matrix<double>.Build.Dense(2, 3), Matrix<double>.Build.Dense(2, 3)));
        var dy = Assert.Throws<ArgumentException>(() => new LayerNorm(4).Backward(Matrix<double>.Build.Dense(2, 4), Matrix<double>.Build.Dense(3, 4)));

        Assert.Equal("normalizedSize", size.ParamName);
        Assert.Equal("eps", eps.ParamName);
        Assert.Equal("x", columns.ParamName);
        Assert.Contains("x is 2×3 but must have 4 columns (normalizedSize)", columns.Message);
        Assert.Equal("x", backwardColumns.ParamName);
        Assert.Equal("dy", dy.ParamName);
        Assert.Contains("x is 2×4 but dy is 3×4", dy.Message);
    }
}
