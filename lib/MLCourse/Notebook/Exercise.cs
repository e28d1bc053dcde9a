using System.Globalization;

namespace MLCourse.Notebook;

/// <summary>
/// Grades the answers to a notebook's exercises. An exercise cell declares its answer as a nullable value set to
/// <c>null</c> (not answered), assigns it between <c>// BEGIN SOLUTION</c> and <c>// END SOLUTION</c>, and calls
/// <see cref="Check(string, double?, double, double, string)"/> (or another overload) after the markers:
/// <code>
/// double? firstStepRatio = null;   // your answer
/// // BEGIN SOLUTION
/// firstStepRatio = (1 - 0.8) / Math.Sqrt(1 - 0.99);
/// // END SOLUTION
/// Exercise.Check("05.1", firstStepRatio, hint: "m₁ = (1 − β₁)g and v₁ = (1 − β₂)g²");
/// </code>
/// The runner's student edition replaces each solution region by <c>// YOUR ANSWER HERE</c>, so the answer stays
/// <c>null</c> there until the learner fills it in.
/// </summary>
/// <remarks>
/// <para>Each call displays one line: ✔ for a right answer, ✘ with the hint for a wrong one, ○ "not answered yet" for
/// <c>null</c>. In a source notebook (the default) a wrong or missing answer also throws a
/// <see cref="CheckFailedException"/>, exactly as a failed <see cref="Notebook.Check"/> does, so a wrong solution fails
/// the notebook. In a student edition (<see cref="Course.StudentEdition"/> in its setup cell) it never throws, so
/// "Run All" goes through every cell and shows every exercise's result.</para>
/// <para>Overloads without an expected value grade against the library's answer key (<c>Notebook/AnswerKey/NN.json</c>,
/// embedded in the library), for exercises whose expected value the cell would otherwise give away. Exercise ids are
/// "NN.k": notebook NN, exercise k (e.g. "05.2"); the key file of notebook NN is <c>NN.json</c>.</para>
/// <para>Numbers are right when |answer − expected| ≤ relativeTolerance·|expected| (absolute when expected is 0).
/// Introduced in notebook 01; every notebook's exercises use it.</para>
/// </remarks>
public static class Exercise
{
    private static int _studentEdition;

    /// <summary>True in a student edition (set by <see cref="Course.StudentEdition"/>): wrong and missing answers are shown, never thrown.</summary>
    public static bool IsStudentEdition => Volatile.Read(ref _studentEdition) == 1;

    /// <summary>Switches between a student edition (<paramref name="student"/>) and a source notebook, for the rest of the process.</summary>
    internal static void SetStudentEdition(bool student) => Volatile.Write(ref _studentEdition, student ? 1 : 0);

    /// <summary>Grades a numeric answer against <paramref name="expected"/>, computed in the cell.</summary>
    /// <param name="exercise">The exercise id, "NN.k".</param>
    /// <param name="answer">The learner's answer; null when not answered.</param>
    /// <param name="expected">The right value.</param>
    /// <param name="relativeTolerance">Allowed relative error (absolute when <paramref name="expected"/> is 0). Range: ≥ 0.</param>
    /// <param name="hint">Shown with a wrong answer: a nudge, not the answer.</param>
    /// <exception cref="CheckFailedException">Source notebook only: the answer is wrong or missing.</exception>
    public static void Check(string exercise, double? answer, double expected, double relativeTolerance, string hint) =>
        Report(Grade(exercise, answer, expected, relativeTolerance, hint));

    /// <summary>Grades an integer answer (a count, an index, a step number) against <paramref name="expected"/>.</summary>
    /// <inheritdoc cref="Check(string, double?, double, double, string)"/>
    public static void Check(string exercise, int? answer, int expected, string hint) =>
        Report(Grade(exercise, answer, expected, hint));

    /// <summary>Grades a yes/no answer against <paramref name="expected"/>.</summary>
    /// <inheritdoc cref="Check(string, double?, double, double, string)"/>
    public static void Check(string exercise, bool? answer, bool expected, string hint) =>
        Report(Grade(exercise, answer, expected, hint));

    /// <summary>Grades a text answer (a name, a word) against <paramref name="expected"/>, ignoring case and surrounding spaces.</summary>
    /// <inheritdoc cref="Check(string, double?, double, double, string)"/>
    public static void Check(string exercise, string? answer, string expected, string hint) =>
        Report(Grade(exercise, answer, expected, hint));

    /// <summary>Grades a numeric answer against the answer key (value and relative tolerance, default 1e-3).</summary>
    /// <exception cref="ArgumentException">The answer key has no numeric entry for <paramref name="exercise"/>.</exception>
    /// <inheritdoc cref="Check(string, double?, double, double, string)"/>
    public static void Check(string exercise, double? answer, string hint)
    {
        var key = AnswerKey.Entry(exercise);
        Report(Grade(exercise, answer, key.Number(exercise), key.RelativeTolerance, hint));
    }

