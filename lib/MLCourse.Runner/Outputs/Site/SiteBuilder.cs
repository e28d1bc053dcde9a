using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Outputs.Site;

/// <summary>
/// Writes the browsable course: <c>index.html</c> (a table of contents with each notebook's status, checks passed and
/// time), one page per notebook (Markdown with LaTeX math, code with each exercise's solution folded, outputs with
/// plots and tables, previous/next links), the question bank <c>questions.html</c>, and the search index that the
/// search box on every page reads. Math is rendered in the browser by the vendored KaTeX, search by the vendored
/// MiniSearch, plots are PNG files beside the pages, and plotly.js is vendored too: the site needs no network.
/// </summary>
public static partial class SiteBuilder
{
    /// <summary>Writes the site into <paramref name="directory"/> (created if needed; existing pages are replaced).</summary>
    /// <param name="directory">The site folder, e.g. <c>artifacts/site</c>.</param>
    /// <param name="notebooks">Every notebook of the run, in course order.</param>
    /// <param name="results">Results of the notebooks that finished (missing ones are shown as not run).</param>
    /// <returns>The question bank the site shows (the notebooks that quote questions, in course order), for <see cref="QuestionBankMarkdown"/>.</returns>
    /// <exception cref="NotebookInputException">A notebook's interview questions or answer do not parse (see <see cref="NotebookQuestions"/>).</exception>
    public static IReadOnlyList<NotebookQuestions> Write(string directory, IReadOnlyList<NotebookFile> notebooks, IReadOnlyList<NotebookResult> results)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(results);
        Directory.CreateDirectory(Path.Combine(directory, "images"));
        WriteAssets(directory);
        var byPath = results.ToDictionary(r => r.Path, StringComparer.Ordinal);
        var pages = notebooks.Select(PageMarkdown.Parse).ToList();
        var bank = new List<NotebookQuestions>();
        var search = new List<SearchDocument>();
        for (var i = 0; i < notebooks.Count; i++)
        {
            var questions = NotebookQuestions.Parse(notebooks[i], pages[i]);
            if (questions is not null) bank.Add(questions);
            search.AddRange(SearchIndex.Documents(pages[i], PageName(notebooks[i]), questions));
            byPath.TryGetValue(notebooks[i].Path, out var result);
            AtomicFile.WriteAllText(Path.Combine(directory, PageName(notebooks[i])), NotebookPage(directory, notebooks, pages, i, result));
        }
        AtomicFile.WriteAllText(Path.Combine(directory, "index.html"), IndexPage(notebooks, pages, byPath, bank));
        AtomicFile.WriteAllText(Path.Combine(directory, QuestionBankPage.FileName),
            Page(QuestionBankPage.Title, QuestionBankPage.Body(bank), "", usesPlotly: false));
        AtomicFile.WriteAllText(Path.Combine(directory, SearchIndex.FileName), SearchIndex.Script(search));
        return bank;
    }

    /// <summary>The page of a notebook: <c>01-name.ipynb</c> → <c>01-name.html</c>.</summary>
    public static string PageName(NotebookFile notebook) => Path.ChangeExtension(notebook.Name, ".html");

    private static string IndexPage(IReadOnlyList<NotebookFile> notebooks, IReadOnlyList<PageMarkdown> pages, Dictionary<string, NotebookResult> results,
        IReadOnlyList<NotebookQuestions> bank)
    {
        var rows = new StringBuilder();
        for (var i = 0; i < notebooks.Count; i++)
        {
            results.TryGetValue(notebooks[i].Path, out var r);
            var (status, css) = r is null ? ("not run", "status-not-run") : r.Passed ? ("passed", "status-passed") : ("failed", "status-failed");
            rows.Append($"<tr><td><a href=\"{PageName(notebooks[i])}\">{Html.Escape(pages[i].Title)}</a></td><td class=\"{css}\">{status}</td>")
                .Append($"<td class=\"number\">{(r is null ? "" : r.ChecksPassed.ToString(CultureInfo.InvariantCulture))}</td>")
                .Append($"<td class=\"number\">{(r is null ? "" : r.Seconds.ToString("F1", CultureInfo.InvariantCulture) + " s")}</td></tr>\n");
        }
        var finished = results.Values.ToList();
        var questions = bank.Count == 0 ? "" : $"""
            <p class="bank-link"><a href="{QuestionBankPage.FileName}"><strong>{QuestionBankPage.Title}</strong></a>: {QuestionBankPage.Counts(bank)},
            in the original Chinese and in English, each with the notebook's interview answer in both languages (<span lang="zh-CN">面试题库</span>).</p>

            """;
        var body = $"""
            <h1>ML Derivations</h1>
            <p>Machine-learning interview questions, derived step by step in C# notebooks: every claim is checked numerically.</p>
            {questions}<table class="contents">
            <thead><tr><th>Notebook</th><th>Status</th><th>Checks passed</th><th>Time</th></tr></thead>
            <tbody>
            {rows}</tbody>
            </table>
            <p>{finished.Count(r => r.Passed)} of {notebooks.Count} notebooks passed; {finished.Sum(r => r.ChecksPassed)} checks.</p>
            """;
        return Page("ML Derivations", body, "", usesPlotly: false);
    }

    /// <summary>The page of notebook <paramref name="n"/> of <paramref name="notebooks"/>, whose page Markdown is <paramref name="pages"/>[n].</summary>
    private static string NotebookPage(string directory, IReadOnlyList<NotebookFile> notebooks, IReadOnlyList<PageMarkdown> pages, int n, NotebookResult? result)
    {
        var (notebook, markdown) = (notebooks[n], pages[n]);
        var outputs = result?.Cells.ToDictionary(c => c.Index) ?? [];
        var body = new StringBuilder();
        if (result is null)
            body.Append("<div class=\"banner not-run\">This notebook was not run: the page shows its source only.</div>\n");
        else if (!result.Passed)
            body.Append($"<div class=\"banner failed\">{Html.Escape(result.FailureMessage!)}</div>\n");
        for (var i = 0; i < notebook.Document.Elements.Count; i++)
        {
            var cell = notebook.Document.Elements[i];
            if (notebook.IsMarkdown(i))
            {
                foreach (var part in markdown.Cell(i))
                    body.Append(part.IsSolution ? Folded(SiteMarkdown.Html(part.Document)) : SiteMarkdown.Html(part.Document)).Append('\n');
                continue;
            }
            outputs.TryGetValue(i, out var executed);
            var count = executed is null ? "[ ]" : $"[{executed.ExecutionCount}]";
            body.Append($"<div class=\"cell\" id=\"cell-{i + 1}\"><div class=\"count\">{count}</div><div class=\"source\">");
            foreach (var segment in SolutionRegions.Split(cell.Contents, markdown: false))
            {
                var code = $"<pre><code class=\"language-csharp\">{Html.Escape(BlankLinesAround().Replace(segment.Text, ""))}</code></pre>";
                body.Append(segment.IsSolution ? Folded(code) : code);
            }
            body.Append("</div>\n");
            if (executed is not null)
                for (var j = 0; j < executed.Outputs.Count; j++)
                    body.Append(OutputHtml(directory, notebook, i, j, executed.Outputs[j])).Append('\n');
            body.Append("</div>\n");
        }
        var navigation = (n > 0 ? $"<a href=\"{PageName(notebooks[n - 1])}\">← {Html.Escape(pages[n - 1].Title)}</a>" : "")
            + (n + 1 < notebooks.Count ? $"<a href=\"{PageName(notebooks[n + 1])}\">{Html.Escape(pages[n + 1].Title)} →</a>" : "");
        var html = body.ToString();
        return Page(markdown.Title, html, navigation, usesPlotly: html.Contains("Plotly.newPlot", StringComparison.Ordinal));
    }

    /// <summary>A solution, folded under the exercise: a <c>&lt;details&gt;</c> element the reader opens.</summary>
    private static string Folded(string html) => $"<details class=\"solution\"><summary>Solution</summary>\n{html}</details>";

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

    /// <summary>
    /// A page of the site: the header (contents, question bank, <paramref name="navigation"/> and the search box), the
    /// body, and a footer repeating the navigation on notebook pages.
    /// </summary>
    private static string Page(string title, string body, string navigation, bool usesPlotly)
    {
        var plotly = usesPlotly ? "\n<script src=\"assets/plotly/plotly-basic.min.js\"></script>" : "";
        var links = $"<a href=\"index.html\">Contents</a><a href=\"{QuestionBankPage.FileName}\">Question bank</a>{navigation}";
        var header = $"""
            <header class="top"><nav>{links}</nav>
            <div class="search" role="search">
            <input type="search" id="search" placeholder="Search: English or 中文" aria-label="Search the course" autocomplete="off" spellcheck="false"
             role="combobox" aria-controls="search-results" aria-expanded="false" aria-autocomplete="list"><kbd class="search-key" title="Press / to search">/</kbd>
            <div class="search-results" id="search-results" role="listbox" aria-label="Search results" hidden></div>
            </div></header>
            """;
        var footer = navigation.Length == 0 ? "" : $"<footer class=\"bottom\"><nav>{links}</nav></footer>";
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
            <script src="assets/search.js"></script>
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

    /// <summary>Blank lines at the start and white space at the end of a code segment (around the removed marker lines).</summary>
    [GeneratedRegex(@"^(\s*\n)+|\s+$")]
    private static partial Regex BlankLinesAround();
}
