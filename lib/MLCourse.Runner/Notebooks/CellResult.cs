namespace MLCourse.Runner.Notebooks;

/// <summary>The outcome of one executed code cell.</summary>
/// <param name="Index">0-based index among all cells of the notebook.</param>
/// <param name="ExecutionCount">1 for the first code cell executed, 2 for the next, …</param>
/// <param name="Seconds">Wall time of the cell.</param>
/// <param name="Outputs">What the cell produced, in order (a display the cell or a later one updated shows its final value).</param>
/// <param name="ChecksPassed">Number of passing <c>Check</c>s the cell displayed.</param>
/// <param name="Exercises">The exercises the cell graded, in order, with how each was answered.</param>
/// <param name="Failed">True when the cell threw, did not compile, or timed out.</param>
public sealed record CellResult(
    int Index, int ExecutionCount, double Seconds, IReadOnlyList<CellOutput> Outputs, int ChecksPassed, IReadOnlyList<ExerciseOutcome> Exercises, bool Failed);
