using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Numerics;

/// <summary>Conversions that keep notebook cells short. Introduced in notebook 01.</summary>
public static class VectorExtensions
{
    /// <summary>A dense vector holding <paramref name="values"/> in order (e.g. <c>xs.Select(f).ToVector()</c>).</summary>
    public static Vector<double> ToVector(this IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Vector<double>.Build.DenseOfEnumerable(values);
    }
}
