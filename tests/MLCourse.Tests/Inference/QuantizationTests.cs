using MLCourse.Inference;

namespace MLCourse.Tests.Inference;

public class QuantizationTests
{
    private const string File = "quantization.json";

    public static TheoryData<string> Cases(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var c in GoldenData.Cases(File).Where(c => (string)c["kind"]! == kind)) data.Add((string)c["name"]!);
        return data;
    }

    public static TheoryData<string> PerTensor => Cases("per_tensor");
    public static TheoryData<string> PerChannel => Cases("per_channel");
    public static TheoryData<string> Codes => Cases("codes");
    public static TheoryData<string> Observers => Cases("observer");

    [Theory]
    [MemberData(nameof(PerTensor))]
    public void Per_tensor_fake_quantization_and_its_gradient_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var x = GoldenData.Matrix(c["x"]);
        var (scale, zero, min, max) = ((double)c["scale"]!, (int)c["zero_point"]!, (int)c["quant_min"]!, (int)c["quant_max"]!);

        var output = Quantization.FakeQuantizePerTensor(x, scale, zero, min, max);
        var grad = new AffineQuantizer(scale, zero, min, max).Backward(x, GoldenData.Matrix(c["grad_output"]));

        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), output, 1e-9, "output");
        GoldenData.AssertRelative(GoldenData.Matrix(c["grad"]), grad, 1e-9, "grad");
    }

    [Theory]
    [MemberData(nameof(PerChannel))]
    public void Per_channel_fake_quantization_and_its_gradient_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var x = GoldenData.Matrix(c["x"]);
        var (scales, zeros, axis) = (GoldenData.Vector(c["scales"]), GoldenData.Ints(c["zero_points"]), (int)c["axis"]!);
        var (min, max) = ((int)c["quant_min"]!, (int)c["quant_max"]!);

        var output = Quantization.FakeQuantizePerChannel(x, scales, zeros, axis, min, max);
        var channels = scales.Select((s, i) => new AffineQuantizer(s, zeros[i], min, max)).ToList();
        var grad = Quantization.FakeQuantizePerChannelBackward(x, GoldenData.Matrix(c["grad_output"]), channels, axis);

        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), output, 1e-9, "output");
        GoldenData.AssertRelative(GoldenData.Matrix(c["grad"]), grad, 1e-9, "grad");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Integer_codes_match_torch_quantize_per_tensor(string name)
    {
        var c = GoldenData.Case(File, name);
        var x = GoldenData.Matrix(c["x"]);
        var quantizer = new AffineQuantizer((double)c["scale"]!, (int)c["zero_point"]!, (int)c["quant_min"]!, (int)c["quant_max"]!);
        var codes = GoldenData.Matrix(c["codes"]);

        for (var i = 0; i < x.RowCount; i++)
            for (var j = 0; j < x.ColumnCount; j++)
                Assert.True(codes[i, j] == quantizer.Quantize(x[i, j]), $"{name}: code of x[{i},{j}] = {x[i, j]:R}");
        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), quantizer.FakeQuantize(x), 1e-9, "dequantized");
    }

    [Theory]
    [MemberData(nameof(Observers))]
    public void Scales_and_zero_points_match_pytorch_min_max_observers(string name)
    {
        var c = GoldenData.Case(File, name);
        var x = GoldenData.Matrix(c["x"]);
        var (symmetric, bits, axis) = ((bool)c["symmetric"]!, (int)c["bits"]!, (int?)c["axis"]);

        var quantizers = axis is int a
            ? (symmetric ? Quantization.SymmetricPerChannel(x, a, bits) : Quantization.AsymmetricPerChannel(x, a, bits))
            : [symmetric ? AffineQuantizer.Symmetric(x, bits) : AffineQuantizer.Asymmetric(x, bits)];

        GoldenData.AssertRelative(GoldenData.Vector(c["scales"]), quantizers.Select(q => q.Scale).ToVector(), 1e-9, "scales");
        Assert.Equal(GoldenData.Ints(c["zero_points"]), quantizers.Select(q => q.ZeroPoint).ToArray());
        Assert.All(quantizers, q => Assert.Equal(((int)c["quant_min"]!, (int)c["quant_max"]!), (q.QuantMin, q.QuantMax)));
    }

    [Fact]
    public void Per_channel_quantization_confines_an_outlier_to_its_channel()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.1, 0.2, -0.3 }, { 100, 0.2, -0.3 } });

        var perTensor = AffineQuantizer.Symmetric(x).FakeQuantize(x);
        var perRow = Quantization.FakeQuantizePerChannel(x, Quantization.SymmetricPerChannel(x, 0), 0);

        Assert.Equal(0.0, perTensor[0, 0]);   // step 100/127 ≈ 0.79 wipes out the small row
        Assert.True(Math.Abs(perRow[0, 0] - 0.1) <= 0.3 / 127 / 2 + 1e-15);
    }

    [Fact]
    public void Per_channel_rejects_a_wrong_axis()
    {
        var x = Matrix<double>.Build.Dense(2, 3, 1.0);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quantization.SymmetricPerChannel(x, 2));

        Assert.Equal("axis", e.ParamName);
        Assert.Contains("axis must be 0 (rows) or 1 (columns)", e.Message);
    }

    [Fact]
    public void Per_channel_scale_count_must_match_the_channels_naming_both_shapes()
    {
        var x = Matrix<double>.Build.Dense(4, 5, 1.0);

        var e = Assert.Throws<ArgumentException>(() =>
            Quantization.FakeQuantizePerChannel(x, Vector<double>.Build.Dense(3, 0.1), [0, 0, 0], 0, -128, 127));

        Assert.Equal("scales", e.ParamName);
        Assert.Contains("scales has length 3 but x is 4×5, which has 4 channels along axis 0", e.Message);
    }

    [Fact]
    public void Per_channel_zero_point_count_must_match_the_scales()
    {
        var x = Matrix<double>.Build.Dense(2, 3, 1.0);

        var e = Assert.Throws<ArgumentException>(() =>
            Quantization.FakeQuantizePerChannel(x, Vector<double>.Build.Dense(3, 0.1), [0, 0], 1, -128, 127));

        Assert.Equal("zeroPoints", e.ParamName);
        Assert.Contains("zeroPoints has length 2 but scales has length 3", e.Message);
    }

    [Fact]
    public void Per_channel_quantizer_count_must_match_the_channels()
    {
        var x = Matrix<double>.Build.Dense(2, 3, 1.0);
        var quantizers = Quantization.SymmetricPerChannel(x, 0);

        var e = Assert.Throws<ArgumentException>(() => Quantization.FakeQuantizePerChannel(x, quantizers, 1));

        Assert.Equal("channels", e.ParamName);
        Assert.Contains("channels has 2 quantizers but x is 2×3, which has 3 channels along axis 1", e.Message);
    }

    [Fact]
    public void Per_channel_backward_needs_matching_shapes()
    {
        var x = Matrix<double>.Build.Dense(2, 3, 1.0);

        var e = Assert.Throws<ArgumentException>(() =>
            Quantization.FakeQuantizePerChannelBackward(x, Matrix<double>.Build.Dense(3, 2), Quantization.SymmetricPerChannel(x, 0), 0));

        Assert.Equal("gradOutput", e.ParamName);
        Assert.Contains("x is 2×3 but gradOutput is 3×2", e.Message);
    }

    [Fact]
    public void Per_channel_rejects_a_bad_scale_and_empty_input()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Quantization.FakeQuantizePerChannel(Matrix<double>.Build.Dense(1, 2, 1.0), Vector<double>.Build.Dense([0.1, 0.0]), [0, 0], 1, -128, 127));
        Assert.Equal("scale", e.ParamName);

        var empty = Assert.Throws<ArgumentException>(() => Quantization.AsymmetricPerChannel(Matrix<double>.Build.Dense(0, 3), 1));
        Assert.Equal("x", empty.ParamName);
        Assert.Contains("x is 0×3", empty.Message);
    }
}
