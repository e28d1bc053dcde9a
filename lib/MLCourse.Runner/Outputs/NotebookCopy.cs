using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Outputs;

/// <summary>
/// What the executed copy and the student edition share: a notebook's JSON, cloned, with every relative
/// <c>#r "path"</c> (the setup cell's <c>#r "../lib/MLCourse/bin/MLCourse.dll"</c>) rewritten to point from the copy's
/// folder at the same file, so that a copy runs where it is written; and the JSON text as nbformat writes it.
/// </summary>
internal static partial class NotebookCopy
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A deep copy of <paramref name="notebook"/>'s JSON whose relative <c>#r</c> paths resolve from <paramref name="directory"/>.</summary>
    public static JsonObject Relocated(NotebookFile notebook, string directory)
    {
        var json = notebook.Json.DeepClone().AsObject();
        var cells = json["cells"]!.AsArray();
        var from = Path.GetDirectoryName(notebook.Path)!;
        var to = Path.GetFullPath(directory);
        foreach (var (index, _) in notebook.CodeCells)
        {
            var cell = cells[index]!.AsObject();
            var source = Source(cell);
            var relocated = Reference().Replace(source, m => Path.IsPathRooted(m.Groups["path"].Value)
                ? m.Value
                : m.Groups["head"].Value + Path.GetRelativePath(to, Path.GetFullPath(m.Groups["path"].Value, from)).Replace('\\', '/') + "\"");
            if (relocated != source) SetSource(cell, relocated);
        }
        return json;
    }

    /// <summary>A cell's source as one string (nbformat stores a list of lines or one string).</summary>
    public static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue text => (string?)text ?? "",
        _ => "",
    };

    /// <summary>Sets a cell's source as a list of lines, each but the last ending in <c>\n</c>, as Jupyter writes it.</summary>
    public static void SetSource(JsonObject cell, string source) => cell["source"] = Lines(source);

    /// <summary>Text as nbformat's list of lines: each line keeps its <c>\n</c>.</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>The notebook's JSON text: indented, non-ASCII characters as they are, a final newline.</summary>
    public static string ToText(JsonObject json) => JsonSerializer.Serialize(json, Indented) + "\n";

    /// <summary>A line <c>#r "path"</c> that references a file (not <c>#r "nuget: …"</c>).</summary>
    [GeneratedRegex(@"^(?<head>[ \t]*#r[ \t]+"")(?!nuget:)(?<path>[^""\r\n]+)""", RegexOptions.Multiline)]
    private static partial Regex Reference();
}
