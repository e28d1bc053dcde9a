using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MLCourse.Runner.Outputs.Site;

/// <summary>
/// Markdown as the site renders it: Markdig's advanced extensions (math, tables, …) with GitHub-style heading ids
/// (<c>## 4 ★ Adam</c> → <c>4--adam</c>, <c>### 中文回答</c> → <c>中文回答</c>), and links between notebooks pointing at
/// their pages (<c>05-optimizers.ipynb</c> → <c>05-optimizers.html</c>, the README at the index).
/// </summary>
internal static class SiteMarkdown
{
    /// <summary>Auto identifiers first: <c>UseAdvancedExtensions</c> then keeps these options instead of its ASCII-only default.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.AutoLink | AutoIdentifierOptions.GitHub)
        .UseAdvancedExtensions()
        .Build();

    /// <summary>Parses <paramref name="markdown"/>, with the links rewritten for the site.</summary>
    public static MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is null || link.Url.Contains("://", StringComparison.Ordinal)) continue;
            var (path, fragment) = link.Url.IndexOf('#') is var hash and >= 0 ? (link.Url[..hash], link.Url[hash..]) : (link.Url, "");
            if (path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)) link.Url = Path.ChangeExtension(path, ".html") + fragment;
            else if (path.EndsWith("README.md", StringComparison.OrdinalIgnoreCase)) link.Url = "index.html";
        }
        return document;
    }

    /// <summary>The HTML of a parsed document.</summary>
    public static string Html(MarkdownDocument document) => document.ToHtml(Pipeline);

    /// <summary>Parses and renders <paramref name="markdown"/>.</summary>
    public static string Html(string markdown) => Html(Parse(markdown));

    /// <summary>A single paragraph's HTML without its <c>&lt;p&gt;</c> wrapper: for Markdown inside a sentence or a link.</summary>
    public static string InlineHtml(string markdown)
    {
        var html = Html(markdown).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }
}
