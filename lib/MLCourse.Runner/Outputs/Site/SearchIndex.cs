using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Markdig.Extensions.Mathematics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MLCourse.Runner.Outputs.Site;

/// <summary>
/// The site's search index, <c>site/search-index.js</c>: every notebook, every section (the prose under each heading,
/// solutions left out) and every interview question, tokenized by <see cref="SearchTokenizer"/> and serialised as a
/// MiniSearch 7 index (its <c>toJSON</c> format, serialization version 2) that <c>assets/search.js</c> loads with
/// <c>MiniSearch.loadJS</c>. The file assigns <c>window.MLCourseSearchIndex</c>: a page opened from <c>file://</c> can
/// run a script but cannot fetch JSON.
/// </summary>
public static class SearchIndex
{
    /// <summary>The file's name in the site folder.</summary>
    public const string FileName = "search-index.js";

    /// <summary>The indexed fields, in MiniSearch's field order; search.js boosts the first.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["title", "text"];

    /// <summary>The fields stored for showing a result.</summary>
    public static IReadOnlyList<string> StoredFields { get; } = ["kind", "url", "where", "heading", "excerpt"];

    /// <summary>The search documents of one notebook: itself (its title and introduction), its sections and its questions.</summary>
    /// <param name="page">The notebook's page Markdown.</param>
    /// <param name="pageName">The page's file name, e.g. <c>05-optimizers.html</c>.</param>
    /// <param name="questions">Its question-bank entry, or null when it quotes no questions.</param>
    public static IReadOnlyList<SearchDocument> Documents(PageMarkdown page, string pageName, NotebookQuestions? questions)
    {
        ArgumentNullException.ThrowIfNull(page);
        var baseId = Path.GetFileNameWithoutExtension(pageName);
        var documents = new List<SearchDocument>();
        HeadingBlock? heading = null;
        string? section = null;
        StringBuilder text = new(), excerpt = new();
        void Flush()
        {
            if (heading is null) return;
            var id = page.HeadingOf(heading).Id;
            var notebook = heading.Level == 1;
            var where = heading.Level > 2 && section is not null ? $"{page.Title} › {section}" : page.Title;
            documents.Add(new SearchDocument(notebook ? baseId : $"{baseId}#{id}", notebook ? "notebook" : "section",
                notebook ? pageName : $"{pageName}#{id}", where, PlainText(heading, keepMath: true),
                PlainText(heading, keepMath: false), Squeeze(text), Squeeze(excerpt)));
            text.Clear();
            excerpt.Clear();
        }
        foreach (var cell in page.MarkdownCells)
            foreach (var part in page.Cell(cell).Where(p => !p.IsSolution))
                foreach (var block in part.Document)
                {
                    if (block is HeadingBlock next)
                    {
                        Flush();
                        heading = next;
                        if (next.Level <= 2) section = PlainText(next, keepMath: true);
                        continue;
                    }
                    text.Append(PlainText(block, keepMath: false)).Append('\n');
                    excerpt.Append(PlainText(block, keepMath: true)).Append('\n');
                }
        Flush();
        foreach (var question in questions?.Questions ?? [])
        {
            var answeredIn = questions!.AnsweredIn(question);
            var translation = PlainMarkdown(QuestionBankPage.TranslationMarkdown(question), keepMath: true);
            documents.Add(new SearchDocument($"{baseId}?q{question.Number}", "question", $"{pageName}#{answeredIn.Id}", page.Title,
                PlainMarkdown(question.Chinese, keepMath: true),
                PlainMarkdown(question.Chinese + "\n\n*" + question.English + "*", keepMath: false),
                PlainMarkdown(question.Note, keepMath: false), translation));
        }
        return documents;
    }

