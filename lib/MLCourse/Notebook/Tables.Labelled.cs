using Microsoft.Data.Analysis;

namespace MLCourse.Notebook;

public static partial class Tables
{
    /// <summary>
    /// A table whose first column holds a text label per row (a method's name, say) followed by numeric columns, e.g.
    /// <c>Tables.Labelled("norm", ["BN", "LN"], ("groups", [4, 2]))</c>. Introduced in notebook 04.
    /// </summary>
    /// <exception cref="ArgumentException">No numeric columns, or a column whose length differs from the number of labels (both are named).</exception>
    public static DataFrame Labelled(string labelName, IReadOnlyList<string> labels, params (string Name, IEnumerable<double> Values)[] columns)
    {
        ArgumentNullException.ThrowIfNull(labelName);
        ArgumentNullException.ThrowIfNull(labels);
        var numbers = Of(columns);
        if (numbers.Rows.Count != labels.Count)
            throw new ArgumentException(
                $"There are {labels.Count} labels but column '{numbers.Columns[0].Name}' has {numbers.Rows.Count} values.", nameof(labels));
        numbers.Columns.Insert(0, new StringDataFrameColumn(labelName, labels));
        return numbers;
    }
}
