namespace MLCourse.Runner.Notebooks;

/// <summary>How one exercise was answered when its cell ran: what the library's <c>Exercise.Check</c> displayed.</summary>
/// <param name="Id">The exercise id, "NN.k".</param>
/// <param name="Status">Right, wrong or not answered.</param>
public sealed record ExerciseOutcome(string Id, ExerciseStatus Status);
