using MLCourse.Convolution;

namespace MLCourse.Tests.Convolution;

public class Conv2dTests
{
    public static TheoryData<string> Cases => ConvolutionGolden.Names("conv2d");

    public static TheoryData<string> UnfoldCases => ConvolutionGolden.Names("unfold");

    private static (Matrix<double>[] X, Matrix<double>[][] W, Vector<double>? B, int S, int P, int D, int G) Load(System.Text.Json.Nodes.JsonObject c) =>
        (ConvolutionGolden.Channels(c["x"]), ConvolutionGolden.Weight(c["weight"]), c["bias"] is null ? null : GoldenData.Vector(c["bias"]),
         (int)c["stride"]!, (int)c["padding"]!, (int)c["dilation"]!, (int)c["groups"]!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_matches_pytorch_conv2d(string name)
    {
        var c = ConvolutionGolden.Case(name);
        var (x, w, b, s, p, d, g) = Load(c);

        var y = Conv2d.Forward(x, w, b, s, p, d, g);

        ConvolutionGolden.AssertChannels(ConvolutionGolden.Channels(c["y"]), y, "y");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_matches_pytorch_autograd(string name)
    {
        var c = ConvolutionGolden.Case(name);
        var (x, w, _, s, p, d, g) = Load(c);

        var gradients = Conv2d.Backward(x, w, ConvolutionGolden.Channels(c["grad_output"]), s, p, d, g);

        ConvolutionGolden.AssertChannels(ConvolutionGolden.Channels(c["grad_x"]), gradients.Input, "∂L/∂x");
        ConvolutionGolden.AssertWeight(ConvolutionGolden.Weight(c["grad_weight"]), gradients.Weight, "∂L/∂w");
        GoldenData.AssertRelative(GoldenData.Vector(c["grad_bias"]), gradients.Bias, 1e-9, "∂L/∂b");
    }

    [Theory]
    [MemberData(nameof(UnfoldCases))]
    public void Unfold_matches_pytorch_unfold(string name)
    {
        var c = ConvolutionGolden.Case(name);
        var kernel = GoldenData.Ints(c["kernel"]);

        var columns = Conv2d.Unfold(ConvolutionGolden.Channels(c["x"]), kernel[0], kernel[1], (int)c["stride"]!, (int)c["padding"]!, (int)c["dilation"]!);

        GoldenData.AssertRelative(GoldenData.Matrix(c["columns"]), columns, 1e-15, "columns");
    }

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(2, 1, 1)]
    [InlineData(2, 2, 2)]
    [InlineData(3, 1, 1)]
    public void The_weight_times_the_unfolded_input_is_the_convolution(int stride, int padding, int dilation)
    {
        var random = Rng.Create(stride * 10 + padding + dilation);
        var (x, w, b) = (ConvolutionGolden.RandomChannels(3, 8, 9, random), ConvolutionGolden.RandomWeight(4, 3, 3, 2, random), Rng.StandardNormal(4, random));
        var flat = Matrix<double>.Build.Dense(4, 18, (o, r) => w[o][r / 6][r % 6 / 2, r % 2]);

        var product = flat * Conv2d.Unfold(x, 3, 2, stride, padding, dilation);
        var y = Conv2d.Forward(x, w, b, stride, padding, dilation);

        for (var o = 0; o < 4; o++)
            for (var i = 0; i < y[o].RowCount; i++)
                for (var j = 0; j < y[o].ColumnCount; j++)
                    Assert.Equal(y[o][i, j], product[o, i * y[o].ColumnCount + j] + b[o], 12);
    }

    [Fact]
    public void Backward_matches_finite_differences()
    {
        var random = Rng.Create(7);
        var (x, w, b) = (ConvolutionGolden.RandomChannels(2, 5, 6, random), ConvolutionGolden.RandomWeight(3, 2, 3, 3, random), Rng.StandardNormal(3, random));
        var upstream = ConvolutionGolden.RandomChannels(3, 3, 3, random);
        double Loss(Matrix<double>[] input, Matrix<double>[][] weight) =>
            Conv2d.Forward(input, weight, b, stride: 2, padding: 1).Select((y, o) => y.PointwiseMultiply(upstream[o]).Enumerate().Sum()).Sum();
        var gradients = Conv2d.Backward(x, w, upstream, stride: 2, padding: 1);

        var numericX = FiniteDifference.Gradient(m => Loss([m, x[1]], w), x[0]);
        var numericW = FiniteDifference.Gradient(m => Loss(x, [w[0], [m, w[1][1]], w[2]]), w[1][0]);

        Assert.True((numericX - gradients.Input[0]).Enumerate().Max(Math.Abs) < 1e-9);
        Assert.True((numericW - gradients.Weight[1][0]).Enumerate().Max(Math.Abs) < 1e-9);
    }

    [Fact]
    public void Is_a_cross_correlation_and_a_convolution_flips_the_kernel()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 0 }, { 0, 1, 3 }, { 4, 0, 1 } });
        var k = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });

        var y = Conv2d.Forward([x], [[k]]);

        Assert.Equal(1 * 1 + 2 * 2 + 0 * 3 + 1 * 4, y[0][0, 0]);   // Σ x[i + u, j + v]·k[u, v], no flip
        Assert.Equal(4 * 1 + 3 * 2 + 2 * 0 + 1 * 1, Conv2d.Forward([x], [[Rotate(k)]])[0][0, 0]);   // convolution: Σ x[i + u, j + v]·k[1 − u, 1 − v]
    }

    private static Matrix<double> Rotate(Matrix<double> k) => Matrix<double>.Build.Dense(k.RowCount, k.ColumnCount, (u, v) => k[k.RowCount - 1 - u, k.ColumnCount - 1 - v]);

    [Theory]
    [InlineData(224, 7, 2, 3, 1, 112)]
    [InlineData(112, 3, 2, 1, 1, 56)]
    [InlineData(5, 3, 1, 0, 1, 3)]
    [InlineData(7, 3, 1, 2, 2, 7)]
    [InlineData(8, 3, 3, 0, 1, 2)]
    [InlineData(1, 1, 1, 0, 1, 1)]
    public void Output_size_is_the_floor_formula(int size, int kernel, int stride, int padding, int dilation, int expected)
    {
        Assert.Equal(expected, Conv2d.OutputSize(size, kernel, stride, padding, dilation));
        var y = Conv2d.Forward([Matrix<double>.Build.Dense(size, size)], [[Matrix<double>.Build.Dense(kernel, kernel)]], null, stride, padding, dilation);
        Assert.Equal((expected, expected), (y[0].RowCount, y[0].ColumnCount));
    }

    [Fact]
    public void Groups_are_independent_convolutions_of_their_channel_slices()
    {
        var random = Rng.Create(11);
        var (x, w) = (ConvolutionGolden.RandomChannels(4, 5, 5, random), ConvolutionGolden.RandomWeight(6, 2, 3, 3, random));

        var grouped = Conv2d.Forward(x, w, padding: 1, groups: 2);
        var first = Conv2d.Forward(x[..2], w[..3], padding: 1);
        var second = Conv2d.Forward(x[2..], w[3..], padding: 1);

        for (var o = 0; o < 6; o++) Assert.Equal(grouped[o], o < 3 ? first[o] : second[o - 3]);
    }

    public static TheoryData<string, string, string> InvalidCalls => new()
    {
        { "channel count", "weight", "weight[0] has 2 kernels but input has 3 channels (3×5×5)" },
        { "unequal kernels", "weight", "weight[1][0] is 2×2 but weight[0][0] is 3×3" },
        { "unequal channels", "input", "input[1] is 4×5 but input[0] is 5×5" },
        { "bias length", "bias", "bias has length 3 but the weight has 2 filters" },
        { "stride 0", "stride", "stride must be ≥ 1, got 0" },
        { "padding −1", "padding", "padding must be ≥ 0, got -1" },
        { "dilation 0", "dilation", "dilation must be ≥ 1, got 0" },
        { "kernel too large", "input", "input is 5×5 per channel (7×7 with padding 1) but the kernel is 9×9" },
        { "dilated kernel too large", "input", "(spanning 9×9 with dilation 4)" },
        { "groups do not divide", "groups", "input has 3 channels, not divisible by groups = 2" },
        { "no channels", "input", "input has no channels" },
        { "no filters", "weight", "weight has no filters" },
    };

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public void Invalid_arguments_name_the_parameter_and_the_shapes(string what, string parameter, string message)
    {
        var random = Rng.Create(1);
        var x = ConvolutionGolden.RandomChannels(3, 5, 5, random);
        var w = ConvolutionGolden.RandomWeight(2, 3, 3, 3, random);
        Action call = what switch
        {
            "channel count" => () => Conv2d.Forward(x, ConvolutionGolden.RandomWeight(2, 2, 3, 3, random)),
            "unequal kernels" => () => Conv2d.Forward(x, [w[0], ConvolutionGolden.RandomChannels(3, 2, 2, random)]),
            "unequal channels" => () => Conv2d.Forward([x[0], Rng.StandardNormal(4, 5, random), x[2]], w),
            "bias length" => () => Conv2d.Forward(x, w, Rng.StandardNormal(3, random)),
            "stride 0" => () => Conv2d.Forward(x, w, stride: 0),
            "padding −1" => () => Conv2d.Forward(x, w, padding: -1),
            "dilation 0" => () => Conv2d.Forward(x, w, dilation: 0),
            "kernel too large" => () => Conv2d.Forward(x, ConvolutionGolden.RandomWeight(2, 3, 9, 9, random), padding: 1),
            "dilated kernel too large" => () => Conv2d.Forward(x, w, dilation: 4),
            "groups do not divide" => () => Conv2d.Forward(x, w, groups: 2),
            "no channels" => () => Conv2d.Forward([], w),
            "no filters" => () => Conv2d.Forward(x, []),
            _ => throw new InvalidOperationException(what),
        };

        var error = Assert.ThrowsAny<ArgumentException>(call);

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_grad_output_of_the_wrong_shape_names_both_shapes()
    {
        var random = Rng.Create(2);
        var (x, w) = (ConvolutionGolden.RandomChannels(1, 5, 5, random), ConvolutionGolden.RandomWeight(2, 1, 3, 3, random));

        var error = Assert.Throws<ArgumentException>(() => Conv2d.Backward(x, w, ConvolutionGolden.RandomChannels(2, 4, 4, random)));

        Assert.Equal("gradOutput", error.ParamName);
        Assert.Contains("gradOutput[0] is 4×4 but the output is 2 channels of 3×3", error.Message);
    }
}
