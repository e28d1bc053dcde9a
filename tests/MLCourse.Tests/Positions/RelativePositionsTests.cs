using MLCourse.Positions;

namespace MLCourse.Tests.Positions;

public class RelativePositionsTests
{
    public static TheoryData<string> ClipCases => PositionsGolden.Names("clipped");

    [Theory]
    [MemberData(nameof(ClipCases))]
    public void Clipped_matches_torch_clamp(string name)
    {
        var c = PositionsGolden.Case(name);
        var expected = c["indices"]!.AsArray().Select(GoldenData.Ints).ToArray();
        var r = RelativePositions.Clipped((int)c["queries"]!, (int)c["keys"]!, (int)c["min"]!, (int)c["max"]!);

        Assert.Equal((expected.Length, expected[0].Length), (r.GetLength(0), r.GetLength(1)));
        for (var i = 0; i < expected.Length; i++)
            for (var j = 0; j < expected[i].Length; j++)
                Assert.Equal(expected[i][j], r[i, j]);
    }

    public static TheoryData<string> ShawCases => PositionsGolden.Names("shaw");

    [Theory]
    [MemberData(nameof(ShawCases))]
    public void Scores_match_the_einsum_reference(string name)
    {
        var c = PositionsGolden.Case(name);
        var scores = RelativePositions.Scores(GoldenData.Matrix(c["q"]), GoldenData.Matrix(c["k"]), GoldenData.Matrix(c["table"]), (int)c["maxDistance"]!);

        GoldenData.AssertRelative(GoldenData.Matrix(c["scores"]), scores, 1e-9, "scores");
    }

    [Theory]
    [InlineData(2, 8)]
    [InlineData(0, 5)]
    [InlineData(16, 600)]
    public void A_long_enough_sequence_uses_exactly_2k_plus_1_distances(int k, int length)
    {
        var r = RelativePositions.Clipped(length, length, k);

        Assert.Equal(2 * k + 1, r.Cast<int>().Distinct().Count());
        Assert.Equal(2 * k + 1, RelativePositions.Count(-k, k));
        Assert.Equal(-k, r.Cast<int>().Min());
        Assert.Equal(k, r.Cast<int>().Max());
    }

    [Fact]
    public void Asymmetric_clipping_uses_max_minus_min_plus_1_distances()
    {
        Assert.Equal(6, RelativePositions.Clipped(10, 10, -3, 2).Cast<int>().Distinct().Count());
        Assert.Equal(6, RelativePositions.Count(-3, 2));
        Assert.Equal(1, RelativePositions.Count(4, 4));
    }

    [Fact]
    public void Clipping_zero_gives_a_single_distance_and_scores_with_a_shared_vector()
    {
        var random = Rng.Create(4);
        var (q, k, table) = (Rng.StandardNormal(3, 2, random), Rng.StandardNormal(4, 2, random), Rng.StandardNormal(1, 2, random));
        var shifted = k + Matrix<double>.Build.Dense(4, 2, (_, j) => table[0, j]);

        Assert.True((RelativePositions.Scores(q, k, table, 0) - MLCourse.Attention.ScaledDotProductAttention.Scores(q, shifted)).Enumerate().Max(Math.Abs) < 1e-14);
    }

    [Fact]
    public void Invalid_arguments_are_named_with_shapes()
    {
        Assert.Equal("queries", Assert.Throws<ArgumentOutOfRangeException>(() => RelativePositions.Clipped(0, 3, 1)).ParamName);
        Assert.Equal("keys", Assert.Throws<ArgumentOutOfRangeException>(() => RelativePositions.Clipped(3, 0, 1)).ParamName);
        Assert.Equal("maxDistance", Assert.Throws<ArgumentOutOfRangeException>(() => RelativePositions.Clipped(3, 3, -1)).ParamName);
        Assert.Equal("minDistance", Assert.Throws<ArgumentOutOfRangeException>(() => RelativePositions.Clipped(3, 3, 2, 1)).ParamName);
        Assert.Equal("minDistance", Assert.Throws<ArgumentOutOfRangeException>(() => RelativePositions.Count(2, 1)).ParamName);

        var (q, k) = (Matrix<double>.Build.Dense(3, 4), Matrix<double>.Build.Dense(5, 4));
        var e = Assert.Throws<ArgumentException>(() => RelativePositions.Scores(q, k, Matrix<double>.Build.Dense(4, 4), 2));
        Assert.Equal("table", e.ParamName);
        Assert.Contains("table is 4×4 but must be (2·maxDistance + 1)×d_k = 5×4", e.Message);
        var width = Assert.Throws<ArgumentException>(() => RelativePositions.Scores(q, k, Matrix<double>.Build.Dense(5, 3), 2));
        Assert.Contains("table is 5×3", width.Message);
        Assert.Equal("maxDistance", Assert.Throws<ArgumentOutOfRangeException>(() => RelativePositions.Scores(q, k, Matrix<double>.Build.Dense(5, 4), -1)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentException>(() => RelativePositions.Scores(q, Matrix<double>.Build.Dense(5, 2), Matrix<double>.Build.Dense(5, 4), 2)).ParamName);
    }
}
