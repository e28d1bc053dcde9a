using MLCourse.Inference;

namespace MLCourse.Tests.Inference;

public class AffineQuantizerTests
{
    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(1.5, 2)]
    [InlineData(2.5, 2)]
    [InlineData(-0.5, 0)]
    [InlineData(-1.5, -2)]
    [InlineData(-2.5, -2)]
    [InlineData(2.4999999999999996, 2)]
    [InlineData(2.5000000000000004, 3)]
    public void Rounds_half_to_even(double x, int expected) =>
        Assert.Equal(expected, new AffineQuantizer(1, 0, -128, 127).Quantize(x));

    [Fact]
    public void Clamps_at_both_range_ends_including_infinities()
    {
        var q = new AffineQuantizer(0.5, 10, 0, 255);

        Assert.Equal(0, q.Quantize(-5.5));   // round(−11) + 10 = −1 → 0
        Assert.Equal(255, q.Quantize(1e300));
        Assert.Equal(0, q.Quantize(double.NegativeInfinity));
        Assert.Equal(q.RangeMax, q.FakeQuantize(double.PositiveInfinity));
        Assert.Equal((-5.0, 122.5), (q.RangeMin, q.RangeMax));
    }

    [Fact]
    public void Zero_is_represented_exactly_and_in_range_error_is_at_most_half_a_step()
    {
        var q = AffineQuantizer.Asymmetric(-0.7, 2.3);
        Assert.Equal(0.0, q.FakeQuantize(0.0));
        for (var x = -0.7; x <= 2.3; x += 0.001)
            Assert.True(Math.Abs(q.FakeQuantize(x) - x) <= q.Scale / 2 * (1 + 1e-12), $"x = {x}");
    }

    [Fact]
    public void Symmetric_int8_uses_max_abs_over_127_and_the_restricted_range()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.3, -2.54 }, { 1.0, 2.0 } });

        var q = AffineQuantizer.Symmetric(x);

        Assert.Equal(2.54 / 127, q.Scale);
        Assert.Equal((0, -127, 127), (q.ZeroPoint, q.QuantMin, q.QuantMax));
        Assert.Equal(-127, q.Quantize(-2.54));
        Assert.Equal(-2.54, q.FakeQuantize(-2.54), 15);
    }

    [Fact]
    public void Asymmetric_uint8_uses_range_over_255_and_a_zero_point()
    {
        var q = AffineQuantizer.Asymmetric(-1.0, 3.0);

        Assert.Equal(4.0 / 255, q.Scale);
        Assert.Equal(64, q.ZeroPoint);   // −round(−1 / (4/255)) = round(63.75) = 64
        Assert.Equal((0, 255), (q.QuantMin, q.QuantMax));
        Assert.Equal(255, q.Quantize(3.0));
        Assert.Equal(0, q.Quantize(-1.0));
    }

    [Fact]
    public void Four_bit_ranges()
    {
        Assert.Equal((-7, 7), (AffineQuantizer.Symmetric(1.0, bits: 4).QuantMin, AffineQuantizer.Symmetric(1.0, bits: 4).QuantMax));
        Assert.Equal(15, AffineQuantizer.Asymmetric(0, 1, bits: 4).QuantMax);
    }

    [Fact]
    public void All_zero_data_gets_the_minimum_scale()
    {
        Assert.Equal(AffineQuantizer.MinimumScale, AffineQuantizer.Symmetric(0.0).Scale);
        Assert.Equal(AffineQuantizer.MinimumScale, AffineQuantizer.Asymmetric(0.0, 0.0).Scale);
    }

    [Fact]
    public void Backward_passes_the_gradient_inside_the_range_and_cuts_it_outside()
    {
        var q = new AffineQuantizer(1, 0, -2, 2);
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.3, 2.4, 2.6, -2.5, -2.6 } });
        var grad = Matrix<double>.Build.Dense(1, 5, 7.0);

        var result = q.Backward(x, grad);

        Assert.Equal([7.0, 7.0, 0.0, 7.0, 0.0], result.Row(0).ToArray());   // −2.5 rounds to −2: still in range
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Scale_must_be_positive_and_finite(double scale)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AffineQuantizer(scale, 0, -128, 127));
        Assert.Equal("scale", e.ParamName);
    }

    [Fact]
    public void Range_and_zero_point_are_validated()
    {
        Assert.Equal("quantMax", Assert.Throws<ArgumentOutOfRangeException>(() => new AffineQuantizer(1, 0, 5, 5)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AffineQuantizer(1, 300, 0, 255));
        Assert.Equal("zeroPoint", e.ParamName);
        Assert.Contains("[0, 255]", e.Message);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => new AffineQuantizer(1, 0, 0, 255).Dequantize(256)).ParamName);
    }

    [Fact]
    public void Factories_validate_their_arguments()
    {
        Assert.Equal("maxAbs", Assert.Throws<ArgumentOutOfRangeException>(() => AffineQuantizer.Symmetric(-1.0)).ParamName);
        Assert.Equal("bits", Assert.Throws<ArgumentOutOfRangeException>(() => AffineQuantizer.Symmetric(1.0, bits: 1)).ParamName);
        Assert.Equal("bits", Assert.Throws<ArgumentOutOfRangeException>(() => AffineQuantizer.Asymmetric(0, 1, bits: 17)).ParamName);
        Assert.Equal("max", Assert.Throws<ArgumentOutOfRangeException>(() => AffineQuantizer.Asymmetric(2, 1)).ParamName);
        Assert.Equal("min", Assert.Throws<ArgumentOutOfRangeException>(() => AffineQuantizer.Asymmetric(double.NaN, 1)).ParamName);
        var bad = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, double.PositiveInfinity } });
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => AffineQuantizer.Symmetric(bad)).ParamName);
    }

    [Fact]
    public void Empty_input_and_nan_are_rejected()
    {
        var q = new AffineQuantizer(1, 0, -128, 127);

        var e = Assert.Throws<ArgumentException>(() => q.FakeQuantize(Matrix<double>.Build.Dense(2, 0)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("x is 2×0", e.Message);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => q.Quantize(double.NaN)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => AffineQuantizer.Asymmetric(Matrix<double>.Build.Dense(0, 0))).ParamName);
    }

    [Fact]
    public void Backward_names_both_shapes()
    {
        var q = new AffineQuantizer(1, 0, -128, 127);

        var e = Assert.Throws<ArgumentException>(() => q.Backward(Matrix<double>.Build.Dense(2, 3), Matrix<double>.Build.Dense(3, 2)));

        Assert.Equal("gradOutput", e.ParamName);
        Assert.Contains("x is 2×3 but gradOutput is 3×2", e.Message);
    }
}
