using Microsoft.Data.Analysis;
using MLCourse.Notebook;
using MLCourse.Transformers;

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

    private static readonly ParameterBreakdown BertBase = ParameterCount.Bert(BertConfig.Base);

    [Fact]
    public void Parameters_lists_every_group_or_one_block()
    {
        var all = Tables.Parameters(BertBase);
        var layer = Tables.Parameters(BertBase, "layer 3");

        Assert.Equal(4 + 12 * 8 + 1, all.Rows.Count);
        Assert.Equal(["Block", "Name", "Kind", "Formula", "Count"], all.Columns.Select(c => c.Name));
        Assert.Equal(8, layer.Rows.Count);
        Assert.Equal("attention.query", layer["Name"][0]);
        Assert.Equal("H² + H", layer["Formula"][0]);
        Assert.Equal(7_087_872L, ((Int64DataFrameColumn)layer["Count"]).Sum());
        Assert.Equal("block", Assert.Throws<ArgumentException>(() => Tables.Parameters(BertBase, "decoder")).ParamName);
    }

    [Fact]
    public void ParametersByBlock_splits_each_block_by_kind_and_ends_with_the_total()
    {
        var table = Tables.ParametersByBlock(BertBase);

        Assert.Equal(15, table.Rows.Count);
        Assert.Equal(["Block", "Embeddings", "Attention", "FeedForward", "LayerNorm", "Pooler", "Total"], table.Columns.Select(c => c.Name));
        Assert.Equal("layer 0", table["Block"][1]);
        Assert.Equal(2_362_368L, table["Attention"][1]);
        Assert.Equal(4_722_432L, table["FeedForward"][1]);
        Assert.Equal(3_072L, table["LayerNorm"][1]);
        Assert.Equal(7_087_872L, table["Total"][1]);
        Assert.Equal("total", table["Block"][14]);
        Assert.Equal(12 * 2_362_368L, table["Attention"][14]);
        Assert.Equal(109_482_240L, table["Total"][14]);
    }
}
