using MLCourse.Regularization;

namespace MLCourse.Tests.Regularization;

public class L1Tests
{
    [Theory]
    [InlineData(3.0, 1.0, 2.0)]
    [InlineData(-3.0, 1.0, -2.0)]
    [InlineData(0.5, 1.0, 0.0)]
    [InlineData(-0.5, 1.0, 0.0)]
    [InlineData(1.0, 1.0, 0.0)]
    [InlineData(-1.0, 1.0, 0.0)]
    [InlineData(2.5, 0.0, 2.5)]
    [InlineData(0.0, 0.0, 0.0)]
    public void Soft_threshold_is_sign_times_max_of_abs_minus_threshold(double z, double threshold, double expected)
    {
        Assert.Equal(expected, L1.SoftThreshold(z, threshold));
        Assert.Equal(expected, L1.SoftThreshold(Vector<double>.Build.Dense([z]), threshold)[0]);
    }

    [Fact]
    public void The_dead_zone_gives_exact_positive_zero()
    {
        var result = L1.SoftThreshold(Vector<double>.Build.DenseOfArray([-0.7, -0.0, 0.3]), 0.7);

        Assert.All(result, v => Assert.True(v == 0 && !double.IsNegative(v)));
    }

    [Fact]
    public void It_minimises_half_squared_distance_plus_threshold_times_abs()
    {
        const double lambda = 0.8;
        foreach (var z in new[] { -2.3, -0.8, -0.1, 0.0, 0.4, 0.81, 1.7 })
        {
            var w = L1.SoftThreshold(z, lambda);
            double F(double v) => 0.5 * (v - z) * (v - z) + lambda * Math.Abs(v);
            for (var h = -1.0; h <= 1.0; h += 0.001)
                Assert.True(F(w) <= F(w + h) + 1e-15, $"z = {z}: F({w}) = {F(w)} > F({w + h}) = {F(w + h)}");
        }
    }

    [Fact]
    public void The_vector_form_works_entry_by_entry_and_copies()
    {
        var x = Vector<double>.Build.DenseOfArray([4, -0.2, -5, 1.5]);

        var result = L1.SoftThreshold(x, 1.5);

        Assert.Equal(new[] { 2.5, 0, -3.5, 0 }, result.ToArray());
        Assert.Equal(new[] { 4, -0.2, -5, 1.5 }, x.ToArray());
    }

    [Fact]
    public void NaN_and_infinities_pass_through()
    {
        Assert.True(double.IsNaN(L1.SoftThreshold(double.NaN, 1)));
        Assert.Equal(double.PositiveInfinity, L1.SoftThreshold(double.PositiveInfinity, 1));
        Assert.Equal(double.NegativeInfinity, L1.SoftThreshold(double.NegativeInfinity, 1));
    }

    [Theory]
    [InlineData(-1e-12)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void The_threshold_must_be_finite_and_non_negative(double threshold)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => L1.SoftThreshold(Vector<double>.Build.Dense(2), threshold));
        Assert.Equal("threshold", e.ParamName);
        Assert.Contains("≥ 0", e.Message);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => L1.SoftThreshold(1.0, threshold)).ParamName);
    }

    [Fact]
    public void A_null_vector_is_rejected()
    {
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => L1.SoftThreshold(null!, 1)).ParamName);
    }
}
