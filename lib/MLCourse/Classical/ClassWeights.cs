using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Classical;

/// <summary>
/// Class weights given as sample weights, as scikit-learn's <c>class_weight</c> parameters use them. Introduced in notebook 15
/// (a tree on imbalanced data); notebook 23 uses them for imbalanced data in general.
/// </summary>
public static class ClassWeights
{
    /// <summary>
    /// scikit-learn's <c>class_weight="balanced"</c> (<c>compute_sample_weight("balanced", y)</c>): sample i gets
    /// n/(k·n_{yᵢ}) for n samples, k distinct classes and n_c samples of class c, so every class has total weight n/k and
    /// the weighted classes are balanced. With 98% negatives and 2% positives: 0.5102 and 25.
    /// </summary>
    /// <exception cref="ArgumentException">y null or empty (ParamName <c>y</c>).</exception>
    public static Vector<double> Balanced(int[] y)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Length == 0) throw new ArgumentException("y is empty: give at least one label.", nameof(y));
        var counts = y.GroupBy(label => label).ToDictionary(g => g.Key, g => g.Count());
        return Vector<double>.Build.Dense(y.Length, i => (double)y.Length / (counts.Count * counts[y[i]]));
    }
}
