using MLCourse.Clustering;

namespace MLCourse.Tests.Clustering;

public class AdjustedRandTests
{
    private const string File = "clustering.json";

    public static TheoryData<string> Cases => GoldenData.Names(File, "ari");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Equals_scikit_learns_adjusted_rand_score(string name)
    {
        var c = GoldenData.Case(File, name);

        var score = AdjustedRand.Score(GoldenData.Ints(c["labels_true"]), GoldenData.Ints(c["labels_pred"]));

        Assert.True(Math.Abs(score - GoldenData.Number(c["score"])) <= 1e-12, $"expected {GoldenData.Number(c["score"]):R}, got {score:R}");
    }

    [Fact]
    public void Is_one_for_the_same_partition_under_any_labels_and_symmetric()
    {
        int[] a = [0, 0, 1, 1, 2, 2, 2];
        int[] b = [0, 1, 1, 1, 2, 2, 0];

        Assert.Equal(1.0, AdjustedRand.Score(a, a.Select(v => 9 - 3 * v).ToArray()));
        Assert.Equal(1.0, AdjustedRand.Score([], []));
        Assert.Equal(AdjustedRand.Score(a, b), AdjustedRand.Score(b, a), 15);
    }

    [Fact]
    public void Rejects_labellings_of_different_lengths()
    {
        var e = Assert.Throws<ArgumentException>(() => AdjustedRand.Score([0, 1, 1], [0, 1]));

        Assert.Equal("labelsPred", e.ParamName);
        Assert.Contains("length 3", e.Message);
        Assert.Contains("length 2", e.Message);
    }
}
