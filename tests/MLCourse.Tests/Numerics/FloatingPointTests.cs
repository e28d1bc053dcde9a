namespace MLCourse.Tests.Numerics;

public class FloatingPointTests
{
    [Theory]
    [InlineData(1e-20, 1e-20)]
    [InlineData(1e-10, 9.999999999500001e-11)]
    [InlineData(-1e-5, -1.0000050000333337e-05)]
    [InlineData(9.357622968840175e-14, 9.357622968839737e-14)]
    public void Log1p_keeps_its_relative_precision_where_log_of_one_plus_x_loses_it(double x, double expected)
    {
        Assert.True(Math.Abs(FloatingPoint.Log1p(x) - expected) <= 2e-16 * Math.Abs(expected), $"{FloatingPoint.Log1p(x):R}");
    }

    [Fact]
    public void The_obvious_formulas_lose_these_digits()
    {
        Assert.Equal(0.0, Math.Log(1 + 1e-20));
        Assert.Equal(0.0, Math.Exp(1e-20) - 1);
        Assert.True(Math.Abs(Math.Log(1 + 1e-10) - 9.999999999500001e-11) > 1e-8 * 1e-10);
    }

    [Fact]
    public void Log1p_is_the_logarithm_away_from_zero_and_handles_the_edges()
    {
        Assert.Equal(Math.Log(3), FloatingPoint.Log1p(2), 15);
        Assert.Equal(double.NegativeInfinity, FloatingPoint.Log1p(-1));
        Assert.True(double.IsNaN(FloatingPoint.Log1p(-2)));
        Assert.Equal(double.PositiveInfinity, FloatingPoint.Log1p(double.PositiveInfinity));
    }

    [Theory]
    [InlineData(1e-20, 1e-20)]
    [InlineData(1e-10, 1.00000000005e-10)]
    [InlineData(-1e-5, -9.999950000166666e-06)]
    [InlineData(-9.357622968839737e-14, -9.357622968839299e-14)]
    public void Expm1_keeps_its_relative_precision(double x, double expected)
    {
        Assert.True(Math.Abs(FloatingPoint.Expm1(x) - expected) <= 2e-16 * Math.Abs(expected), $"{FloatingPoint.Expm1(x):R}");
    }

    [Fact]
    public void Expm1_is_exp_minus_one_away_from_zero_and_handles_the_edges()
    {
        Assert.Equal(Math.E - 1, FloatingPoint.Expm1(1), 15);
        Assert.Equal(-1.0, FloatingPoint.Expm1(double.NegativeInfinity));
        Assert.Equal(-1.0, FloatingPoint.Expm1(-800));
        Assert.Equal(double.PositiveInfinity, FloatingPoint.Expm1(800));
    }
}
