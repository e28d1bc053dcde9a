using System.Text.Json.Nodes;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Outputs;

/// <summary>
/// Builds the student edition of a notebook (<c>DIR/student/NAME.ipynb</c>, nbgrader's convention): the source notebook
/// without outputs or execution counts, each code solution region (<c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c>)
/// replaced by one line <c>// YOUR ANSWER HERE</c> at the same indentation, each Markdown solution region replaced by a
/// short note, and the setup line <c>MLCourse.Notebook.Course.Info()</c> replaced by
/// <c>MLCourse.Notebook.Course.StudentEdition()</c>, so that unanswered exercises show "not answered yet" and never stop
/// the notebook. Relative <c>#r</c> paths are rewritten for the copy's folder, so it runs where it is written.
/// </summary>
public static class StudentNotebook
{
    /// <summary>The line that replaces a code solution region.</summary>
    public const string Placeholder = "// YOUR ANSWER HERE";

    /// <summary>The line that replaces a Markdown solution region.</summary>
    public const string SolutionNote = "*(solution in the source notebook)*";

    private const string SourceEditionCall = "MLCourse.Notebook.Course.Info()";
    private const string StudentEditionCall = "MLCourse.Notebook.Course.StudentEdition()";

    /// <summary>The student edition as JSON text, for a copy written into <paramref name="directory"/>.</summary>
    public static string ToJson(NotebookFile notebook, string directory)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var json = NotebookCopy.Relocated(notebook, directory);
        var cells = json["cells"]!.AsArray();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!.AsObject();
            var markdown = notebook.IsMarkdown(i);
            if ((string?)cell["cell_type"] == "code")
            {
                cell["outputs"] = new JsonArray();
                cell["execution_count"] = null;
            }
            var source = NotebookCopy.Source(cell);
            var student = StudentSource(source, markdown);
            if (student != source) NotebookCopy.SetSource(cell, student);
        }
        return NotebookCopy.ToText(json);
    }

    /// <summary>Writes the student edition to <paramref name="path"/> atomically.</summary>
    public static void Write(NotebookFile notebook, string path) =>
        AtomicFile.WriteAllText(path, ToJson(notebook, Path.GetDirectoryName(Path.GetFullPath(path))!));

    /// <summary>
    /// <paramref name="source"/> with each solution region replaced by its placeholder line, and in code the setup line
    /// <c>MLCourse.Notebook.Course.Info()</c> calling <c>Course.StudentEdition()</c> instead.
    /// </summary>
    private static string StudentSource(string source, bool markdown)
    {
        var lines = source.Split('\n');
        var kept = new List<string>();
        var next = 0;
        foreach (var (begin, end) in SolutionRegions.Find(lines, markdown))
        {
            kept.AddRange(lines[next..begin]);
            var indentation = lines[begin][..(lines[begin].Length - lines[begin].TrimStart().Length)];
            kept.Add(indentation + (markdown ? SolutionNote : Placeholder) + (lines[end].EndsWith('\r') ? "\r" : ""));
            next = end + 1;
        }
        kept.AddRange(lines[next..]);
        if (!markdown)
            for (var i = 0; i < kept.Count; i++)
                if (kept[i].Trim().TrimEnd(';') == SourceEditionCall)
                    kept[i] = kept[i].Replace(SourceEditionCall, StudentEditionCall, StringComparison.Ordinal);
        return string.Join('\n', kept);
    }
}
