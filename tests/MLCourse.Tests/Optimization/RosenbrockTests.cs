using MLCourse.Optimization;

namespace MLCourse.Tests.Optimization;

public class RosenbrockTests
{
    [Fact]
    public void Minimum_is_zero_at_a_a_squared()
    {
        Assert.Equal(0.0, Rosenbrock.Value(Vector<double>.Build.DenseOfArray([1.0, 1.0])));
        Assert.Equal(0.0, Rosenbrock.Gradient(Vector<double>.Build.DenseOfArray([2.0, 4.0]), a: 2).L2Norm());
        Assert.Equal(4.0 + 100.0 * 4.0, Rosenbrock.Value(Vector<double>.Build.DenseOfArray([-1.0, 3.0])));
    }

    [Theory]
    [InlineData(-1.2, 1.0)]
    [InlineData(0.3, -0.7)]
    [InlineData(1.5, 2.0)]
    public void Gradient_matches_finite_differences(double x, double y)
    {
        var p = Vector<double>.Build.DenseOfArray([x, y]);
        var numeric = FiniteDifference.Gradient(q => Rosenbrock.Value(q, 1.5, 30), p);

        var analytic = Rosenbrock.Gradient(p, 1.5, 30);

        for (var i = 0; i < 2; i++) Assert.Equal(numeric[i], analytic[i], 1e-6 * Math.Max(1, Math.Abs(numeric[i])));
    }

    [Fact]
    public void Needs_a_point_of_length_two()
    {
        var e = Assert.Throws<ArgumentException>(() => Rosenbrock.Gradient(Vector<double>.Build.Dense(3)));

        Assert.Equal("p", e.ParamName);
        Assert.Contains("length 3", e.Message);
    }
}
