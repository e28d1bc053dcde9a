using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Optimization;

/// <summary>
/// The Rosenbrock "banana" function f(x, y) = (a − x)² + b(y − x²)², the classic hard test for optimizers: a curved,
/// narrow, nearly flat valley along y = x², with its only minimum f = 0 at (a, a²). The defaults a = 1, b = 100 put the
/// minimum at (1, 1). Introduced in notebook 05 (05-optimizers).
/// </summary>
public static class Rosenbrock
{
    /// <summary>f(x, y) = (a − x)² + b(y − x²)² at the point <paramref name="p"/> = (x, y).</summary>
    /// <exception cref="ArgumentException"><paramref name="p"/> does not have length 2.</exception>
    public static double Value(Vector<double> p, double a = 1, double b = 100)
    {
        var (x, y) = Point(p);
        return (a - x) * (a - x) + b * (y - x * x) * (y - x * x);
    }

    /// <summary>∇f = (−2(a − x) − 4bx(y − x²), 2b(y − x²)) at <paramref name="p"/> = (x, y).</summary>
    /// <exception cref="ArgumentException"><paramref name="p"/> does not have length 2.</exception>
    public static Vector<double> Gradient(Vector<double> p, double a = 1, double b = 100)
    {
        var (x, y) = Point(p);
        return Vector<double>.Build.DenseOfArray([-2 * (a - x) - 4 * b * x * (y - x * x), 2 * b * (y - x * x)]);
    }

    private static (double X, double Y) Point(Vector<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Count != 2) throw new ArgumentException($"p has length {p.Count} but the Rosenbrock function takes a point (x, y) of length 2.", nameof(p));
        return (p[0], p[1]);
    }
}
