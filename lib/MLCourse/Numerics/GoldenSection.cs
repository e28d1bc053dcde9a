namespace MLCourse.Numerics;

/// <summary>
/// Golden-section search: the minimiser of a unimodal function on a closed interval, using function values only. Each
/// step keeps the part of the bracket [a, b] that must contain the minimum and shrinks it by 1/φ ≈ 0.618, reusing one of
/// the two interior points. A minimum at an endpoint is found too (the bracket then collapses onto it). Introduced in
/// notebook 16 (classical models): the MAP of a coin and the interval minimum of 3x² + 10.
/// </summary>
/// <remarks>
/// Accuracy: near a smooth interior minimum f is flat to second order, so values that differ only by rounding cannot be
/// told apart closer than about √ε·|x*| ≈ 1.5·10⁻⁸·|x*| (ε = 2⁻⁵²), whatever the tolerance; at an endpoint minimum, where
/// f has a non-zero slope, the result is within the tolerance of the endpoint.
/// </remarks>
public static class GoldenSection
{
    private static readonly double InverseGoldenRatio = (Math.Sqrt(5) - 1) / 2;

    /// <summary>The x in [<paramref name="lower"/>, <paramref name="upper"/>] that minimises the unimodal <paramref name="f"/>,
    /// to within <paramref name="tolerance"/> (the final bracket's width).</summary>
    /// <exception cref="ArgumentException">lower and upper not finite with lower ≤ upper; tolerance not a finite number &gt; 0.</exception>
    public static double Minimize(Func<double, double> f, double lower, double upper, double tolerance = 1e-10)
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.Finite(lower, nameof(lower));
        Guard.Finite(upper, nameof(upper));
        if (upper < lower) throw new ArgumentException($"upper = {upper} is below lower = {lower}.", nameof(upper));
        Guard.Positive(tolerance, nameof(tolerance));
        var (a, b) = (lower, upper);
        var (c, d) = (b - InverseGoldenRatio * (b - a), a + InverseGoldenRatio * (b - a));
        var (fc, fd) = (f(c), f(d));
        for (var step = 0; step < 200 && b - a > tolerance; step++)   // 0.618²⁰⁰ ≈ 10⁻⁴²: ends even if the tolerance is below the spacing of doubles
        {
            if (fc <= fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - InverseGoldenRatio * (b - a);
                fc = f(c);
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + InverseGoldenRatio * (b - a);
                fd = f(d);
            }
        }
        return fc <= fd ? c : d;
    }
}
