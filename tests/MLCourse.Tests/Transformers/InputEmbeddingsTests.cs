using MLCourse.Transformers;

namespace MLCourse.Tests.Transformers;

public class InputEmbeddingsTests
{
    public static TheoryData<string> Cases => TransformerGolden.Names("embeddings");

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_sum_of_the_three_lookups_matches_pytorch(string name)
    {
        var c = TransformerGolden.Case(name);
        var embeddings = new InputEmbeddings(GoldenData.Matrix(c["word"]), GoldenData.Matrix(c["token_type"]), GoldenData.Matrix(c["position"]));
        var tokens = GoldenData.Ints(c["tokens"]);
        var segments = GoldenData.Ints(c["segments"]);

        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), embeddings.Compute(tokens, segments), 1e-12, "embeddings");
    }

    [Fact]
    public void The_sum_is_a_linear_layer_on_concatenated_one_hots()
    {
        var e = InputEmbeddings.Random(vocabularySize: 9, segmentTypes: 2, maxPositions: 6, hiddenSize: 4, Rng.Create(2));
        int[] tokens = [3, 8, 0, 3], segments = [0, 0, 1, 1];
        var oneHots = Matrix<double>.Build.Dense(4, 9 + 2 + 6, (i, j) => j == tokens[i] || j == 9 + segments[i] || j == 11 + i ? 1 : 0);
        var stacked = e.Word.Stack(e.TokenType).Stack(e.Position);

        var difference = (oneHots * stacked - e.Compute(tokens, segments)).Enumerate().Max(Math.Abs);

        Assert.True(difference < 1e-15, $"max difference {difference}");
    }

    [Fact]
    public void Random_tables_have_the_requested_shapes_and_spread()
    {
        var e = InputEmbeddings.Random(300, 2, 64, 32, Rng.Create(7));

        Assert.Equal((300, 2, 64, 32), (e.VocabularySize, e.SegmentTypes, e.MaxPositions, e.HiddenSize));
        var std = Math.Sqrt(e.Word.Enumerate().Select(x => x * x).Average());
        Assert.InRange(std, 0.019, 0.021);
    }

    [Fact]
    public void Sequences_longer_than_the_position_table_are_rejected_whatever_the_vocabulary()
    {
        var e = InputEmbeddings.Random(1000, 2, 8, 2, Rng.Create(1));
        var nine = Enumerable.Repeat(999, 9).ToArray();

        var error = Assert.Throws<ArgumentException>(() => e.Compute(nine, new int[9]));

        Assert.Equal("tokenIds", error.ParamName);
        Assert.Contains("9 tokens but the position table has only 8 rows", error.Message);
        Assert.Equal(8, e.Compute(nine[..8], new int[8]).RowCount);
    }

    [Fact]
    public void Invalid_ids_and_shapes_are_named()
    {
        var e = InputEmbeddings.Random(5, 2, 8, 3, Rng.Create(1));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => e.Compute([1, 5], [0, 0]));
        Assert.Equal("tokenIds", error.ParamName);
        Assert.Contains("tokenIds[1] = 5 is not in [0, 5)", error.Message);
        Assert.Equal("segmentIds", Assert.Throws<ArgumentOutOfRangeException>(() => e.Compute([1, 2], [0, 2])).ParamName);
        Assert.Contains("3 ids but segmentIds has 2", Assert.Throws<ArgumentException>(() => e.Compute([1, 2, 3], [0, 0])).Message);
        Assert.Equal("tokenIds", Assert.Throws<ArgumentException>(() => e.Compute([], [])).ParamName);
        var shape = Assert.Throws<ArgumentException>(() => new InputEmbeddings(Matrix<double>.Build.Dense(5, 3), Matrix<double>.Build.Dense(2, 4), Matrix<double>.Build.Dense(8, 3)));
        Assert.Equal("tokenType", shape.ParamName);
        Assert.Contains("tokenType is 2×4 but must have 3 columns", shape.Message);
        Assert.Equal("position", Assert.Throws<ArgumentException>(() => new InputEmbeddings(Matrix<double>.Build.Dense(5, 3), Matrix<double>.Build.Dense(2, 3), Matrix<double>.Build.Dense(8, 2))).ParamName);
        Assert.Equal("std", Assert.Throws<ArgumentOutOfRangeException>(() => InputEmbeddings.Random(5, 2, 8, 3, Rng.Create(1), 0)).ParamName);
        Assert.Equal("hiddenSize", Assert.Throws<ArgumentOutOfRangeException>(() => InputEmbeddings.Random(5, 2, 8, 0, Rng.Create(1))).ParamName);
    }
}
