using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Classical;

/// <summary>Argument checks shared by the classical estimators (data matrices and binary labels).</summary>
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
        ArgumentNullException.ThrowIfNull(y, name);
        if (y.Length != x.RowCount)
            throw new ArgumentException($"x is {Guard.Shape(x)} but {name} has length {y.Length}: {name} needs one label per row of x ({x.RowCount}).", name);
        for (var i = 0; i < y.Length; i++)
            if (y[i] != negative && y[i] != positive)
                throw new ArgumentException($"{name}[{i}] = {y[i]}: the labels must be {negative} or {positive}.", name);
        if (!y.Contains(negative) || !y.Contains(positive))
            throw new ArgumentException($"{name} holds only the label {y[0]}: a binary classifier needs samples of both classes ({negative} and {positive}).", name);
    }
}
