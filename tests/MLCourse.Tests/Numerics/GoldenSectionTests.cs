namespace MLCourse.Tests.Numerics;

public class GoldenSectionTests
{
    [Theory]
    [InlineData(-2.0, 3.0, 0.0)]   // interior minimum of 3x² + 10
    [InlineData(1.0, 4.0, 1.0)]    // the endpoint nearer 0
    [InlineData(-5.0, -2.0, -2.0)]
    public void Finds_the_minimum_of_a_convex_parabola_inside_or_at_an_endpoint(double lower, double upper, double expected)
    {
        var x = GoldenSection.Minimize(v => 3 * v * v + 10, lower, upper, 1e-12);

        Assert.Equal(expected, x, 1e-7);   // √ε for the interior minimum, the tolerance at an endpoint
    }

    [Fact]
    public void Reaches_the_rounding_limit_for_a_smooth_interior_minimum()
    {
        var x = GoldenSection.Minimize(v => Math.Pow(v - 0.3, 2) + Math.Cosh(v - 0.3), -4, 7, 1e-14);

        Assert.InRange(Math.Abs(x - 0.3), 0, 3e-8);
    }

    [Fact]
    public void A_degenerate_interval_returns_its_point_and_bad_arguments_are_named()
    {
        Assert.Equal(2.5, GoldenSection.Minimize(v => v, 2.5, 2.5));
        Assert.Equal("upper", Assert.Throws<ArgumentException>(() => GoldenSection.Minimize(v => v, 1, 0)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => GoldenSection.Minimize(v => v, 0, 1, 0)).ParamName);
        Assert.Equal("lower", Assert.Throws<ArgumentOutOfRangeException>(() => GoldenSection.Minimize(v => v, double.NaN, 1)).ParamName);
    }
}
