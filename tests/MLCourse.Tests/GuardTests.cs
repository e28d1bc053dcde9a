namespace MLCourse.Tests;

public class GuardTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Id_accepts_every_id_in_the_half_open_range(int id) => Guard.Id(id, 5, "word", "the tree's V");

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Id_rejects_an_id_outside_the_range_naming_the_argument_the_bound_and_where_it_comes_from(int id)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Id(id, 5, "word", "the tree's V"));

        Assert.Equal("word", e.ParamName);
        Assert.Equal(id, e.ActualValue);
        Assert.StartsWith($"word must be in [0, 5) (the tree's V), got {id}.", e.Message);
    }
}
