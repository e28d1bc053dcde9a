namespace MLCourse.Tests.Numerics;

public class FiniteDifferenceTests
{
    [Fact]
    public void Gradient_of_a_quadratic_is_exact_up_to_rounding()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 3 } });
        var x = Vector<double>.Build.DenseOfArray([1.5, -0.5]);

        var gradient = FiniteDifference.Gradient(v => 0.5 * v * (a * v), x);

        Assert.True((gradient - a * x).AbsoluteMaximum() < 1e-8);
        Assert.Equal([1.5, -0.5], x.ToArray());
    }

    [Fact]
    public void Gradient_of_a_function_of_a_matrix_has_the_matrix_shape()
    {
        var w = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -2, 0.5 }, { 3, 0, -1 } });
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.2, 1, -1 }, { 2, -0.5, 0.3 } });

        var gradient = FiniteDifference.Gradient(m => m.PointwiseMultiply(w).Enumerate().Sum() + m[1, 2] * m[1, 2], x);

        var expected = w.Clone();
        expected[1, 2] += 2 * x[1, 2];
        Assert.True((gradient - expected).Enumerate().Max(Math.Abs) < 1e-9);
        Assert.Equal(0.3, x[1, 2]);
    }

    [Fact]
    public void Jacobian_rows_are_outputs_and_columns_are_inputs()
    {
        var x = Vector<double>.Build.DenseOfArray([1.0, 2.0]);

        var j = FiniteDifference.Jacobian(v => Vector<double>.Build.DenseOfArray([v[0] * v[1], Math.Sin(v[0]), v[1]]), x);

        Assert.Equal((3, 2), (j.RowCount, j.ColumnCount));
        Assert.Equal(2.0, j[0, 0], 8);
        Assert.Equal(1.0, j[0, 1], 8);
        Assert.Equal(Math.Cos(1.0), j[1, 0], 8);
        Assert.Equal(0.0, j[2, 0], 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-5)]
    [InlineData(double.NaN)]
    public void Step_must_be_positive(double h)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifference.Gradient(v => v.Sum(), Vector<double>.Build.Dense(2), h));

        Assert.Equal("h", e.ParamName);
    }
}
