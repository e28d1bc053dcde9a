using MLCourse.Data;
using MLCourse.Tests.Regularization;

namespace MLCourse.Tests.Data;

public class DiabetesTests
{
    [Fact]
    public void Loads_442_patients_with_10_named_features()
    {
        var (x, y, names) = Diabetes.Load();

        Assert.Equal((442, 10), (x.RowCount, x.ColumnCount));
        Assert.Equal(442, y.Count);
        Assert.Equal(new[] { "age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6" }, names);
        Assert.Equal(new[] { 59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87 }, x.Row(0).ToArray());
        Assert.Equal(151.0, y[0]);
        Assert.Equal(57.0, y[441]);
    }

    [Fact]
    public void Raw_and_scaled_data_match_scikit_learn()
    {
        var c = RegularizationGolden.Single("diabetes");
        var raw = Diabetes.Load();
        var scaled = Diabetes.LoadScaled();
        var rows = c["rows"]!.AsArray().Select(r => (int)r!).ToArray();
        var (rawRows, scaledRows) = (GoldenData.Matrix(c["raw_rows"]), GoldenData.Matrix(c["scaled_rows"]));

        for (var i = 0; i < rows.Length; i++)
        {
            GoldenData.AssertRelative(rawRows.Row(i), raw.X.Row(rows[i]), 0, $"raw row {rows[i]}");
            GoldenData.AssertRelative(scaledRows.Row(i), scaled.X.Row(rows[i]), 1e-12, $"scaled row {rows[i]}");
        }
        GoldenData.AssertRelative(GoldenData.Vector(c["target_rows"]), rows.Select(i => scaled.Y[i]).ToVector(), 0, "target");
        GoldenData.AssertRelative(GoldenData.Vector(c["raw_means"]), raw.X.ColumnSums() / 442, 1e-14, "raw column means");
        Assert.Equal(raw.Y, scaled.Y);
    }

    [Fact]
    public void Scaled_columns_have_mean_0_and_unit_norm()
    {
        var x = Diabetes.LoadScaled().X;

        for (var j = 0; j < 10; j++)
        {
            Assert.Equal(0.0, x.Column(j).Average(), 15);
            Assert.Equal(1.0, x.Column(j).L2Norm(), 14);
        }
    }

    [Fact]
    public void A_constant_column_cannot_be_normalised()
    {
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(3, 2, (i, j) => j == 0 ? i : 4.0);

        var e = Assert.Throws<ArgumentException>(() => Diabetes.CenterAndNormalize(x));

        Assert.Equal("x", e.ParamName);
        Assert.Contains("Column 1", e.Message);
    }

    [Fact]
    public void The_file_is_found_through_DataFiles()
    {
        Assert.EndsWith(Path.Combine("data", Diabetes.FileName), DataFiles.Path(Diabetes.FileName));
    }
}
