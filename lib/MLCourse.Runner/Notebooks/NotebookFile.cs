using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace MLCourse.Runner.Notebooks;

/// <summary>A notebook read from disk: its path, its raw JSON (kept to write the executed copy) and its parsed document.</summary>
/// <param name="Path">Full path of the <c>.ipynb</c> file.</param>
/// <param name="Json">The notebook's JSON, exactly as read.</param>
/// <param name="Document">The notebook parsed by Microsoft.DotNet.Interactive.Documents; element i is cell i.</param>
public sealed record NotebookFile(string Path, JsonObject Json, InteractiveDocument Document)
{
    /// <summary>The kernel every course notebook runs on: C# (aliases as in Polyglot Notebooks).</summary>
    public const string KernelName = "csharp";

    /// <summary>The file name, e.g. <c>01-scaled-dot-product-attention.ipynb</c>.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>The code cells, with their 0-based index among all cells.</summary>
    public IEnumerable<(int Index, InteractiveDocumentElement Cell)> CodeCells =>
        Document.Elements.Select((cell, index) => (index, cell)).Where(c => !IsMarkdown(c.index));

    /// <summary>True when cell <paramref name="index"/> (0-based) is Markdown: a Markdown cell, or a code cell whose kernel is <c>markdown</c>.</summary>
    public bool IsMarkdown(int index) => Document.Elements[index].KernelName == "markdown";

    /// <summary>Number of code cells.</summary>
    public int CodeCellCount => CodeCells.Count();

    /// <summary>The 1-based position among code cells of the code cell at <paramref name="index"/> (0-based among all cells).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a code cell.</exception>
    public int CodeCellNumber(int index)
    {
        var number = CodeCells.Select(c => c.Index).ToList().IndexOf(index) + 1;
        return number > 0 ? number : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name}: cell {index + 1} is not a code cell.");
    }

    /// <summary>A cell's first non-empty line, trimmed: how failures point at a cell.</summary>
    public static string FirstLine(string source) =>
        source.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";

    /// <summary>The kernel infos used to parse notebooks: one C# kernel, the default.</summary>
    public static KernelInfoCollection KernelInfos()
    {
        var infos = new KernelInfoCollection { new KernelInfo(KernelName, "C#", ["c#", "C#"]) };
        infos.DefaultKernelName = KernelName;
        return infos;
    }

    /// <summary>Reads and parses a notebook.</summary>
    /// <exception cref="NotebookInputException">The file is missing, is not an <c>.ipynb</c>, or is not a valid notebook;
    /// for malformed JSON the message gives the line and position of the error.</exception>
    public static NotebookFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!fullPath.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
            throw new NotebookInputException(path, "not a Jupyter notebook (expected a .ipynb file)");
        if (!File.Exists(fullPath))
            throw new NotebookInputException(path, "file not found");

        var text = File.ReadAllText(fullPath);
        JsonObject json;
        try
        {
            json = JsonNode.Parse(text) as JsonObject
                ?? throw new NotebookInputException(path, "not a notebook: the JSON root is not an object");
        }
        catch (JsonException e)
        {
            throw new NotebookInputException(path,
                $"malformed JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message.Split(" LineNumber:")[0].Split(" Path:")[0]}");
        }
        if (json["cells"] is not JsonArray cells)
            throw new NotebookInputException(path, "not a notebook: no \"cells\" array");

        InteractiveDocument document;
        try
        {
            document = Notebook.Parse(text, KernelInfos());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new NotebookInputException(path, $"not a valid notebook: {e.Message}");
        }
        if (document.Elements.Count != cells.Count)
            throw new NotebookInputException(path,
                $"has {cells.Count} cells but {document.Elements.Count} were parsed: only markdown and code cells are supported");
        var notebook = new NotebookFile(fullPath, json, document);
        notebook.Validate(path);
        return notebook;
    }

    /// <summary>Polyglot kernel names this runner does not execute, with the language's name for the error message.</summary>
    private static readonly Dictionary<string, string> OtherLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fsharp"] = "F#", ["pwsh"] = "PowerShell", ["powershell"] = "PowerShell", ["javascript"] = "JavaScript", ["html"] = "HTML",
        ["sql"] = "SQL", ["kql"] = "KQL", ["mermaid"] = "Mermaid", ["http"] = "HTTP", ["python"] = "Python", ["value"] = "a value cell",
    };

    /// <summary>
    /// Rejects what the runner cannot execute faithfully: a cell of another language, a notebook with nothing to execute,
    /// solution markers that do not pair up (the student edition could not remove the solution).
    /// </summary>
    private void Validate(string path)
    {
        var defaultKernel = (string?)Json["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] ?? KernelName;
        for (var i = 0; i < Document.Elements.Count; i++)
        {
            var kernel = Document.Elements[i].KernelName is { Length: > 0 } name ? name : defaultKernel;
            if (kernel != "markdown" && !kernel.Equals(KernelName, StringComparison.OrdinalIgnoreCase) && !kernel.Equals("c#", StringComparison.OrdinalIgnoreCase))
                throw new NotebookInputException(path,
                    $"cell {i + 1} is {OtherLanguages.GetValueOrDefault(kernel, "not C#")} (kernelName {kernel}); this runner executes C# cells");
        }
        if (CodeCellCount == 0)
            throw new NotebookInputException(path, Document.Elements.Count == 0
                ? "the notebook has no cells: nothing to execute"
                : "the notebook has only Markdown cells: nothing to execute");
        for (var i = 0; i < Document.Elements.Count; i++)
        {
            try
            {
                SolutionRegions.Find(Document.Elements[i].Contents.Split('\n'), IsMarkdown(i));
            }
            catch (FormatException e)
            {
                throw new NotebookInputException(path, $"cell {i + 1}, {e.Message}: solution markers must pair up, or the student edition would show the solution");
            }
        }
    }
}