    /// <summary>Grades an integer answer against the answer key.</summary>
    /// <inheritdoc cref="Check(string, double?, string)"/>
    public static void Check(string exercise, int? answer, string hint) =>
        Report(Grade(exercise, answer, AnswerKey.Entry(exercise).Integer(exercise), hint));

    /// <summary>Grades a yes/no answer against the answer key.</summary>
    /// <inheritdoc cref="Check(string, double?, string)"/>
    public static void Check(string exercise, bool? answer, string hint) =>
        Report(Grade(exercise, answer, AnswerKey.Entry(exercise).Boolean(exercise), hint));

    internal static ExerciseResult Grade(string exercise, double? answer, double expected, double relativeTolerance, string hint)
    {
        Validate(exercise, hint);
        Guard.NonNegative(relativeTolerance, nameof(relativeTolerance));
        Guard.Finite(expected, nameof(expected));
        if (answer is not { } value) return new(exercise, ExerciseStatus.NotAnswered, "", hint);
        var allowed = expected == 0 ? relativeTolerance : relativeTolerance * Math.Abs(expected);
        var right = Math.Abs(value - expected) <= allowed;
        return new(exercise, right ? ExerciseStatus.Right : ExerciseStatus.Wrong, value.ToString("G6", CultureInfo.InvariantCulture), hint);
    }

    internal static ExerciseResult Grade(string exercise, int? answer, int expected, string hint) =>
        Exact(exercise, answer?.ToString(CultureInfo.InvariantCulture), answer == expected, hint);

    internal static ExerciseResult Grade(string exercise, bool? answer, bool expected, string hint) =>
        Exact(exercise, answer is null ? null : answer.Value ? "true" : "false", answer == expected, hint);

    internal static ExerciseResult Grade(string exercise, string? answer, string expected, string hint)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return Exact(exercise, answer, answer is not null && string.Equals(answer.Trim(), expected.Trim(), StringComparison.OrdinalIgnoreCase), hint);
    }

    private static ExerciseResult Exact(string exercise, string? shown, bool right, string hint)
    {
        Validate(exercise, hint);
        if (shown is null) return new(exercise, ExerciseStatus.NotAnswered, "", hint);
        return new(exercise, right ? ExerciseStatus.Right : ExerciseStatus.Wrong, shown, hint);
    }

    private static void Validate(string exercise, string hint)
    {
        AnswerKey.ParseId(exercise);
        ArgumentNullException.ThrowIfNull(hint);
    }

    /// <summary>Displays the result; in a source notebook a wrong or missing answer then fails the cell.</summary>
    private static void Report(ExerciseResult result)
    {
        result.Display();
        if (IsStudentEdition || result.Status == ExerciseStatus.Right) return;
        throw new CheckFailedException($"exercise {result.Exercise}",
            result.Status == ExerciseStatus.NotAnswered ? "not answered (null): the solution between // BEGIN SOLUTION and // END SOLUTION must set the answer" : result.Answer,
            "the right answer");
    }
}

/// <summary>How an exercise was answered.</summary>
public enum ExerciseStatus
{
    /// <summary>The answer is right.</summary>
    Right,

    /// <summary>The answer is wrong: the hint is shown.</summary>
    Wrong,

    /// <summary>The answer is still <c>null</c>.</summary>
    NotAnswered,
}

/// <summary>
/// The line an <see cref="Exercise"/> check displays. The headless runner reads the displayed values of this type to
/// report, per notebook, how each exercise was answered, so its full name (<c>MLCourse.Notebook.ExerciseResult</c>) and
/// members are part of the runner's contract.
/// </summary>
/// <param name="Exercise">The exercise id, "NN.k".</param>
/// <param name="Status">Right, wrong or not answered.</param>
/// <param name="Answer">The answer as shown (empty when not answered).</param>
/// <param name="Hint">The exercise's hint, shown with a wrong answer.</param>
public sealed record ExerciseResult(string Exercise, ExerciseStatus Status, string Answer, string Hint)
{
    /// <summary>
    /// "✔ Exercise 05.1: right", "✘ Exercise 05.1: 2 is not right. Hint: …" or "○ Exercise 05.1: not answered yet …". A
    /// right answer is not repeated, so the output under a folded solution (on the site, in an executed copy) does not give it away.
    /// </summary>
    public override string ToString() => Status switch
    {
        ExerciseStatus.Right => $"✔ Exercise {Exercise}: right",
        ExerciseStatus.Wrong => $"✘ Exercise {Exercise}: {Answer} is not right." + (Hint.Length > 0 ? $" Hint: {Hint}" : ""),
        _ => $"○ Exercise {Exercise}: not answered yet (replace null with your answer and run the cell)",
    };
}
