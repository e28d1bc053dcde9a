using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Numerics;

/// <summary>Information-theoretic quantities of discrete distributions, in nats (natural logarithm). Introduced in notebook 01.</summary>
public static class Information
{
    /// <summary>
    /// Shannon entropy H(p) = −Σ p_i log p_i, with 0·log 0 = 0. Range: 0 ≤ H ≤ log n; 0 for a one-hot p, log n for the uniform p.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, has a negative entry, or does not sum to 1 (±1e-9).</exception>
    public static double Entropy(Vector<double> p)
    {
        Guard.NotEmpty(p, nameof(p));
        if (p.Any(x => x < 0 || double.IsNaN(x)))
            throw new ArgumentException("p must be a probability vector: an entry is negative or NaN.", nameof(p));
        var sum = p.Sum();
        if (Math.Abs(sum - 1) > 1e-9)
            throw new ArgumentException($"p must sum to 1, but sums to {sum:R}.", nameof(p));
        return -p.Where(x => x > 0).Sum(x => x * Math.Log(x));
    }
}
