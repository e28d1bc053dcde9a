using MLCourse.Clustering;

namespace MLCourse.Tests.Clustering;

public class SilhouetteTests
{
    private const string File = "clustering.json";

    public static TheoryData<string> Cases => GoldenData.Names(File, "silhouette");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Equals_scikit_learns_silhouette(string name)
    {
        var c = GoldenData.Case(File, name);
        var (x, labels) = (GoldenData.Matrix(c["x"]), GoldenData.Ints(c["labels"]));

        GoldenData.AssertRelative(GoldenData.Number(c["score"]), Silhouette.Score(x, labels), 1e-9, "score");
        var expected = GoldenData.Vector(c["samples"]);
        var actual = Silhouette.Samples(x, labels);
        for (var i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-9 * Math.Max(1, Math.Abs(expected[i])), $"s({i}): expected {expected[i]:R}, got {actual[i]:R}");
    }

    [Fact]
    public void Singletons_score_zero_and_a_point_closer_to_another_cluster_scores_negative()
    {
        var x = Matrix<double>.Build.DenseOfColumnArrays([0.0, 1, 2, 10]);

        var s = Silhouette.Samples(x, [0, 0, 1, 2]);

        Assert.Equal(0, s[2]);
        Assert.Equal(0, s[3]);
        Assert.Equal((1 - 1) / 1.0, s[1]);   // a = 1 (to 0), b = 1 (to 2)
        Assert.Equal((1.5 - 10) / 10, Silhouette.Samples(x, [0, 1, 1, 0])[0], 15);   // with 10 (a = 10), nearer 1 and 2 (b = 1.5)
    }

    [Fact]
    public void Rejects_labels_of_the_wrong_length_or_with_too_few_or_too_many_clusters()
    {
        var x = Matrix<double>.Build.DenseOfColumnArrays([0.0, 1, 2, 3]);

        var length = Assert.Throws<ArgumentException>(() => Silhouette.Score(x, [0, 1, 1]));
        Assert.Equal("labels", length.ParamName);
        Assert.Contains("4×1", length.Message);
        Assert.Contains("length 3", length.Message);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Silhouette.Score(x, [5, 5, 5, 5])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Silhouette.Score(x, [0, 1, 2, 3])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentNullException>(() => Silhouette.Score(x, null!)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Silhouette.Score(Matrix<double>.Build.DenseOfColumnArrays([0.0, double.NaN, 1]), [0, 1, 1])).ParamName);
    }
}
