using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Numerics;

/// <summary>
/// Pairwise Euclidean distances between the rows of matrices, d(a, b) = √Σⱼ(aⱼ − bⱼ)², summed over the coordinates in
/// order as SciPy's <c>pdist</c>/<c>cdist</c> do (not through ‖a‖² − 2a·b + ‖b‖², which loses digits for close points).
/// Introduced in notebook 23 (clustering, nearest neighbours).
/// </summary>
public static class Distances
{
    /// <summary>The n×n matrix of distances between the rows of <paramref name="x"/>: symmetric, 0 on the diagonal.</summary>
    /// <exception cref="ArgumentNullException">x is null.</exception>
    public static Matrix<double> Euclidean(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var rows = x.ToRowArrays();
        var d = new double[rows.Length, rows.Length];
        for (var i = 0; i < rows.Length; i++)
            for (var j = i + 1; j < rows.Length; j++)
                d[i, j] = d[j, i] = Between(rows[i], rows[j]);
        return Matrix<double>.Build.DenseOfArray(d);
    }

    /// <summary>The m×n matrix of distances from each row of <paramref name="a"/> to each row of <paramref name="b"/>.</summary>
    /// <exception cref="ArgumentException">a and b have different numbers of columns (both shapes are named; ParamName b).</exception>
    public static Matrix<double> Euclidean(Matrix<double> a, Matrix<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        Guard.Columns(b, a.ColumnCount, nameof(b), $"the columns of a, which is {Guard.Shape(a)}");
        var (rowsA, rowsB) = (a.ToRowArrays(), b.ToRowArrays());
        var d = new double[rowsA.Length, rowsB.Length];
        for (var i = 0; i < rowsA.Length; i++)
            for (var j = 0; j < rowsB.Length; j++)
                d[i, j] = Between(rowsA[i], rowsB[j]);
        return Matrix<double>.Build.DenseOfArray(d);
    }

    /// <summary>√Σⱼ(uⱼ − vⱼ)² for two coordinate arrays of equal length.</summary>
    internal static double Between(double[] u, double[] v) => Math.Sqrt(SquaredBetween(u, v));

    /// <summary>Σⱼ(uⱼ − vⱼ)², summed in coordinate order, for two coordinate arrays of equal length.</summary>
    internal static double SquaredBetween(double[] u, double[] v)
    {
        var sum = 0.0;
        for (var j = 0; j < u.Length; j++)
        {
            var diff = u[j] - v[j];
            sum += diff * diff;
        }
        return sum;
    }

    /// <summary>The index of the candidate nearest to <paramref name="point"/> (smallest <see cref="SquaredBetween"/>; the first on a tie).</summary>
    internal static int Nearest(double[] point, double[][] candidates)
    {
        var (index, best) = (0, double.PositiveInfinity);
        for (var k = 0; k < candidates.Length; k++)
        {
            var d = SquaredBetween(point, candidates[k]);
            if (d < best) (index, best) = (k, d);
        }
        return index;
    }
}
