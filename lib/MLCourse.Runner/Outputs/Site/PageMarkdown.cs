using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Outputs.Site;

/// <summary>
/// A notebook's Markdown cells as its site page shows them, parsed once: each cell split into visible parts and folded
/// solution parts (<see cref="SolutionRegions"/>), and every heading with the id it has on the page. Markdig gives
/// GitHub-style ids per cell; ids repeated across cells get <c>-1</c>, <c>-2</c>, … so that each is unique on the page.
/// The page, the question bank and the search index all link through these ids.
/// </summary>
public sealed partial class PageMarkdown
{
    private readonly SortedDictionary<int, IReadOnlyList<MarkdownPart>> _cells;
    private readonly Dictionary<HeadingBlock, PageHeading> _headings;

    private PageMarkdown(string title, SortedDictionary<int, IReadOnlyList<MarkdownPart>> cells, Dictionary<HeadingBlock, PageHeading> headings)
    {
        Title = title;
        _cells = cells;
        _headings = headings;
        Headings = [.. headings.Values];
    }

    /// <summary>The notebook's title: its first <c># …</c> heading, or the file name without extension.</summary>
    public string Title { get; }

    /// <summary>Every heading of the page, in order (solution parts included).</summary>
    public IReadOnlyList<PageHeading> Headings { get; }

    /// <summary>The 0-based indexes (among all cells) of the Markdown cells, in order.</summary>
    public IEnumerable<int> MarkdownCells => _cells.Keys;

    /// <summary>The page heading of a heading block of one of the parts.</summary>
    /// <exception cref="ArgumentException"><paramref name="block"/> is not a heading of this page.</exception>
    public PageHeading HeadingOf(HeadingBlock block) => _headings.TryGetValue(block, out var heading)
        ? heading
        : throw new ArgumentException("not a heading of this page", nameof(block));

    /// <summary>The parts of the Markdown cell at <paramref name="index"/> (0-based among all cells), in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a Markdown cell.</exception>
    public IReadOnlyList<MarkdownPart> Cell(int index) => _cells.TryGetValue(index, out var parts)
        ? parts
        : throw new ArgumentOutOfRangeException(nameof(index), index, "not a Markdown cell");

    /// <summary>The numbered section <c>## N …</c>, or null when the page has none.</summary>
    public PageHeading? Section(int number) => Headings.FirstOrDefault(h => h.Level == 2 && h.Number == number);

    /// <summary>The first heading whose text is <paramref name="text"/> at <paramref name="level"/>, or null.</summary>
    public PageHeading? Heading(int level, string text) => Headings.FirstOrDefault(h => h.Level == level && h.Text == text);

    /// <summary>Parses every Markdown cell of <paramref name="notebook"/>.</summary>
    public static PageMarkdown Parse(NotebookFile notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var cells = new SortedDictionary<int, IReadOnlyList<MarkdownPart>>();
        var headings = new Dictionary<HeadingBlock, PageHeading>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < notebook.Document.Elements.Count; i++)
        {
            if (!notebook.IsMarkdown(i)) continue;
            var cell = notebook.Document.Elements[i];
            var parts = new List<MarkdownPart>();
            foreach (var segment in SolutionRegions.Split(cell.Contents, markdown: true))
            {
                var document = SiteMarkdown.Parse(segment.Text);
                foreach (var heading in document.Descendants<HeadingBlock>())
                {
                    var attributes = heading.GetAttributes();
                    var id = attributes.Id ?? "section";
                    for (var k = 1; !ids.Add(id); k++) id = $"{attributes.Id}-{k}";
                    attributes.Id = id;
                    var text = HeadingText(segment.Text, heading);
                    var number = heading.Level == 2 && SectionNumber().Match(text) is { Success: true } m
                        ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
                    headings.Add(heading, new PageHeading(heading.Level, text, id, number));
                }
                parts.Add(new MarkdownPart(document, segment.IsSolution));
            }
            cells[i] = parts;
        }
        var title = headings.Values.FirstOrDefault(h => h.Level == 1)?.Text ?? Path.GetFileNameWithoutExtension(notebook.Name);
        return new PageMarkdown(title, cells, headings);
    }

    /// <summary>The heading's Markdown from its source line(s), without the ATX marks or a setext underline.</summary>
    private static string HeadingText(string source, HeadingBlock heading)
    {
        var line = source.Substring(heading.Span.Start, heading.Span.Length).Split('\n')[0];
        return ClosingMarks().Replace(OpeningMarks().Replace(line, ""), "").Trim();
    }

    [GeneratedRegex(@"^(\d+)(\s|$)")]
    private static partial Regex SectionNumber();

    [GeneratedRegex(@"^\s{0,3}#{1,6}(\s+|$)")]
    private static partial Regex OpeningMarks();

    [GeneratedRegex(@"\s+#+\s*$")]
    private static partial Regex ClosingMarks();
}
