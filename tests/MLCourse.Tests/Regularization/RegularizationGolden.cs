using System.Text.Json.Nodes;
using MLCourse.Data;

namespace MLCourse.Tests.Regularization;

/// <summary>Access to Golden/regularization.json (scikit-learn 1.2): cases by kind, and each case's data set.</summary>
internal static class RegularizationGolden
{
    public const string File = "regularization.json";

    /// <summary>xUnit member data: the names of the cases of one kind (lasso, ridge, lasso_path, lars, diabetes).</summary>
    public static TheoryData<string> Names(string kind) => GoldenData.Names(File, kind);

    public static JsonObject Case(string name) => GoldenData.Case(File, name);

    public static JsonObject Single(string kind) => GoldenData.OfKind(File, kind).Single();

    /// <summary>The LARS (method='lasso') case on the scaled diabetes data: X, y, the knots α_k and the solution at each knot (p × knots).</summary>
    public static (Matrix<double> X, Vector<double> Y, Vector<double> Knots, Matrix<double> Coefs) Lars()
    {
        var c = Single("lars");
        var (x, y) = Data(c);
        return (x, y, GoldenData.Vector(c["alphas"]), GoldenData.Matrix(c["coefs"]));
    }

    /// <summary>Asserts a fitted model's coefficients and intercept against the case's <c>coef</c> and <c>intercept</c>.</summary>
    public static void AssertFit(JsonObject c, Vector<double> coefficients, double intercept, double relative)
    {
        GoldenData.AssertRelative(GoldenData.Vector(c["coef"]), coefficients, relative, "coef");
        GoldenData.AssertRelative(GoldenData.Number(c["intercept"]), intercept, relative, "intercept");
    }

    /// <summary>The case's X and y: the diabetes data from data/diabetes.csv, or the matrices stored in the case.</summary>
    public static (Matrix<double> X, Vector<double> Y) Data(JsonObject c) => (string)c["data"]! switch
    {
        "diabetes-scaled" => (Diabetes.LoadScaled().X, Diabetes.LoadScaled().Y),
        "diabetes-raw" => (Diabetes.Load().X, Diabetes.Load().Y),
        _ => (GoldenData.Matrix(c["x"]), GoldenData.Vector(c["y"])),
    };
}
