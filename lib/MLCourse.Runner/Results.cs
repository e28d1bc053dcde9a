using System.Text.Json.Serialization;

namespace MLCourse.Runner;

/// <summary>One output of a code cell, in Jupyter's four kinds. Serialisable: workers send results to the runner as JSON.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StreamOutput), "stream")]
[JsonDerivedType(typeof(DisplayOutput), "display")]
[JsonDerivedType(typeof(ErrorOutput), "error")]
public abstract record CellOutput;

/// <summary>Text written to stdout or stderr (Jupyter <c>stream</c>).</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text written.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A displayed value (Jupyter <c>display_data</c>), or the cell's value (<c>execute_result</c>) when <paramref name="IsResult"/>.</summary>
/// <param name="Data">The value formatted per MIME type (e.g. <c>text/html</c>, <c>text/plain</c>, <c>image/png</c> as base64).</param>
/// <param name="IsResult">True for the value of the cell's last expression.</param>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, bool IsResult) : CellOutput;

/// <summary>The error that stopped the cell (Jupyter <c>error</c>).</summary>
/// <param name="Name">The exception type, or <c>CompilationError</c>.</param>
/// <param name="Value">The message.</param>
/// <param name="Traceback">Diagnostics or stack trace lines.</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;

/// <summary>The outcome of one executed code cell.</summary>
/// <param name="Index">0-based index among all cells of the notebook.</param>
/// <param name="ExecutionCount">1 for the first code cell executed, 2 for the next, …</param>
/// <param name="Seconds">Wall time of the cell.</param>
/// <param name="Outputs">What the cell produced, in order.</param>
/// <param name="ChecksPassed">Number of passing <c>Check</c>s the cell displayed.</param>
/// <param name="Failed">True when the cell threw, did not compile, or timed out.</param>
public sealed record CellResult(int Index, int ExecutionCount, double Seconds, IReadOnlyList<CellOutput> Outputs, int ChecksPassed, bool Failed);

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

/// <summary>The outcome of running one notebook.</summary>
/// <param name="Path">Full path of the notebook.</param>
/// <param name="Cells">The code cells that ran, in order (up to and including a failing one).</param>
/// <param name="Seconds">Wall time of the notebook, kernel start-up included.</param>
/// <param name="Failure">Null when every code cell ran and at least one check passed.</param>
public sealed record NotebookResult(string Path, IReadOnlyList<CellResult> Cells, double Seconds, NotebookFailure? Failure)
{
    /// <summary>The file name of the notebook.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>True when the notebook ran to the end with at least one passing check.</summary>
    public bool Passed => Failure is null;

    /// <summary>Passing checks over all cells.</summary>
    public int ChecksPassed => Cells.Sum(c => c.ChecksPassed);

    /// <summary>"01-x.ipynb, cell 7 (code cell 3) `…`: error": the full failure message, or null when passed.</summary>
    public string? FailureMessage => Failure is null ? null : $"{Name}, {Failure}";
}