    /// <summary>
    /// The text of <c>search-index.js</c> for <paramref name="documents"/>: <c>window.MLCourseSearchIndex = {fields,
    /// storeFields, index}</c>, where <c>index</c> is what MiniSearch's <c>toJSON</c> would give after adding the
    /// documents in order with this tokenizer (terms sorted, so the file is deterministic).
    /// </summary>
    public static string Script(IReadOnlyList<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        // term → field id → document short id → term frequency, and per document the unique terms of each field.
        var index = new SortedDictionary<string, SortedDictionary<int, SortedDictionary<int, int>>>(StringComparer.Ordinal);
        var fieldLengths = new int[documents.Count][];
        var averages = new double[Fields.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            fieldLengths[d] = new int[Fields.Count];
            for (var f = 0; f < Fields.Count; f++)
            {
                var tokens = SearchTokenizer.Tokenize(f == 0 ? documents[d].Title : documents[d].Text);
                fieldLengths[d][f] = tokens.Distinct(StringComparer.Ordinal).Count();
                averages[f] = (averages[f] * d + fieldLengths[d][f]) / (d + 1);   // MiniSearch's running mean, for identical scores
                foreach (var token in tokens)
                {
                    if (!index.TryGetValue(token, out var byField)) index[token] = byField = [];
                    if (!byField.TryGetValue(f, out var byDocument)) byField[f] = byDocument = [];
                    byDocument[d] = byDocument.GetValueOrDefault(d) + 1;
                }
            }
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            WriteArray(json, "fields", Fields);
            WriteArray(json, "storeFields", StoredFields);
            json.WriteStartObject("index");
            json.WriteNumber("documentCount", documents.Count);
            json.WriteNumber("nextId", documents.Count);
            json.WriteStartObject("documentIds");
            for (var d = 0; d < documents.Count; d++) json.WriteString(Key(d), documents[d].Id);
            json.WriteEndObject();
            json.WriteStartObject("fieldIds");
            for (var f = 0; f < Fields.Count; f++) json.WriteNumber(Fields[f], f);
            json.WriteEndObject();
            json.WriteStartObject("fieldLength");
            for (var d = 0; d < documents.Count; d++)
            {
                json.WriteStartArray(Key(d));
                foreach (var length in fieldLengths[d]) json.WriteNumberValue(length);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteStartArray("averageFieldLength");
            foreach (var average in averages) json.WriteNumberValue(average);
            json.WriteEndArray();
            json.WriteStartObject("storedFields");
            for (var d = 0; d < documents.Count; d++)
            {
                var document = documents[d];
                json.WriteStartObject(Key(d));
                json.WriteString("kind", document.Kind);
                json.WriteString("url", document.Url);
                json.WriteString("where", document.Where);
                json.WriteString("heading", document.Heading);
                json.WriteString("excerpt", document.Excerpt);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteNumber("dirtCount", 0);
            json.WriteStartArray("index");
            foreach (var (term, byField) in index)
            {
                json.WriteStartArray();
                json.WriteStringValue(term);
                json.WriteStartObject();
                foreach (var (field, byDocument) in byField)
                {
                    json.WriteStartObject(Key(field));
                    foreach (var (document, frequency) in byDocument) json.WriteNumber(Key(document), frequency);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteNumber("serializationVersion", 2);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return "// The course's search index, written by MLCourse.Runner (MiniSearch 7 serialization, read by assets/search.js).\n"
            + $"window.MLCourseSearchIndex = {Encoding.UTF8.GetString(stream.ToArray())};\n";
    }

    private static string Key(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>Plain text of a Markdown fragment.</summary>
    private static string PlainMarkdown(string markdown, bool keepMath) =>
        Squeeze(new StringBuilder(string.Join("\n", SiteMarkdown.Parse(markdown).Select(b => PlainText(b, keepMath)))));

    /// <summary>
    /// The words of a block: text, code spans, link texts; inline math as <c>$…$</c> when <paramref name="keepMath"/>,
    /// else left out; display math, HTML and solution markers always left out.
    /// </summary>
    private static string PlainText(Block block, bool keepMath)
    {
        switch (block)
        {
            case MathBlock or HtmlBlock:
                return "";
            case LeafBlock { Inline: { } inline }:
                var text = new StringBuilder();
                AppendInline(text, inline, keepMath);
                return text.ToString();
            case LeafBlock leaf:
                return leaf.Lines.ToString();
            case ContainerBlock container:
                return string.Join("\n", container.Select(b => PlainText(b, keepMath)));
            default:
                return "";
        }
    }

    private static void AppendInline(StringBuilder text, Inline inline, bool keepMath)
    {
        if (inline is ContainerInline container)
        {
            foreach (var child in container) AppendInline(text, child, keepMath);
            return;
        }
        text.Append(inline switch
        {
            MathInline math => keepMath ? $"${math.Content}$" : " ",
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            HtmlEntityInline entity => entity.Transcoded.ToString(),
            AutolinkInline link => link.Url,
            LineBreakInline => " ",
            _ => "",
        });
    }

    /// <summary>Runs of white space as one space, trimmed.</summary>
    private static string Squeeze(StringBuilder text) => string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
