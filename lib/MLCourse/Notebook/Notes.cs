using System.Globalization;

namespace MLCourse.Notebook;

/// <summary>
/// Shows what a formula or a piece of code from the source notes gives, in the "What the notes got wrong" sections: a
/// demonstration, not a claim, so it is displayed (amber, "⚠ the notes: …") and never counted as a check. A
/// demonstration becomes a <see cref="Check"/> only when it compares the notes' version with an independently computed
/// correct one (e.g. <c>Check.Greater(Math.Abs(notes − correct), …)</c>) or asserts that the notes' version fails in a
/// stated way. Introduced in notebook 01.
/// </summary>
public static class Notes
{
    /// <summary>Displays "⚠ the notes: <paramref name="what"/> gives <paramref name="value"/>".</summary>
    /// <param name="what">Which note and formula, e.g. "003's Adam update at t = 1".</param>
    /// <param name="value">What it gives.</param>
    public static void Gives(string what, double value) => Show(what, Text(value), null);

    /// <summary>Displays "⚠ the notes: <paramref name="what"/> gives <paramref name="value"/> (correct: <paramref name="correct"/>)".</summary>
    /// <param name="what">Which note and formula, e.g. "003's Adam update at t = 1".</param>
    /// <param name="value">What it gives.</param>
    /// <param name="correct">The correct value, computed independently.</param>
    public static void Gives(string what, double value, double correct) => Show(what, Text(value), Text(correct));

    /// <summary>Displays what the notes give as text (a shape, a list, an exception message), with the correct version if given.</summary>
    /// <inheritdoc cref="Gives(string, double, double)"/>
    public static void Gives(string what, string value, string? correct = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        Show(what, value, correct);
    }

    private static void Show(string what, string value, string? correct)
    {
        if (string.IsNullOrWhiteSpace(what))
            throw new ArgumentException("Say which note and formula: what must not be empty.", nameof(what));
        new NotesValue(what, value, correct).Display();
    }

    private static string Text(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>The line <see cref="Notes.Gives(string, double)"/> displays.</summary>
/// <param name="What">Which note and formula.</param>
/// <param name="Value">What it gives.</param>
/// <param name="Correct">The correct value, or null.</param>
public sealed record NotesValue(string What, string Value, string? Correct)
{
    /// <summary>"⚠ the notes: 003's Adam update at t = 1 gives NaN (correct: 0.999)".</summary>
    public override string ToString() => $"⚠ the notes: {What} gives {Value}" + (Correct is null ? "" : $" (correct: {Correct})");
}
