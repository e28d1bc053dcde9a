using Microsoft.Data.Analysis;
using MLCourse.Transformers;

namespace MLCourse.Notebook;

public static partial class Tables
{
    /// <summary>
    /// A model's parameter groups as a table, one row per group (Block, Name, Kind, Formula, Count), optionally only the
    /// groups of <paramref name="block"/> (e.g. <c>"layer 0"</c>). Introduced in notebook 12.
    /// </summary>
    /// <exception cref="ArgumentException">No such block (the known blocks are listed).</exception>
    public static DataFrame Parameters(ParameterBreakdown breakdown, string? block = null)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        var rows = block is null ? breakdown.Groups : breakdown.GroupsOf(block);
        return new DataFrame(
            new StringDataFrameColumn("Block", rows.Select(g => g.Block)),
            new StringDataFrameColumn("Name", rows.Select(g => g.Name)),
            new StringDataFrameColumn("Kind", rows.Select(g => g.Kind.ToString())),
            new StringDataFrameColumn("Formula", rows.Select(g => g.Formula)),
            new Int64DataFrameColumn("Count", rows.Select(g => g.Count)));
    }

    /// <summary>
    /// A model's parameters block by block: one row per block (embeddings, each layer, pooler) and a last row "total",
    /// with one column per <see cref="ParameterKind"/> and the block's total. Introduced in notebook 12.
    /// </summary>
    public static DataFrame ParametersByBlock(ParameterBreakdown breakdown)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("Block", breakdown.Blocks.Append("total")) };
        foreach (var kind in Enum.GetValues<ParameterKind>())
            columns.Add(new Int64DataFrameColumn(kind.ToString(), breakdown.Blocks.Select(b => breakdown.Count(b, kind)).Append(breakdown.Count(kind))));
        columns.Add(new Int64DataFrameColumn("Total", breakdown.Blocks.Select(breakdown.Count).Append(breakdown.Total)));
        return new DataFrame(columns);
    }
}
