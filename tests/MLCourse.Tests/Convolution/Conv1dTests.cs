using MLCourse.Convolution;

namespace MLCourse.Tests.Convolution;

public class Conv1dTests
{
    public static TheoryData<string> Cases => ConvolutionGolden.Names("conv1d");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_matches_pytorch_conv1d(string name)
    {
        var c = ConvolutionGolden.Case(name);

        var y = Conv1d.Forward(GoldenData.Matrix(c["x"]), ConvolutionGolden.Channels(c["weight"]), GoldenData.Vector(c["bias"]),
            (int)c["stride"]!, (int)c["padding"]!, (int)c["dilation"]!);

        GoldenData.AssertRelative(GoldenData.Matrix(c["y"]), y, 1e-9, "y");
    }

    [Fact]
    public void Conv1d_over_embeddings_is_a_conv2d_with_a_k_by_E_kernel_on_one_channel()
    {
        var random = Rng.Create(6);
        var embeddings = Rng.StandardNormal(9, 5, random);   // L×E
        var filters = Enumerable.Range(0, 3).Select(_ => Rng.StandardNormal(5, 4, random)).ToArray();   // E×k

        var oneD = Conv1d.Forward(embeddings.Transpose(), filters);
        var twoD = Conv2d.Forward([embeddings], filters.Select(f => new[] { f.Transpose() }).ToArray());

        Assert.Equal(6, oneD.ColumnCount);   // L − k + 1
        for (var o = 0; o < 3; o++)
            for (var t = 0; t < 6; t++) Assert.Equal(oneD[o, t], twoD[o][t, 0], 12);
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        var x = Matrix<double>.Build.Dense(4, 6);
        var error = Assert.Throws<ArgumentException>(() => Conv1d.Forward(x, [Matrix<double>.Build.Dense(3, 2)]));
        Assert.Equal("weight", error.ParamName);
        Assert.Contains("weight[0] is 3×2 but input is 4×6", error.Message);
        Assert.Equal("bias", Assert.Throws<ArgumentException>(() => Conv1d.Forward(x, [Matrix<double>.Build.Dense(4, 2)], Vector<double>.Build.Dense(2))).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => Conv1d.Forward(x, [Matrix<double>.Build.Dense(4, 7)])).ParamName);
        Assert.Equal("padding", Assert.Throws<ArgumentOutOfRangeException>(() => Conv1d.Forward(x, [Matrix<double>.Build.Dense(4, 2)], padding: -1)).ParamName);
    }
}
