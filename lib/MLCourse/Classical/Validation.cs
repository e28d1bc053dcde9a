using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Classical;

/// <summary>Argument checks shared by the classical estimators and the trees (data matrices, targets, labels, sample weights).</summary>
internal static class Validation
{
    /// <summary>x is not null, has at least <paramref name="minimumRows"/> rows and only finite entries.</summary>
    public static void FiniteRows(Matrix<double> x, string name, int minimumRows)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.RowCount < minimumRows)
            throw new ArgumentException($"{name} is {Guard.Shape(x)} but needs at least {minimumRows} row{(minimumRows == 1 ? "" : "s")}.", name);
        if (x.Enumerate().Any(v => !double.IsFinite(v)))
            throw new ArgumentException($"{name} ({Guard.Shape(x)}) contains NaN or infinite entries.", name);
    }

    /// <summary>
    /// y has one label per row of x, every label is <paramref name="negative"/> or <paramref name="positive"/>, and both
    /// occur (a binary classifier needs samples of two classes, as scikit-learn requires).
    /// </summary>
    public static void BinaryLabels(Matrix<double> x, int[] y, string name, int negative, int positive)
    {
        Labels(x, y, name);
        for (var i = 0; i < y.Length; i++)
            if (y[i] != negative && y[i] != positive)
                throw new ArgumentException($"{name}[{i}] = {y[i]}: the labels must be {negative} or {positive}.", name);
        if (!y.Contains(negative) || !y.Contains(positive))
            throw new ArgumentException($"{name} holds only the label {y[0]}: a binary classifier needs samples of both classes ({negative} and {positive}).", name);
    }

    /// <summary>y is not null and has one label per row of x.</summary>
    public static void Labels(Matrix<double> x, int[] y, string name)
    {
        ArgumentNullException.ThrowIfNull(y, name);
        if (y.Length != x.RowCount)
            throw new ArgumentException($"x is {Guard.Shape(x)} but {name} has length {y.Length}: {name} needs one label per row of x ({x.RowCount}).", name);
    }

    /// <summary>y is not null, has one target per row of x and only finite entries.</summary>
    public static void Targets(Matrix<double> x, Vector<double> y, string name)
    {
        ArgumentNullException.ThrowIfNull(y, name);
        if (y.Count != x.RowCount)
            throw new ArgumentException($"x is {Guard.Shape(x)} but {name} has length {y.Count}: {name} needs one target per row of x ({x.RowCount}).", name);
        for (var i = 0; i < y.Count; i++)
            if (!double.IsFinite(y[i]))
                throw new ArgumentException($"{name}[{i}] = {y[i]}: the targets must be finite.", name);
    }

    /// <summary>
    /// The sample weights to use: all 1 when <paramref name="sampleWeight"/> is null, otherwise a copy of it after checking it has
    /// one finite weight ≥ 0 per row of x and is not 0 everywhere.
    /// </summary>
    public static Vector<double> SampleWeights(Matrix<double> x, Vector<double>? sampleWeight, string name)
    {
        if (sampleWeight is null) return Vector<double>.Build.Dense(x.RowCount, 1.0);
        if (sampleWeight.Count != x.RowCount)
            throw new ArgumentException(
                $"x is {Guard.Shape(x)} but {name} has length {sampleWeight.Count}: it needs one weight per row of x ({x.RowCount}).", name);
        for (var i = 0; i < sampleWeight.Count; i++)
            if (!(sampleWeight[i] >= 0) || double.IsPositiveInfinity(sampleWeight[i]))
                throw new ArgumentException($"{name}[{i}] = {sampleWeight[i]}: weights must be finite numbers ≥ 0.", name);
        if (sampleWeight.All(v => v == 0))
            throw new ArgumentException($"{name} is 0 everywhere: at least one sample must count.", name);
        return sampleWeight.Clone();
    }
}
