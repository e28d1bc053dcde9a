using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SimdVector = System.Numerics.Vector<double>;

namespace MLCourse.Numerics;

/// <summary>
/// The two inner loops of the course's dense, convolution and residual-stack layers, on contiguous spans with SIMD lanes
/// (<see cref="System.Numerics.Vector{T}"/>): y ← y + a·x and Σ x_i y_i. The sums are accumulated lane by lane, so a
/// dot product's rounding differs from a left-to-right sum in the last bits.
/// </summary>
internal static class SpanMath
{
    /// <summary>y[i] += a·x[i] for i &lt; y.Length (x at least as long as y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        x = x[..y.Length];
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && y.Length >= SimdVector.Count)
        {
            var xs = MemoryMarshal.Cast<double, SimdVector>(x);
            var ys = MemoryMarshal.Cast<double, SimdVector>(y);
            var scale = new SimdVector(a);
            for (var k = 0; k < ys.Length; k++) ys[k] += scale * xs[k];
            i = ys.Length * SimdVector.Count;
        }
        for (; i < y.Length; i++) y[i] += a * x[i];
    }

    /// <summary>Σ x[i]·y[i] for i &lt; x.Length (y at least as long as x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        y = y[..x.Length];
        var (sum, i) = (0.0, 0);
        if (System.Numerics.Vector.IsHardwareAccelerated && x.Length >= SimdVector.Count)
        {
            var xs = MemoryMarshal.Cast<double, SimdVector>(x);
            var ys = MemoryMarshal.Cast<double, SimdVector>(y);
            var lanes = SimdVector.Zero;
            for (var k = 0; k < xs.Length; k++) lanes += xs[k] * ys[k];
            sum = System.Numerics.Vector.Sum(lanes);
            i = xs.Length * SimdVector.Count;
        }
        for (; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }
}
