using System.Text.Json.Nodes;
using MLCourse.Classical;
using MLCourse.Data;

namespace MLCourse.Tests.Classical;

/// <summary>Access to Golden/classical.json (scikit-learn 1.2): cases by kind, each case's data, and norm-relative comparisons.</summary>
internal static class ClassicalGolden
{
    public const string File = "classical.json";

    /// <summary>xUnit member data: the names of the cases of one kind (pca, scaler, logistic, svm, kernel).</summary>
    public static TheoryData<string> Names(string kind) => GoldenData.Names(File, kind);

    public static JsonObject Case(string name) => GoldenData.Case(File, name);

    /// <summary>The case's x: a named dataset from data/ (standardised with StandardScaler when the name says so), or the stored matrix.</summary>
    public static Matrix<double> X(JsonObject c) => (string)c["data"]! switch
    {
        "wine" => Wine.Load().X,
        "iris" => Iris.Load().X,
        "wine-standardised" => Standardised(Wine.Load().X),
        "breast_cancer-standardised" => Standardised(BreastCancer.Load().X),
        "breast_cancer" => BreastCancer.Load().X,
        _ => GoldenData.Matrix(c["x"]),
    };

    /// <summary>max|actual − expected| ≤ relative·max|expected|: for results whose small entries carry the rounding of the large ones.</summary>
    public static void AssertNormRelative(Vector<double> expected, Vector<double> actual, double relative, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        var error = (actual - expected).InfinityNorm();
        Assert.True(error <= relative * expected.InfinityNorm(),
            $"{what}: max |difference| = {error:E2} > {relative:E0} × max |expected| = {expected.InfinityNorm():G6}");
    }

    /// <inheritdoc cref="AssertNormRelative(Vector{double}, Vector{double}, double, string)"/>
    public static void AssertNormRelative(Matrix<double> expected, Matrix<double> actual, double relative, string what)
    {
        Assert.Equal((expected.RowCount, expected.ColumnCount), (actual.RowCount, actual.ColumnCount));
        AssertNormRelative(Vector<double>.Build.DenseOfArray(expected.ToColumnMajorArray()),
            Vector<double>.Build.DenseOfArray(actual.ToColumnMajorArray()), relative, what);
    }

    private static Matrix<double> Standardised(Matrix<double> x) => new StandardScaler().Fit(x).Transform(x);
}
