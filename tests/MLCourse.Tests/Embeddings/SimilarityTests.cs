using MLCourse.Embeddings;

namespace MLCourse.Tests.Embeddings;

public class SimilarityTests
{
    private const string File = "word2vec.json";

    public static TheoryData<string> CosineCases => GoldenData.Names(File, "cosine");

    [Theory]
    [MemberData(nameof(CosineCases))]
    public void Cosine_matches_PyTorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (a, b) = (GoldenData.Vector(c["a"]), GoldenData.Vector(c["b"]));

        GoldenData.AssertRelative(GoldenData.Number(c["cosine"]), Similarity.Cosine(a, b), 1e-9, name);
        GoldenData.AssertRelative(GoldenData.Number(c["cosine"]), Similarity.Cosines(Matrix<double>.Build.DenseOfRowVectors(a, b), [(0, 1)])[0], 1e-9, name);
    }

    [Fact]
    public void Nearest_ranks_by_cosine_leaves_the_row_out_and_breaks_ties_by_index()
    {
        var vectors = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0 }, { 2, 0.1 }, { 0, 1 }, { -1, 0 }, { 3, 0.3 }, { 5, 0 } });

        var nearest = Similarity.Nearest(vectors, 0, 5);

        Assert.Equal(new[] { 5, 1, 4, 2, 3 }, nearest.Select(n => n.Index));
        Assert.Equal(1.0, nearest[0].Cosine, 15);
        Assert.Equal(-1.0, nearest[^1].Cosine, 15);
        Assert.Equal(Similarity.Cosine(vectors.Row(0), vectors.Row(1)), nearest[1].Cosine, 15);
        Assert.Equal(new[] { 2, 4, 1, 0, 5 }, Similarity.Nearest(vectors, 3, 5).Select(n => n.Index));   // rows 0 and 5 tie at −1
    }

    [Fact]
    public void Invalid_arguments_are_rejected_by_name()
    {
        var vectors = Matrix<double>.Build.Dense(3, 2, 1.0);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Similarity.Cosine(Vector<double>.Build.Dense(2), Vector<double>.Build.Dense(3))).ParamName);
        var pair = Assert.Throws<ArgumentOutOfRangeException>(() => Similarity.Cosines(vectors, [(0, 1), (2, 3)]));
        Assert.Equal("pairs", pair.ParamName);
        Assert.Contains("pairs[1]", pair.Message);
        Assert.Contains("3×2", pair.Message);
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => Similarity.Nearest(vectors, 3, 1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Similarity.Nearest(vectors, 0, 3)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Similarity.Nearest(vectors, 0, 0)).ParamName);
    }
}
