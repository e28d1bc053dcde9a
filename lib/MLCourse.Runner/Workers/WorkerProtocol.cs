using System.Text.Json;
using System.Text.Json.Serialization;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Workers;

/// <summary>
/// What a worker process tells the runner, one JSON object per line over a named pipe (never over stdout, which the
/// notebooks' own code may write to). The runner sends notebook paths, one per line, the other way. Each slot of a
/// worker has its own pipe.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(NotebookStarted), "notebookStarted")]
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

/// <summary>
/// The notebook has its working directory (it may have waited for another slot's notebook from another folder); its
/// cells follow.
/// </summary>
internal sealed record NotebookStarted : WorkerMessage;

/// <summary>Code cell <paramref name="Index"/> (0-based among all cells) is about to run.</summary>
internal sealed record CellStarted(int Index) : WorkerMessage;

/// <summary>A code cell ended.</summary>
internal sealed record CellFinished(CellResult Cell) : WorkerMessage;

/// <summary>The notebook ended; the worker is ready for the next one.</summary>
internal sealed record NotebookFinished(NotebookResult Result) : WorkerMessage;
