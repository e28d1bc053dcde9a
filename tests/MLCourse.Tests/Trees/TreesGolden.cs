using System.Text.Json.Nodes;
using MLCourse.Data;

namespace MLCourse.Tests.Trees;

/// <summary>Access to Golden/trees.json (scikit-learn 1.2 and brute-force second-order values): cases by kind and their data.</summary>
internal static class TreesGolden
{
    public const string File = "trees.json";

    public static TheoryData<string> Names(string kind) => GoldenData.Names(File, kind);

    public static JsonObject Case(string name) => GoldenData.Case(File, name);

    /// <summary>
    /// The case's whole data set (x and y), loaded from data/ for named sets (rounded to float32 when the name says so, as
    /// scikit-learn's trees see it) or read from the case of kind "dataset" of that name.
    /// </summary>
    private static (Matrix<double> X, Vector<double> Y) Data(JsonObject c) => Named((string)c["data"]!);

    private static (Matrix<double> X, Vector<double> Y) Named(string name) => name switch
    {
        "diabetes" => (Diabetes.Load().X, Diabetes.Load().Y),
        "diabetes-float32" => (Float32(Diabetes.Load().X), Diabetes.Load().Y),
        "breast_cancer-float32" => Float32(BreastCancer.Load()),
        "iris-float32" => Float32(Iris.Load()),
        "wine-float32" => Float32(Wine.Load()),
        _ => Stored(Case(name)),
    };

    /// <summary>A case of kind "dataset": x and y, or a named set with its rows reordered.</summary>
    private static (Matrix<double> X, Vector<double> Y) Stored(JsonObject dataset)
    {
        if (dataset["x"] is { } x) return (GoldenData.Matrix(x), GoldenData.Vector(dataset["y"]));
        var (all, y) = Named((string)dataset["data"]!);
        var rows = GoldenData.Ints(dataset["rows"]);
        return (Matrix<double>.Build.DenseOfRowVectors(rows.Select(all.Row)), Vector<double>.Build.Dense(rows.Length, i => y[rows[i]]));
    }

    /// <summary>A golden case with its data split into the first <c>train_rows</c> rows (and their targets) and the rest.</summary>
    public static (JsonObject Case, Matrix<double> Train, Vector<double> YTrain, Matrix<double> HeldOut) Load(string name)
    {
        var c = Case(name);
        var (x, y) = Data(c);
        var rows = (int)c["train_rows"]!;
        return (c, x.SubMatrix(0, rows, 0, x.ColumnCount), y.SubVector(0, rows), x.SubMatrix(rows, x.RowCount - rows, 0, x.ColumnCount));
    }

    /// <summary>Each entry rounded to the nearest float32, as scikit-learn's trees store x.</summary>
    public static Matrix<double> Float32(Matrix<double> x) => x.Map(v => (double)(float)v);

    public static int[] Ints(Vector<double> labels) => labels.Select(v => (int)v).ToArray();

    /// <summary>The stored node arrays of a tree, compared with a fitted one node by node.</summary>
    public static void AssertNodes(JsonObject nodes, IReadOnlyList<MLCourse.Trees.TreeNode> actual, double relative)
    {
        var feature = GoldenData.Ints(nodes["feature"]);
        Assert.Equal(feature.Length, actual.Count);
        var (threshold, weight, impurity) = (GoldenData.Vector(nodes["threshold"]), GoldenData.Vector(nodes["weight"]), GoldenData.Vector(nodes["impurity"]));
        var value = GoldenData.Matrix(nodes["value"]);
        var (left, right, samples) = (GoldenData.Ints(nodes["left"]), GoldenData.Ints(nodes["right"]), GoldenData.Ints(nodes["samples"]));
        for (var i = 0; i < actual.Count; i++)
        {
            var node = actual[i];
            Assert.Equal((Math.Max(feature[i], -1), left[i], right[i], samples[i]), (node.Feature, node.Left, node.Right, node.Samples));
            GoldenData.AssertRelative(threshold[i], node.Threshold, 0, $"threshold of node {i}");   // float32 data: the same midpoint, bit for bit
            GoldenData.AssertRelative(weight[i], node.Weight, relative, $"weight of node {i}");
            // Σwy²/W − ȳ² loses digits to cancellation in small nodes: compare on the scale of the root's impurity.
            Assert.True(Math.Abs(node.Impurity - impurity[i]) <= relative * impurity[0], $"impurity of node {i}: expected {impurity[i]:R}, got {node.Impurity:R}");
            GoldenData.AssertRelative(value.Row(i), Vector<double>.Build.DenseOfEnumerable(node.Value), relative, $"value of node {i}");
        }
    }

    private static (Matrix<double> X, Vector<double> Y) Float32(LabelledData data) => (Float32(data.X), Vector<double>.Build.Dense(data.Y.Length, i => data.Y[i]));
}
