namespace MLCourse.Runner.Notebooks;

/// <summary>Where and why a notebook failed.</summary>
/// <param name="CellNumber">1-based position of the cell among all cells (as counted from the top in an editor), or null when no cell is to blame.</param>
/// <param name="CodeCellNumber">1-based position among code cells, or null.</param>
/// <param name="FirstLine">The cell's first non-empty line, or empty.</param>
/// <param name="Error">The error: compile diagnostics with line and column, or the exception message.</param>
public sealed record NotebookFailure(int? CellNumber, int? CodeCellNumber, string FirstLine, string Error)
{
    /// <summary>The failure of a notebook whose code ran but verified nothing.</summary>
    public static NotebookFailure NoCheck { get; } =
        new(null, null, "", "no Check passed: a notebook with code must verify its claims with MLCourse.Notebook.Check");

    /// <summary>"cell 7 (code cell 3) `Check.Close(…)`: error", or just the error when no cell is to blame.</summary>
    public override string ToString() => CellNumber is null
        ? Error
        : $"cell {CellNumber} (code cell {CodeCellNumber}) `{FirstLine}`:{Environment.NewLine}{Error}";
}
