using MathNet.Numerics.Statistics;
using MLCourse.Positions;

namespace MLCourse.Tests.Positions;

public class LearnedPositionEmbeddingTests
{
    [Fact]
    public void Lookup_returns_the_row_and_Encoding_the_first_rows()
    {
        var table = Matrix<double>.Build.Dense(4, 3, (i, j) => 10 * i + j);
        var embedding = new LearnedPositionEmbedding(table);

        Assert.Equal((4, 3), (embedding.MaxPositions, embedding.Dimension));
        Assert.Equal(new double[] { 20, 21, 22 }, embedding.Lookup(2).ToArray());
        Assert.Equal(table.SubMatrix(0, 3, 0, 3), embedding.Encoding(3));
        Assert.Equal(table, embedding.Encoding(4));
        Assert.Equal(0, embedding.Encoding(0).RowCount);
    }

    [Fact]
    public void The_table_is_copied_in_and_out()
    {
        var table = Matrix<double>.Build.Dense(2, 2, 1.0);
        var embedding = new LearnedPositionEmbedding(table);
        table[0, 0] = 99;
        embedding.Table[1, 1] = 99;

        Assert.Equal(1.0, embedding.Lookup(0)[0]);
        Assert.Equal(1.0, embedding.Lookup(1)[1]);
    }

    [Fact]
    public void Positions_beyond_the_table_have_no_row()
    {
        var bert = LearnedPositionEmbedding.Initialize(512, 8, Rng.Create(1));

        Assert.Equal(8, bert.Lookup(511).Count);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => bert.Lookup(600));
        Assert.Equal("position", e.ParamName);
        Assert.Contains("no row for position 600", e.Message);
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => bert.Lookup(512)).ParamName);
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => bert.Lookup(-1)).ParamName);
        var length = Assert.Throws<ArgumentOutOfRangeException>(() => bert.Encoding(513));
        Assert.Equal("length", length.ParamName);
        Assert.Contains("512 positions", length.Message);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => bert.Encoding(-1)).ParamName);
    }

    [Fact]
    public void Initialize_draws_N_0_sigma_squared_entries()
    {
        var table = LearnedPositionEmbedding.Initialize(400, 50, Rng.Create(2), 0.02).Table;
        var entries = table.Enumerate().ToArray();

        // 20000 entries: the sample standard deviation has relative s.e. ≈ 1/√(2·20000) = 0.5%; allow 4 s.e.
        Assert.InRange(entries.StandardDeviation(), 0.02 * 0.98, 0.02 * 1.02);
        Assert.InRange(Math.Abs(entries.Mean()), 0, 4 * 0.02 / Math.Sqrt(entries.Length));
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        Assert.Equal("maxPositions", Assert.Throws<ArgumentOutOfRangeException>(() => LearnedPositionEmbedding.Initialize(0, 4, Rng.Create(1))).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => LearnedPositionEmbedding.Initialize(4, 0, Rng.Create(1))).ParamName);
        Assert.Equal("standardDeviation", Assert.Throws<ArgumentOutOfRangeException>(() => LearnedPositionEmbedding.Initialize(4, 4, Rng.Create(1), 0)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => LearnedPositionEmbedding.Initialize(4, 4, null!)).ParamName);
        var empty = Assert.Throws<ArgumentException>(() => new LearnedPositionEmbedding(Matrix<double>.Build.Dense(0, 3)));
        Assert.Equal("table", empty.ParamName);
        Assert.Contains("table is 0×3", empty.Message);
    }
}
