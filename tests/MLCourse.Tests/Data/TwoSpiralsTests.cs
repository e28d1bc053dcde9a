using MLCourse.Data;

namespace MLCourse.Tests.Data;

public class TwoSpiralsTests
{
    [Fact]
    public void Gives_two_interleaved_arms_one_the_other_turned_by_180_degrees()
    {
        var data = TwoSpirals.Generate(200, Rng.Create(1), noise: 0);

        Assert.Equal((200, 2), (data.X.RowCount, data.X.ColumnCount));
        Assert.Equal([100, 100], data.ClassCounts);
        for (var i = 0; i < 200; i += 2) Assert.Equal(-data.X.Row(i), data.X.Row(i + 1));
        Assert.All(Enumerable.Range(0, 200), i => Assert.InRange(data.X.Row(i).L2Norm(), 0, 1));
        Assert.True(Enumerable.Range(0, 100).Max(i => data.X.Row(2 * i).L2Norm()) > 0.9);
    }

    [Fact]
    public void Is_deterministic_for_a_seed_and_validates_its_arguments()
    {
        Assert.Equal(TwoSpirals.Generate(10, Rng.Create(3)).X, TwoSpirals.Generate(10, Rng.Create(3)).X);
        Assert.Equal("n", Assert.Throws<ArgumentException>(() => TwoSpirals.Generate(7, Rng.Create(1))).ParamName);
        Assert.Equal("noise", Assert.Throws<ArgumentOutOfRangeException>(() => TwoSpirals.Generate(8, Rng.Create(1), noise: -1)).ParamName);
    }
}
