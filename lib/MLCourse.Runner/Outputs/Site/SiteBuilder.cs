using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Outputs.Site;

/// <summary>
/// Writes the browsable course: <c>index.html</c> (a table of contents with each notebook's status, checks passed and
/// time) and one page per notebook (Markdown with LaTeX math, code, outputs with plots and tables, previous/next links).
/// Math is rendered in the browser by the vendored KaTeX, plots are PNG files beside the pages, and plotly.js is
/// vendored too: the site needs no network.
/// </summary>
public static class SiteBuilder
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Writes the site into <paramref name="directory"/> (created if needed; existing pages are replaced).</summary>
    /// <param name="directory">The site folder, e.g. <c>artifacts/site</c>.</param>
    /// <param name="notebooks">Every notebook of the run, in course order.</param>
    /// <param name="results">Results of the notebooks that finished (missing ones are shown as not run).</param>
    public static void Write(string directory, IReadOnlyList<NotebookFile> notebooks, IReadOnlyList<NotebookResult> results)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(results);
        Directory.CreateDirectory(Path.Combine(directory, "images"));
        WriteAssets(directory);
        var byPath = results.ToDictionary(r => r.Path, StringComparer.Ordinal);
        for (var i = 0; i < notebooks.Count; i++)
        {
            byPath.TryGetValue(notebooks[i].Path, out var result);
            var page = NotebookPage(directory, notebooks[i], result, i > 0 ? notebooks[i - 1] : null, i + 1 < notebooks.Count ? notebooks[i + 1] : null);
            AtomicFile.WriteAllText(Path.Combine(directory, PageName(notebooks[i])), page);
        }
        AtomicFile.WriteAllText(Path.Combine(directory, "index.html"), IndexPage(notebooks, byPath));
    }

    /// <summary>The page of a notebook: <c>01-name.ipynb</c> → <c>01-name.html</c>.</summary>
    public static string PageName(NotebookFile notebook) => Path.ChangeExtension(notebook.Name, ".html");

    private static string IndexPage(IReadOnlyList<NotebookFile> notebooks, Dictionary<string, NotebookResult> results)
    {
        var rows = new StringBuilder();
        foreach (var notebook in notebooks)
        {
            results.TryGetValue(notebook.Path, out var r);
            var (status, css) = r is null ? ("not run", "status-not-run") : r.Passed ? ("passed", "status-passed") : ("failed", "status-failed");
            rows.Append($"<tr><td><a href=\"{PageName(notebook)}\">{Html.Escape(Title(notebook))}</a></td><td class=\"{css}\">{status}</td>")
                .Append($"<td class=\"number\">{(r is null ? "" : r.ChecksPassed.ToString(CultureInfo.InvariantCulture))}</td>")
                .Append($"<td class=\"number\">{(r is null ? "" : r.Seconds.ToString("F1", CultureInfo.InvariantCulture) + " s")}</td></tr>\n");
        }
        var finished = results.Values.ToList();
        var body = $"""
            <h1>ML Derivations</h1>
            <p>Machine-learning interview questions, derived step by step in C# notebooks: every claim is checked numerically.</p>
            <table class="contents">
            <thead><tr><th>Notebook</th><th>Status</th><th>Checks passed</th><th>Time</th></tr></thead>
            <tbody>
            {rows}</tbody>
            </table>
            <p>{finished.Count(r => r.Passed)} of {notebooks.Count} notebooks passed; {finished.Sum(r => r.ChecksPassed)} checks.</p>
            """;
        return Page("ML Derivations", body, "", usesPlotly: false);
    }

    private static string NotebookPage(string directory, NotebookFile notebook, NotebookResult? result, NotebookFile? previous, NotebookFile? next)
    {
        var outputs = result?.Cells.ToDictionary(c => c.Index) ?? [];
        var body = new StringBuilder();
        if (result is null)
            body.Append("<div class=\"banner not-run\">This notebook was not run: the page shows its source only.</div>\n");
        else if (!result.Passed)
            body.Append($"<div class=\"banner failed\">{Html.Escape(result.FailureMessage!)}</div>\n");
        for (var i = 0; i < notebook.Document.Elements.Count; i++)
        {
            var cell = notebook.Document.Elements[i];
            if (cell.KernelName == "markdown")
            {
                body.Append(MarkdownHtml(cell.Contents)).Append('\n');
                continue;
            }
            outputs.TryGetValue(i, out var executed);
            var count = executed is null ? "[ ]" : $"[{executed.ExecutionCount}]";
            body.Append($"<div class=\"cell\" id=\"cell-{i + 1}\"><div class=\"count\">{count}</div><pre class=\"source\"><code class=\"language-csharp\">{Html.Escape(cell.Contents)}</code></pre>\n");
            if (executed is not null)
                for (var j = 0; j < executed.Outputs.Count; j++)
                    body.Append(OutputHtml(directory, notebook, i, j, executed.Outputs[j])).Append('\n');
            body.Append("</div>\n");
        }
        var navigation = $"<a href=\"index.html\">Contents</a>"
            + (previous is null ? "" : $"<a href=\"{PageName(previous)}\">← {Html.Escape(Title(previous))}</a>")
            + (next is null ? "" : $"<a href=\"{PageName(next)}\">{Html.Escape(Title(next))} →</a>");
        var html = body.ToString();
        return Page(Title(notebook), html, navigation, usesPlotly: html.Contains("Plotly.newPlot", StringComparison.Ordinal));
    }

    private static string OutputHtml(string directory, NotebookFile notebook, int cell, int output, CellOutput value)
    {
        switch (value)
        {
            case StreamOutput s:
                return $"<div class=\"output\"><pre class=\"{s.Name}\">{Html.Escape(s.Text)}</pre></div>";
            case ErrorOutput e:
                return $"<div class=\"output\"><pre class=\"error\">{Html.Escape(e.Name)}: {Html.Escape(e.Value)}</pre></div>";
            case DisplayOutput d when d.Data.TryGetValue("image/png", out var png):
                var file = $"images/{Path.GetFileNameWithoutExtension(notebook.Name)}-cell{cell + 1}-{output + 1}.png";
                File.WriteAllBytes(Path.Combine(directory, file), Convert.FromBase64String(png));
                return $"<div class=\"output\"><img src=\"{file}\" alt=\"plot from cell {cell + 1}\" loading=\"lazy\"></div>";
            case DisplayOutput d when d.Data.TryGetValue("text/html", out var html):
                return $"<div class=\"output\">{html}</div>";
            case DisplayOutput d:
                return $"<div class=\"output\"><pre>{Html.Escape(d.Data.GetValueOrDefault("text/plain") ?? string.Join(", ", d.Data.Keys))}</pre></div>";
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "unknown output kind");
        }
    }

    /// <summary>Markdown to HTML; links between notebooks point at their pages, and the README link at the index.</summary>
    private static string MarkdownHtml(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Markdown);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is null || link.Url.Contains("://", StringComparison.Ordinal)) continue;
            if (link.Url.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)) link.Url = Path.ChangeExtension(link.Url, ".html");
            else if (link.Url.EndsWith("README.md", StringComparison.OrdinalIgnoreCase)) link.Url = "index.html";
        }
        return document.ToHtml(Markdown);
    }

    private static string Title(NotebookFile notebook)
    {
        var first = notebook.Document.Elements.FirstOrDefault(e => e.KernelName == "markdown")?.Contents ?? "";
        var heading = first.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
        return heading is null ? Path.GetFileNameWithoutExtension(notebook.Name) : heading[2..].Trim();
    }

    private static string Page(string title, string body, string navigation, bool usesPlotly)
    {
        var plotly = usesPlotly ? "\n<script src=\"assets/plotly/plotly-basic.min.js\"></script>" : "";
        var header = navigation.Length == 0 ? "" : $"<header class=\"top\">{navigation}</header>";
        var footer = navigation.Length == 0 ? "" : $"<footer class=\"bottom\">{navigation}</footer>";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Html.Escape(title)}</title>
            <link rel="stylesheet" href="assets/katex/katex.min.css">
            <link rel="stylesheet" href="assets/site.css">
            <script src="assets/katex/katex.min.js"></script>{plotly}
            <script src="assets/site.js"></script>
            </head>
            <body>
            {header}
            <main>
            {body}
            </main>
            {footer}
            </body>
            </html>

            """;
    }

    private static void WriteAssets(string directory)
    {
        var assembly = typeof(SiteBuilder).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("site/", StringComparison.Ordinal)))
        {
            var target = Path.Combine(directory, "assets", name["site/".Length..].Replace('\\', '/'));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var source = assembly.GetManifestResourceStream(name)!;
            using var file = File.Create(target);
            source.CopyTo(file);
        }
    }
}
