using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Runs;

/// <summary>What a run planned and what finished. Interrupted notebooks have no result.</summary>
/// <param name="Notebooks">Every notebook of the run, in course order.</param>
/// <param name="Results">The finished ones, in course order.</param>
public sealed record CourseRunResult(IReadOnlyList<NotebookFile> Notebooks, IReadOnlyList<NotebookResult> Results)
{
    /// <summary>True when every planned notebook finished and passed.</summary>
    public bool AllPassed => Results.Count == Notebooks.Count && Results.All(r => r.Passed);
}
