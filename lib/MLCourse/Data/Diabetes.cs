using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Data;

/// <summary>
/// The diabetes data of Efron, Hastie, Johnstone and Tibshirani (2004), "Least Angle Regression": 442 patients,
/// 10 baseline variables and a measure of disease progression one year later.
/// </summary>
/// <param name="X">The 442×10 feature matrix, columns in the order of <see cref="FeatureNames"/>.</param>
/// <param name="Y">The 442 targets (disease progression one year after baseline; integers 25 … 346).</param>
/// <param name="FeatureNames">age, sex, bmi, bp, s1 … s6.</param>
public sealed record DiabetesData(Matrix<double> X, Vector<double> Y, IReadOnlyList<string> FeatureNames);

/// <summary>
/// Loads <c>data/diabetes.csv</c> (see <c>data/README.md</c> for source, licence and column meanings), raw or scaled the
/// way scikit-learn's <c>load_diabetes()</c> returns it. Introduced in notebook 06 (L1 and L2 regularization).
/// </summary>
public static class Diabetes
{
    /// <summary>The file under <c>data/</c>.</summary>
    public const string FileName = "diabetes.csv";

    /// <summary>The ten feature names in column order: age, sex, bmi, bp and the six blood serum measurements s1 (tc),
    /// s2 (ldl), s3 (hdl), s4 (tch), s5 (ltg), s6 (glu).</summary>
    public static IReadOnlyList<string> FeatureNames { get; } = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"];

    /// <summary>The raw data, in the original units (scikit-learn's <c>load_diabetes(scaled=False)</c>).</summary>
    /// <exception cref="FileNotFoundException">data/diabetes.csv is missing.</exception>
    /// <exception cref="InvalidDataException">The file does not have the expected header, 11 numeric columns and 442 rows.</exception>
    public static DiabetesData Load()
    {
        var rows = Csv.Read(FileName, [.. FeatureNames, "target"], 442);
        var x = Matrix<double>.Build.Dense(rows.Length, 10, (i, j) => rows[i][j]);
        var y = Vector<double>.Build.Dense(rows.Length, i => rows[i][10]);
        return new DiabetesData(x, y, FeatureNames);
    }

    /// <summary>
    /// The data as scikit-learn's <c>load_diabetes()</c> returns it: every feature column centred and divided by its
    /// Euclidean norm (so each column has mean 0 and ‖x_j‖₂ = 1); the target is left raw.
    /// </summary>
    public static DiabetesData LoadScaled()
    {
        var raw = Load();
        return raw with { X = CenterAndNormalize(raw.X) };
    }

    /// <summary>
    /// Centres each column and scales it to unit Euclidean norm: (x_j − x̄_j)/‖x_j − x̄_j‖₂. This equals scikit-learn's
    /// <c>scale(x) / √n</c> (standardising with the population standard deviation, then dividing by √n). Returns a new matrix.
    /// </summary>
    /// <exception cref="ArgumentException">A column is constant (its centred norm is 0), so it cannot be scaled; the column is named.</exception>
    public static Matrix<double> CenterAndNormalize(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = x.Clone();
        for (var j = 0; j < x.ColumnCount; j++)
        {
            var centred = x.Column(j) - x.Column(j).Average();
            var norm = centred.L2Norm();
            if (norm == 0) throw new ArgumentException($"Column {j} of x is constant and cannot be scaled to unit norm.", nameof(x));
            result.SetColumn(j, centred / norm);
        }
        return result;
    }
}
