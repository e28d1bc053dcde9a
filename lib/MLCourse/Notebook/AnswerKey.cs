using System.Text.Json;
using System.Text.RegularExpressions;

namespace MLCourse.Notebook;

/// <summary>
/// The expected answers of exercises whose checking code would otherwise give the answer away: one embedded JSON file per
/// notebook, <c>lib/MLCourse/Notebook/AnswerKey/NN.json</c>, of the form
/// <c>{ "notebook": "05-optimizers.ipynb", "answers": { "2": { "value": 194 }, "4": { "value": 0.0014, "relativeTolerance": 1e-3 } } }</c>.
/// Used by <see cref="Exercise"/>; introduced in notebook 01.
/// </summary>
internal static partial class AnswerKey
{
    /// <summary>Relative tolerance of a numeric answer whose key entry gives none.</summary>
    public const double DefaultRelativeTolerance = 1e-3;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, IReadOnlyDictionary<string, JsonElement>> Files = [];

    /// <summary>One answer of the key.</summary>
    public sealed record Answer(string File, JsonElement Value, double RelativeTolerance)
    {
        public double Number(string exercise) => Value.ValueKind == JsonValueKind.Number
            ? Value.GetDouble() : throw Mismatch(exercise, "a number");

        public int Integer(string exercise) => Value.ValueKind == JsonValueKind.Number && Value.TryGetInt32(out var i)
            ? i : throw Mismatch(exercise, "an integer");

        public bool Boolean(string exercise) => Value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? Value.GetBoolean() : throw Mismatch(exercise, "true or false");

        private ArgumentException Mismatch(string exercise, string what) =>
            new($"The answer key {File} holds {Value.GetRawText()} for exercise {exercise}, not {what}: the cell's answer type and the key disagree.", nameof(exercise));
    }

    /// <summary>Splits "05.2" into notebook "05" and exercise "2".</summary>
    /// <exception cref="ArgumentException">The id is not "NN.k" (two digits, a dot, a number, optionally a letter).</exception>
    public static (string Notebook, string Number) ParseId(string exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var match = Id().Match(exercise);
        if (!match.Success)
            throw new ArgumentException($"exercise must be an id \"NN.k\" (notebook NN, exercise k, e.g. \"05.2\" or \"05.2b\"), got \"{exercise}\".", nameof(exercise));
        return (match.Groups["notebook"].Value, match.Groups["number"].Value);
    }

    /// <summary>The key's entry for <paramref name="exercise"/>.</summary>
    /// <exception cref="ArgumentException">No key file for the notebook, or no entry for the exercise (both are named).</exception>
    public static Answer Entry(string exercise)
    {
        var (notebook, number) = ParseId(exercise);
        var file = $"AnswerKey/{notebook}.json";
        var answers = Load(notebook, file);
        if (!answers.TryGetValue(number, out var entry))
            throw new ArgumentException($"The answer key {file} has no entry \"{number}\" for exercise {exercise}.", nameof(exercise));
        if (!entry.TryGetProperty("value", out var value))
            throw new ArgumentException($"The answer key {file}: entry \"{number}\" has no \"value\".", nameof(exercise));
        var tolerance = entry.TryGetProperty("relativeTolerance", out var t) ? t.GetDouble() : DefaultRelativeTolerance;
        return new Answer(file, value, tolerance);
    }

    private static IReadOnlyDictionary<string, JsonElement> Load(string notebook, string file)
    {
        lock (Gate)
        {
            if (Files.TryGetValue(notebook, out var cached)) return cached;
            using var stream = typeof(AnswerKey).Assembly.GetManifestResourceStream($"MLCourse.{file}")
                ?? throw new ArgumentException($"The library has no answer key {file} for notebook {notebook} (add lib/MLCourse/Notebook/{file}).", "exercise");
            using var document = JsonDocument.Parse(stream);
            var answers = document.RootElement.GetProperty("answers").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            Files[notebook] = answers;
            return answers;
        }
    }

    [GeneratedRegex(@"^(?<notebook>\d{2})\.(?<number>\d+[a-z]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
