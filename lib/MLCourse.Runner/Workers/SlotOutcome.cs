using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Workers;

/// <summary>
/// What a slot reports for one notebook: its <paramref name="Result"/> (null if the run was interrupted), or
/// <paramref name="RunAgainAlone"/> when its process ended for a reason that may be another notebook's.
/// </summary>
internal sealed record SlotOutcome(NotebookResult? Result, bool RunAgainAlone = false);
