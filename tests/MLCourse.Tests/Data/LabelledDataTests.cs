using MLCourse.Data;

namespace MLCourse.Tests.Data;

public class LabelledDataTests
{
    public static TheoryData<string> Datasets => GoldenData.Names("datasets.json");

    private static LabelledData Load(string name) => name switch
    {
        "iris" => Iris.Load(),
        "wine" => Wine.Load(),
        "breast_cancer" => BreastCancer.Load(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such dataset"),
    };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Equals_scikit_learns_bundled_copy(string name)
    {
        var c = GoldenData.Case("datasets.json", name);
        var data = Load(name);
        var rows = c["rows"]!.AsArray().Select(r => (int)r!).ToArray();

        Assert.Equal(c["feature_names"]!.AsArray().Select(n => (string)n!), data.FeatureNames);
        Assert.Equal(c["class_names"]!.AsArray().Select(n => (string)n!), data.ClassNames);
        Assert.Equal(c["class_counts"]!.AsArray().Select(n => (int)n!), data.ClassCounts);
        Assert.Equal(data.Y.Length, data.X.RowCount);
        GoldenData.AssertRelative(GoldenData.Vector(c["column_sums"]), data.X.ColumnSums(), 1e-13, "column sums");
        var xRows = GoldenData.Matrix(c["x_rows"]);
        for (var i = 0; i < rows.Length; i++)
        {
            GoldenData.AssertRelative(xRows.Row(i), data.X.Row(rows[i]), 0, $"row {rows[i]}");
            Assert.Equal((int)c["y_rows"]![i]!, data.Y[rows[i]]);
        }
    }

    [Fact]
    public void Each_load_returns_a_fresh_copy()
    {
        var first = Iris.Load();
        first.X[0, 0] = -1;
        first.Y[0] = 2;

        Assert.Equal(5.1, Iris.Load().X[0, 0]);
        Assert.Equal(0, Iris.Load().Y[0]);
    }

    [Fact]
    public void Rows_selects_samples_in_the_given_order_with_repeats()
    {
        var iris = Iris.Load();

        var picked = iris.Rows([149, 0, 0]);

        Assert.Equal(iris.X.Row(149), picked.X.Row(0));
        Assert.Equal(iris.X.Row(0), picked.X.Row(2));
        Assert.Equal([2, 0, 0], picked.Y);
        Assert.Equal(iris.FeatureNames, picked.FeatureNames);
        Assert.Equal("indices", Assert.Throws<ArgumentOutOfRangeException>(() => iris.Rows([150])).ParamName);
    }
}
