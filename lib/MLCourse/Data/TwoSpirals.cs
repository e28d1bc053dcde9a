using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Data;

/// <summary>
/// The two-spirals classification problem (Lang and Witbrock 1988), a synthetic dataset that no linear or shallow smooth
/// model separates: two interleaved arms, one per class. Introduced in notebook 20 (the degradation problem).
/// </summary>
/// <remarks>
/// Class 0 has points r(t)·(cos t, sin t) with angle t = √u·2π·turns for u ~ U(0, 1) (so points are spread evenly along the
/// arm) and radius r = t/(2π·turns) ∈ [0, 1]; class 1 is the same arm turned by 180° (the point negated). Each coordinate
/// then gets N(0, noise²) noise. Rows alternate class 0, class 1.
/// </remarks>
public static class TwoSpirals
{
    /// <summary>n points, n/2 per class.</summary>
    /// <param name="n">The number of points, even, ≥ 2.</param>
    /// <param name="random">The generator.</param>
    /// <param name="turns">How many turns each arm makes (&gt; 0).</param>
    /// <param name="noise">The standard deviation of the noise (≥ 0).</param>
    /// <exception cref="ArgumentException">n is odd or below 2, or turns or noise out of range.</exception>
    public static LabelledData Generate(int n, System.Random random, double turns = 1.5, double noise = 0.02)
    {
        Guard.Positive(n, nameof(n));
        if (n % 2 != 0) throw new ArgumentException($"n must be even (n/2 points per class), got {n}.", nameof(n));
        ArgumentNullException.ThrowIfNull(random);
        Guard.Positive(turns, nameof(turns));
        Guard.NonNegative(noise, nameof(noise));
        var maxAngle = 2 * Math.PI * turns;
        var angles = Rng.Uniform(n / 2, 0.5, random).Map(u => Math.Sqrt(u + 0.5) * maxAngle);
        var jitter = noise * Rng.StandardNormal(n, 2, random);
        var x = Matrix<double>.Build.Dense(n, 2, (i, j) =>
        {
            var t = angles[i / 2];
            var sign = i % 2 == 0 ? 1 : -1;
            return sign * t / maxAngle * (j == 0 ? Math.Cos(t) : Math.Sin(t)) + jitter[i, j];
        });
        return new LabelledData(x, Enumerable.Range(0, n).Select(i => i % 2).ToArray(), ["x₁", "x₂"], ["spiral 0", "spiral 1"]);
    }
}
