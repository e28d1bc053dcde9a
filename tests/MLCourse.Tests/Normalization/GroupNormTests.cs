using MLCourse.Normalization;

namespace MLCourse.Tests.Normalization;

public class GroupNormTests
{
    public static TheoryData<string> Cases => NormalizationGolden.Names("groupnorm");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch_group_norm(string name)
    {
        var c = NormalizationGolden.Case(name);
        var gn = new GroupNorm((int)c["groups"]!, (int)c["channels"]!, (double)c["eps"]!);
        NormalizationGolden.LoadAffine(c, gn.Gamma, gn.Beta);

        var y = gn.Forward(GoldenData.Matrix(c["x"]));

        GoldenData.AssertRelative(GoldenData.Matrix(c["y"]), y, 1e-9, "y");
        if (c["layer_norm_chw"] is { } layerNorm) GoldenData.AssertRelative(GoldenData.Matrix(layerNorm), y, 1e-9, "G = 1 vs layer_norm over C,H,W");
        if (c["instance_norm"] is { } instanceNorm) GoldenData.AssertRelative(GoldenData.Matrix(instanceNorm), y, 1e-9, "G = C vs instance_norm");
    }

    [Fact]
    public void Group_1_is_LayerNorm_over_each_flattened_sample()
    {
        var x = Rng.StandardNormal(3, 12, Rng.Create(7));

        var difference = new GroupNorm(1, 4).Forward(x) - new LayerNorm(12).Forward(x);

        Assert.True(difference.Enumerate().Max(Math.Abs) < 1e-14);
    }

    [Fact]
    public void A_sample_does_not_depend_on_the_rest_of_the_batch()
    {
        var random = Rng.Create(8);
        var x = Rng.StandardNormal(4, 8, random);
        var gn = new GroupNorm(2, 4);
        var other = x.Clone();
        other.SetSubMatrix(1, 0, Rng.StandardNormal(3, 8, random) * 10);

        Assert.Equal(gn.Forward(x).Row(0), gn.Forward(other).Row(0));
    }

    [Fact]
    public void Arguments_are_validated()
    {
        var groups = Assert.Throws<ArgumentOutOfRangeException>(() => new GroupNorm(0, 4));
        var channels = Assert.Throws<ArgumentOutOfRangeException>(() => new GroupNorm(1, 0));
        var eps = Assert.Throws<ArgumentOutOfRangeException>(() => new GroupNorm(2, 4, double.NaN));
        var divides = Assert.Throws<ArgumentException>(() => new GroupNorm(3, 4));
        var columns = Assert.Throws<ArgumentException>(() => new GroupNorm(2, 4).Forward(Matrix<double>.Build.Dense(2, 10)));

        Assert.Equal("numGroups", groups.ParamName);
        Assert.Equal("numChannels", channels.ParamName);
        Assert.Equal("eps", eps.ParamName);
        Assert.Equal("numGroups", divides.ParamName);
        Assert.Contains("numGroups = 3 must divide numChannels = 4", divides.Message);
        Assert.Equal("x", columns.ParamName);
        Assert.Contains("x is 2×10 but its column count must be a multiple of numChannels = 4", columns.Message);
    }
}
