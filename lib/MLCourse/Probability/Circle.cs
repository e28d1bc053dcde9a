using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Probability;

/// <summary>
/// Random points on a circle, for geometric-probability experiments: i.i.d. uniform positions (angles), sampled in bulk,
/// and the arcs between consecutive points. A point at angle θ is (cos θ, sin θ) on the unit circle.
/// Introduced in notebook 19 (probability puzzles: the obtuse triangle).
/// </summary>
public static class Circle
{
    /// <summary>
    /// A <paramref name="samples"/>×<paramref name="points"/> matrix of i.i.d. U[0, 2π) angles: row s holds the positions of
    /// <paramref name="points"/> points placed uniformly and independently on the circle, one experiment per row.
    /// Range: samples, points ≥ 1.
    /// </summary>
    public static Matrix<double> UniformAngles(int samples, int points, System.Random random)
    {
        Guard.Positive(samples, nameof(samples));
        Guard.Positive(points, nameof(points));
        ArgumentNullException.ThrowIfNull(random);
        return Matrix<double>.Build.Random(samples, points, new ContinuousUniform(0, 2 * Math.PI, random));
    }

    /// <summary>
    /// The arcs between consecutive points of each row, counter-clockwise. With the row's angles reduced to [0, 2π) and
    /// sorted, a₍₁₎ ≤ … ≤ a₍ₖ₎, the arcs are a₍₂₎ − a₍₁₎, …, a₍ₖ₎ − a₍ₖ₋₁₎ and the wrap-around arc 2π − a₍ₖ₎ + a₍₁₎: each row
    /// of the result is ≥ 0 and sums to 2π. (For one point per row the only arc is the whole circle, 2π.)
    /// The last column is the arc that covers angle 0, which is longer on average than the others (the inspection
    /// paradox: π instead of 2π/3 for three uniform points); to measure the arcs from a point, subtract its angle from
    /// the row first, and the columns become exchangeable.
    /// </summary>
    /// <exception cref="ArgumentException">An angle is not finite (its position is named).</exception>
    public static Matrix<double> Arcs(Matrix<double> angles)
    {
        ArgumentNullException.ThrowIfNull(angles);
        var (rows, k) = (angles.RowCount, angles.ColumnCount);
        var arcs = Matrix<double>.Build.Dense(rows, k);
        var sorted = new double[k];
        for (var s = 0; s < rows; s++)
        {
            for (var j = 0; j < k; j++)
            {
                var a = angles[s, j];
                if (!double.IsFinite(a)) throw new ArgumentException($"angles[{s}, {j}] is {a}; angles must be finite.", nameof(angles));
                a %= 2 * Math.PI;
                sorted[j] = a < 0 ? a + 2 * Math.PI : a;
            }
            Array.Sort(sorted);
            for (var j = 0; j < k - 1; j++) arcs[s, j] = sorted[j + 1] - sorted[j];
            arcs[s, k - 1] = 2 * Math.PI - sorted[k - 1] + sorted[0];
        }
        return arcs;
    }
}
