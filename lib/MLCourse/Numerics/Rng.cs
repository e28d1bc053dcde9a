using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;

namespace MLCourse.Numerics;

/// <summary>
/// Seeded random numbers, so that every notebook run prints the same numbers. Introduced in notebook 01.
/// All generators are MathNet's Mersenne Twister (MT19937), whose sequence for a given seed is fixed.
/// </summary>
public static class Rng
{
    /// <summary>A Mersenne Twister generator with the given seed (any int).</summary>
    public static System.Random Create(int seed) => new MersenneTwister(seed, threadSafe: false);

    /// <summary>A <paramref name="rows"/>×<paramref name="columns"/> matrix of i.i.d. N(0, 1) entries. Range: rows, columns ≥ 1.</summary>
    public static Matrix<double> StandardNormal(int rows, int columns, System.Random random)
    {
        Guard.Positive(rows, nameof(rows));
        Guard.Positive(columns, nameof(columns));
        ArgumentNullException.ThrowIfNull(random);
        return Matrix<double>.Build.Random(rows, columns, new Normal(0, 1, random));
    }

    /// <summary>A vector of <paramref name="length"/> i.i.d. N(0, 1) entries. Range: length ≥ 1.</summary>
    public static Vector<double> StandardNormal(int length, System.Random random)
    {
        Guard.Positive(length, nameof(length));
        ArgumentNullException.ThrowIfNull(random);
        return Vector<double>.Build.Random(length, new Normal(0, 1, random));
    }

    /// <summary>
    /// A <paramref name="rows"/>×<paramref name="columns"/> matrix of i.i.d. U(−bound, bound) entries: with bound = 1/√fan_in,
    /// the default initialisation of PyTorch's <c>nn.Linear</c> weights (Kaiming-uniform with a = √5) and biases.
    /// Range: rows, columns ≥ 1; bound &gt; 0. Introduced in notebook 08.
    /// </summary>
    public static Matrix<double> Uniform(int rows, int columns, double bound, System.Random random)
    {
        Guard.Positive(rows, nameof(rows));
        Guard.Positive(columns, nameof(columns));
        Guard.Positive(bound, nameof(bound));
        ArgumentNullException.ThrowIfNull(random);
        return Matrix<double>.Build.Random(rows, columns, new ContinuousUniform(-bound, bound, random));
    }

    /// <summary>A vector of <paramref name="length"/> i.i.d. U(−bound, bound) entries. Range: length ≥ 1; bound &gt; 0.</summary>
    public static Vector<double> Uniform(int length, double bound, System.Random random)
    {
        Guard.Positive(length, nameof(length));
        Guard.Positive(bound, nameof(bound));
        ArgumentNullException.ThrowIfNull(random);
        return Vector<double>.Build.Random(length, new ContinuousUniform(-bound, bound, random));
    }

    /// <summary>
    /// A uniformly random permutation of 0 … n−1 (Fisher–Yates): each of the n! orders has probability 1/n!. Its first
    /// m entries are a uniform random subset of size m, drawn without replacement. Range: n ≥ 0.
    /// Introduced in notebook 18 (subsampling, shuffled folds).
    /// </summary>
    public static int[] Permutation(int n, System.Random random)
    {
        Guard.NonNegative(n, nameof(n));
        ArgumentNullException.ThrowIfNull(random);
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
