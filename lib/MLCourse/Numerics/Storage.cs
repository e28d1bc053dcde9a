using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Numerics;

/// <summary>The arrays behind MathNet's dense matrices and vectors, for the library's span loops (no copy when dense).</summary>
internal static class Storage
{
    /// <summary>The entries of <paramref name="m"/> column-major: m[i, j] at j·rows + i. A copy only when m is not dense.</summary>
    public static double[] ColumnMajor(Matrix<double> m) => m.AsColumnMajorArray() ?? m.ToColumnMajorArray();

    /// <summary>The entries of <paramref name="v"/> in order. A copy only when v is not dense.</summary>
    public static double[] Values(Vector<double> v) => v.AsArray() ?? v.ToArray();
}
