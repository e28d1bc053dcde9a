namespace MLCourse.Tests.Numerics;

public class DistancesTests
{
    [Fact]
    public void Pairwise_distances_are_symmetric_with_a_zero_diagonal_and_match_the_cross_distances()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0 }, { 3, 4 }, { 1e8, 1 }, { 1e8, 1 + 1e-7 } });

        var d = Distances.Euclidean(x);

        Assert.Equal(5, d[0, 1]);
        Assert.Equal(d, d.Transpose());
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(0, d[i, i]));
        Assert.Equal(1e-7, d[2, 3], 1e-15);   // coordinate differences first: no cancellation of 1e16-sized squares
        Assert.Equal(d, Distances.Euclidean(x, x));
    }

    [Fact]
    public void Cross_distances_are_m_by_n_and_reject_a_column_mismatch()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0, 0 } });
        var b = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2, 2 }, { 0, 0, 1 } });

        Assert.Equal([3.0, 1.0], Distances.Euclidean(a, b).Row(0).ToArray());
        var e = Assert.Throws<ArgumentException>(() => Distances.Euclidean(a, Matrix<double>.Build.Dense(2, 2)));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("2×2", e.Message);
        Assert.Contains("1×3", e.Message);
    }
}
