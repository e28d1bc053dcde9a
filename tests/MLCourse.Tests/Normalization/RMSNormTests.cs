using MLCourse.Normalization;

namespace MLCourse.Tests.Normalization;

public class RMSNormTests
{
    public static TheoryData<string> Cases => NormalizationGolden.Names("rmsnorm");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_llama_formula_in_pytorch(string name)
    {
        var c = NormalizationGolden.Case(name);
        var gamma = GoldenData.Vector(c["gamma"]);
        var rms = new RMSNorm(gamma.Count, (double)c["eps"]!);
        gamma.CopyTo(rms.Gamma);

        GoldenData.AssertRelative(GoldenData.Matrix(c["y"]), rms.Forward(GoldenData.Matrix(c["x"])), 1e-9, "y");
    }

    [Fact]
    public void Equals_LayerNorm_on_zero_mean_rows()
    {
        var x = Rng.StandardNormal(3, 8, Rng.Create(6));
        var centred = x - Matrix<double>.Build.Dense(3, 8, (i, _) => x.Row(i).Average());

        var difference = new RMSNorm(8, 1e-5).Forward(centred) - new LayerNorm(8, 1e-5).Forward(centred);

        Assert.True(difference.Enumerate().Max(Math.Abs) < 1e-14);
    }

    [Fact]
    public void A_zero_row_stays_zero_and_the_default_eps_is_llamas()
    {
        var rms = new RMSNorm(3);

        Assert.Equal(1e-6, rms.Eps);
        Assert.Equal([0.0, 0, 0], rms.Forward(Matrix<double>.Build.Dense(1, 3)).Row(0).ToArray());
    }

    [Fact]
    public void Arguments_are_validated()
    {
        var size = Assert.Throws<ArgumentOutOfRangeException>(() => new RMSNorm(-1));
        var eps = Assert.Throws<ArgumentOutOfRangeException>(() => new RMSNorm(4, 0));
        var columns = Assert.Throws<ArgumentException>(() => new RMSNorm(4).Forward(Matrix<double>.Build.Dense(2, 5)));

        Assert.Equal("normalizedSize", size.ParamName);
        Assert.Equal("eps", eps.ParamName);
        Assert.Equal("x", columns.ParamName);
        Assert.Contains("x is 2×5 but must have 4 columns (normalizedSize)", columns.Message);
    }
}
