using Microsoft.Data.Analysis;
using MLCourse.Notebook;

namespace MLCourse.Tests.Notebook;

public class TablesTests
{
    [Fact]
    public void Of_builds_one_numeric_column_per_pair()
    {
        var table = Tables.Of(("x", [1.0, 2]), ("y", [3.0, 4]));

        Assert.Equal(["x", "y"], table.Columns.Select(c => c.Name));
        Assert.Equal(4.0, table.Columns["y"][1]);
    }

    [Fact]
    public void Labelled_puts_a_text_column_first()
    {
        var table = Tables.Labelled("norm", ["BN", "LN"], ("groups", [4.0, 2]), ("size", [18.0, 36]));

        Assert.Equal(["norm", "groups", "size"], table.Columns.Select(c => c.Name));
        Assert.IsType<StringDataFrameColumn>(table.Columns[0]);
        Assert.Equal("LN", table.Columns["norm"][1]);
        Assert.Equal(36.0, table.Columns["size"][1]);
    }

    [Fact]
    public void Labelled_needs_one_label_per_row()
    {
        var e = Assert.Throws<ArgumentException>(() => Tables.Labelled("norm", ["BN"], ("groups", [4.0, 2])));

        Assert.Equal("labels", e.ParamName);
        Assert.Contains("There are 1 labels but column 'groups' has 2 values", e.Message);
    }

    [Fact]
    public void Columns_of_different_lengths_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => Tables.Of(("x", [1.0, 2]), ("y", [3.0])));

        Assert.Equal("columns", e.ParamName);
        Assert.Contains("Column 'y' has 1 values but column 'x' has 2", e.Message);
    }
}
