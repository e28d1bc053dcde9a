using Microsoft.Data.Analysis;

namespace MLCourse.Notebook;

/// <summary>Builds the small result tables notebooks show (a Microsoft.Data.Analysis <see cref="DataFrame"/>, displayed as HTML). Introduced in notebook 01.</summary>
public static partial class Tables
{
    /// <summary>A table with one numeric column per (name, values) pair, e.g. <c>Tables.Of(("d_k", ds), ("Var", vs))</c>.</summary>
    /// <exception cref="ArgumentException">No columns, or columns of different lengths (both are named).</exception>
    public static DataFrame Of(params (string Name, IEnumerable<double> Values)[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0) throw new ArgumentException("Give at least one column.", nameof(columns));
        var built = columns.Select(c => new DoubleDataFrameColumn(c.Name, c.Values)).ToList();
        var first = built[0];
        foreach (var column in built.Skip(1))
            if (column.Length != first.Length)
                throw new ArgumentException(
                    $"Column '{column.Name}' has {column.Length} values but column '{first.Name}' has {first.Length}.", nameof(columns));
        return new DataFrame(built);
    }
}
