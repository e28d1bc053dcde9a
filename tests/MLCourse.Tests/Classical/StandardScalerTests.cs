using MLCourse.Classical;

namespace MLCourse.Tests.Classical;

public class StandardScalerTests
{
    public static TheoryData<string> Cases => ClassicalGolden.Names("scaler");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scikit_learn(string name)
    {
        var c = ClassicalGolden.Case(name);
        var x = ClassicalGolden.X(c);

        var scaler = new StandardScaler().Fit(x);

        GoldenData.AssertRelative(GoldenData.Vector(c["mean"]), scaler.Mean, 1e-13, "mean");
        GoldenData.AssertRelative(GoldenData.Vector(c["scale"]), scaler.Scale, 1e-12, "scale");
        ClassicalGolden.AssertNormRelative(GoldenData.Matrix(c["transform_rows"]), scaler.Transform(x.SubMatrix(0, 5, 0, x.ColumnCount)), 1e-12, "transform");
    }

    [Fact]
    public void Standardised_columns_have_mean_0_and_population_variance_1_and_a_constant_column_is_only_centred()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 5 }, { 2, 5 }, { 6, 5 } });

        var z = new StandardScaler().Fit(x).Transform(x);

        Assert.Equal(0, z.Column(0).Sum(), 14);
        Assert.Equal(1, z.Column(0).DotProduct(z.Column(0)) / 3, 14);
        Assert.Equal(new[] { 0.0, 0, 0 }, z.Column(1).ToArray());
    }

    [Fact]
    public void Invalid_input_is_rejected()
    {
        var scaler = new StandardScaler();

        Assert.Throws<InvalidOperationException>(() => scaler.Transform(Matrix<double>.Build.Dense(2, 2)));
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => scaler.Fit(Matrix<double>.Build.Dense(0, 2))).ParamName);
        scaler.Fit(Matrix<double>.Build.Dense(3, 2, (i, j) => i + j));
        var e = Assert.Throws<ArgumentException>(() => scaler.Transform(Matrix<double>.Build.Dense(3, 4)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("3×4", e.Message);
    }
}
