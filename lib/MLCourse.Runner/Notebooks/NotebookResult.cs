namespace MLCourse.Runner.Notebooks;

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

    /// <summary>The exercises graded by the cells that ran, in order.</summary>
    public IEnumerable<ExerciseOutcome> Exercises => Cells.SelectMany(c => c.Exercises);

    /// <summary>"01-x.ipynb, cell 7 (code cell 3) `…`: error": the full failure message, or null when passed.</summary>
    public string? FailureMessage => Failure is null ? null : $"{Name}, {Failure}";
}
