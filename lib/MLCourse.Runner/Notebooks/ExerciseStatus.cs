namespace MLCourse.Runner.Notebooks;

/// <summary>How an exercise was answered (the library's <c>MLCourse.Notebook.ExerciseStatus</c>, by name).</summary>
public enum ExerciseStatus
{
    /// <summary>The answer is right: a source notebook's solution, or a learner's correct answer.</summary>
    Right,

    /// <summary>The answer is wrong.</summary>
    Wrong,

    /// <summary>The answer is still <c>null</c>, as in a student edition before the learner answers.</summary>
    NotAnswered,
}
