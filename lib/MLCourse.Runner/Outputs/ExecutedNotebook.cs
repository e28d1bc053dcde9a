using System.Text.Json.Nodes;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Outputs;

/// <summary>
/// Builds the executed copy of a notebook: the original JSON (metadata untouched) with each executed code cell's
/// outputs, execution count and timing (<c>metadata.mlcourse.seconds</c>, <c>metadata.mlcourse.checks</c>), in nbformat 4,
/// so Jupyter, VS Code and GitHub show it as if it had been run there. Cells after a failing cell keep no outputs.
/// Relative <c>#r</c> paths are rewritten for the copy's folder, so the copy runs where it is written.
/// </summary>
public static class ExecutedNotebook
{
    /// <summary>The executed notebook as JSON text, for a copy written into <paramref name="directory"/>.</summary>
    public static string ToJson(NotebookFile notebook, NotebookResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(result);
        var json = NotebookCopy.Relocated(notebook, directory);
        var cells = json["cells"]!.AsArray();
        foreach (var cell in result.Cells)
        {
            var node = cells[cell.Index]!.AsObject();
            node["execution_count"] = cell.ExecutionCount;
            node["outputs"] = new JsonArray(cell.Outputs.Select(o => ToJupyter(o, cell.ExecutionCount)).ToArray());
            var metadata = node["metadata"] as JsonObject ?? [];
            metadata["mlcourse"] = new JsonObject { ["seconds"] = Math.Round(cell.Seconds, 3), ["checks"] = cell.ChecksPassed };
            node["metadata"] = metadata;
        }
        return NotebookCopy.ToText(json);
    }

    /// <summary>Writes the executed copy to <paramref name="path"/> atomically: a temporary file in the same folder, then a rename.</summary>
    public static void Write(NotebookFile notebook, NotebookResult result, string path) =>
        AtomicFile.WriteAllText(path, ToJson(notebook, result, Path.GetDirectoryName(Path.GetFullPath(path))!));

    private static JsonNode ToJupyter(CellOutput output, int executionCount) => output switch
    {
        StreamOutput s => new JsonObject { ["output_type"] = "stream", ["name"] = s.Name, ["text"] = NotebookCopy.Lines(s.Text) },
        DisplayOutput { IsResult: true } d => new JsonObject
        {
            ["output_type"] = "execute_result", ["execution_count"] = executionCount, ["data"] = MimeBundle(d.Data), ["metadata"] = new JsonObject(),
        },
        DisplayOutput d => new JsonObject { ["output_type"] = "display_data", ["data"] = MimeBundle(d.Data), ["metadata"] = new JsonObject() },
        ErrorOutput e => new JsonObject
        {
            ["output_type"] = "error", ["ename"] = e.Name, ["evalue"] = e.Value,
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "unknown output kind"),
    };

    /// <summary>A MIME bundle; <c>image/png</c> is base64 text on one line, every other type a list of lines, as nbformat stores them.</summary>
    private static JsonObject MimeBundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, value) in data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            bundle[mime] = mime == "image/png" ? value : NotebookCopy.Lines(value);
        return bundle;
    }
}
