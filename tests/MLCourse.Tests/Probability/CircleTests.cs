using MLCourse.Probability;

namespace MLCourse.Tests.Probability;

public class CircleTests
{
    [Fact]
    public void Angles_are_uniform_on_0_to_2_pi_and_seeded()
    {
        var angles = Circle.UniformAngles(20_000, 3, Rng.Create(1));

        Assert.Equal((20_000, 3), (angles.RowCount, angles.ColumnCount));
        Assert.All(angles.Enumerate(), a => Assert.InRange(a, 0, 2 * Math.PI));
        // U[0, 2π): mean π, variance (2π)²/12; 60 000 draws give a standard error of 2π/√12/√60 000 = 0.0074 for the mean.
        Assert.InRange(angles.Enumerate().Average(), Math.PI - 4 * 0.0074, Math.PI + 4 * 0.0074);
        var quarter = angles.Enumerate().Count(a => a < Math.PI / 2) / 60_000.0;
        Assert.InRange(quarter, 0.25 - 4 * 0.0018, 0.25 + 4 * 0.0018);
        Assert.Equal(angles, Circle.UniformAngles(20_000, 3, Rng.Create(1)));
    }

    [Fact]
    public void Arcs_go_counter_clockwise_between_sorted_points_and_wrap_around()
    {
        var angles = Matrix<double>.Build.DenseOfArray(new[,] { { 3.0, 1.0, 2.0 }, { 0.5, 6.0, 0.25 } });

        var arcs = Circle.Arcs(angles);

        Assert.Equal([1.0, 1.0, 2 * Math.PI - 2], arcs.Row(0).ToArray());
        Assert.Equal(0.25, arcs[1, 0], 15);
        Assert.Equal(5.5, arcs[1, 1], 15);
        Assert.Equal(2 * Math.PI - 6 + 0.25, arcs[1, 2], 14);
    }

    [Fact]
    public void Arcs_sum_to_2_pi_and_are_non_negative_for_any_angles()
    {
        var angles = 50 * Rng.StandardNormal(500, 5, Rng.Create(2));   // far outside [0, 2π), negative too

        var arcs = Circle.Arcs(angles);

        Assert.All(arcs.RowSums(), s => Assert.Equal(2 * Math.PI, s, 12));
        Assert.All(arcs.Enumerate(), a => Assert.True(a >= 0));
        Assert.True((arcs - Circle.Arcs(angles + 2 * Math.PI * 3)).Enumerate().Max(Math.Abs) < 1e-12);   // full turns do not move a point (up to rounding of the mod)
    }

    [Fact]
    public void One_point_has_the_whole_circle_and_coinciding_points_an_empty_arc()
    {
        Assert.Equal(2 * Math.PI, Circle.Arcs(Matrix<double>.Build.Dense(1, 1, 4.0))[0, 0]);
        var twice = Circle.Arcs(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 1.0 } }));
        Assert.Equal([0.0, 2 * Math.PI], twice.Row(0).ToArray());
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => Circle.UniformAngles(0, 3, Rng.Create(1))).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentOutOfRangeException>(() => Circle.UniformAngles(3, 0, Rng.Create(1))).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => Circle.UniformAngles(3, 3, null!)).ParamName);
        var angles = Matrix<double>.Build.Dense(2, 3);
        angles[1, 2] = double.NaN;
        var error = Assert.Throws<ArgumentException>(() => Circle.Arcs(angles));
        Assert.Equal("angles", error.ParamName);
        Assert.Contains("angles[1, 2]", error.Message);
    }
}
