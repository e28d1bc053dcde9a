using System.Text.Json;
using System.Text.Json.Serialization;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Workers;

/// <summary>
/// What a worker process tells the runner, one JSON object per line over a named pipe (never over stdout, which the
/// notebooks' own code may write to). The runner sends notebook paths, one per line, the other way.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CellStarted), "cellStarted")]
[JsonDerivedType(typeof(CellFinished), "cellFinished")]
[JsonDerivedType(typeof(NotebookFinished), "notebookFinished")]
internal abstract record WorkerMessage
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string ToLine() => JsonSerializer.Serialize(this, Options);

    public static WorkerMessage FromLine(string line) =>
        JsonSerializer.Deserialize<WorkerMessage>(line, Options) ?? throw new JsonException("empty worker message");
}

/// <summary>Code cell <paramref name="Index"/> (0-based among all cells) is about to run.</summary>
internal sealed record CellStarted(int Index) : WorkerMessage;

/// <summary>A code cell ended.</summary>
internal sealed record CellFinished(CellResult Cell) : WorkerMessage;

/// <summary>The notebook ended; the worker is ready for the next one.</summary>
internal sealed record NotebookFinished(NotebookResult Result) : WorkerMessage;
