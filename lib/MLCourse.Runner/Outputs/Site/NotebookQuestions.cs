using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Outputs.Site;

/// <summary>
/// A notebook's entry in the question bank: the interview questions it quotes and its interview answer, read from its
/// Markdown by the conventions of README's "Contributing a notebook".
/// <para>The questions are the block quotes above <c>**You will learn**</c> (before the first <c>## </c> heading).
/// Each quote holds the Chinese original, an empty <c>&gt;</c> line, the English translation in italics (a note may
/// follow, on the same line or in further paragraphs), and optionally a last line <c>&gt; → §N</c> naming the section
/// <c>## N …</c> that answers it. The answer is the <c>## Interview answer</c> section: English first, then the Chinese
/// version under <c>### 中文回答</c>. A notebook without a Chinese answer yet is accepted (the bank says so; the lint
/// requires one), everything else that does not parse is an error.</para>
/// </summary>
/// <param name="Notebook">The notebook.</param>
/// <param name="Page">Its page's Markdown (title and heading ids).</param>
/// <param name="Questions">The questions, in the order quoted; at least one.</param>
/// <param name="Answer">The interview answer.</param>
public sealed partial record NotebookQuestions(NotebookFile Notebook, PageMarkdown Page, IReadOnlyList<InterviewQuestion> Questions, InterviewAnswer Answer)
{
    /// <summary>Finds the emphasis that opens a translation, with its exact source span; math is parsed so that <c>$a*b$</c> is no emphasis.</summary>
    private static readonly MarkdownPipeline Inline = new MarkdownPipelineBuilder().UseMathematics().UsePreciseSourceLocation().Build();

    private const string ChineseHeading = "### 中文回答";

    private const string AnswerHeadingText = "Interview answer";

    /// <summary>The heading on the notebook's page that answers <paramref name="question"/>: the section <c>## N …</c>
    /// its quote names, otherwise the interview answer.</summary>
    public PageHeading AnsweredIn(InterviewQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return (question.Section is { } n ? Page.Section(n) : null) ?? Page.Heading(2, AnswerHeadingText)!;
    }

    /// <summary>
    /// Reads every notebook's questions and answer, in the order given; notebooks with neither contribute nothing.
    /// </summary>
    /// <exception cref="NotebookInputException">A notebook's question quotes or interview answer do not parse; the
    /// message names the notebook, the question and what is wrong.</exception>
    public static IReadOnlyList<NotebookQuestions> Read(IEnumerable<NotebookFile> notebooks) =>
        notebooks.Select(n => Parse(n, PageMarkdown.Parse(n))).OfType<NotebookQuestions>().ToList();

    /// <summary>The questions and answer of <paramref name="notebook"/>, or null when it has neither.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="page">Its page's Markdown, <see cref="PageMarkdown.Parse"/> of the same notebook.</param>
    /// <exception cref="NotebookInputException">The question quotes or the interview answer do not parse.</exception>
    public static NotebookQuestions? Parse(NotebookFile notebook, PageMarkdown page)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(page);
        var markdown = notebook.Document.Elements.Where((_, i) => notebook.IsMarkdown(i)).Select(e => e.Contents.ReplaceLineEndings("\n")).ToList();
        var questions = Quotes(markdown).Select((quote, i) => ReadQuestion(notebook, page, i + 1, quote)).ToList();
        var answer = ReadAnswer(notebook, string.Join("\n\n", markdown));
        if (answer is not null && page.Heading(2, AnswerHeadingText) is null)
            throw Bad(notebook, $"the line \"## {AnswerHeadingText}\" is not a heading of the page (is it inside a code block or HTML?)");
        return (questions.Count, answer) switch
        {
            (0, null) => null,
            (0, _) => throw Bad(notebook, "has an \"## Interview answer\" but quotes no interview question: quote each one above \"**You will learn**\" " +
                "as a block quote (the Chinese original, an empty \">\" line, the English translation in italics)"),
            (_, null) => throw Bad(notebook, $"quotes {questions.Count} interview question(s) but has no \"## Interview answer\" section"),
            _ => new NotebookQuestions(notebook, page, questions, answer),
        };
    }

    /// <summary>The block quotes above "**You will learn**" and the first "## " heading, each as its lines without the "&gt; " prefix.</summary>
    private static List<List<string>> Quotes(IEnumerable<string> markdownCells)
    {
        var quotes = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in markdownCells.SelectMany(cell => cell.Split('\n').Append("")))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("## ", StringComparison.Ordinal) || trimmed.StartsWith("**You will learn**", StringComparison.Ordinal)) break;
            if (!trimmed.StartsWith('>'))
            {
                current = null;
                continue;
            }
            if (current is null) quotes.Add(current = []);
            var content = trimmed[1..];
            current.Add((content.StartsWith(' ') ? content[1..] : content).TrimEnd());
        }
        return quotes;
    }

    private static InterviewQuestion ReadQuestion(NotebookFile notebook, PageMarkdown page, int number, List<string> lines)
    {
        var paragraphs = Paragraphs(lines);
        var chinese = paragraphs.Count > 0 ? paragraphs[0] : "";
        var where = $"interview question {number} (\"{Shorten(chinese)}\")";
        if (!Cjk().IsMatch(chinese))
            throw Bad(notebook, $"{where}: the quote must open with the question in the original Chinese");

        int? section = null;
        for (var i = 1; i < paragraphs.Count; i++)
        {
            if (!paragraphs[i].StartsWith('→')) continue;
            var reference = SectionReference().Match(paragraphs[i]);
            if (!reference.Success)
                throw Bad(notebook, $"{where}: malformed section reference \"{paragraphs[i]}\": write \"> → §N\" on the quote's last line, N being the number of a \"## N …\" section");
            if (i != paragraphs.Count - 1)
                throw Bad(notebook, $"{where}: the section reference \"{paragraphs[i]}\" must be the quote's last line");
            section = int.Parse(reference.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (page.Section(section.Value) is null)
                throw Bad(notebook, $"{where}: \"{paragraphs[i]}\" names no section: the notebook has no \"## {section} …\" heading");
            paragraphs.RemoveAt(i);
        }

        if (paragraphs.Count < 2)
            throw Bad(notebook, $"{where}: no English translation: after the Chinese original write an empty \">\" line, then the translation in italics, \"> *…*\"");
        var translation = paragraphs[1];
        var block = Markdown.Parse(translation, Inline).FirstOrDefault() as ParagraphBlock;
        if (block?.Inline?.FirstChild is not EmphasisInline { DelimiterCount: 1 } emphasis)
            throw Bad(notebook, $"{where}: the English translation must open the second paragraph in italics (\"*…*\"), found \"{Shorten(translation)}\"");
        var english = translation[(emphasis.Span.Start + 1)..emphasis.Span.End].Trim();
        var note = string.Join("\n\n", new[] { translation[(emphasis.Span.End + 1)..].Trim() }.Concat(paragraphs.Skip(2)).Where(p => p.Length > 0));
        return new InterviewQuestion(number, chinese, english, note, section);
    }

    private static InterviewAnswer? ReadAnswer(NotebookFile notebook, string markdown)
    {
        var section = AnswerSection().Match(markdown);
        if (!section.Success) return null;
        var parts = ChineseHeadingLine().Split(section.Groups["body"].Value);
        if (parts.Length > 2)
            throw Bad(notebook, $"\"{ChineseHeading}\" appears {parts.Length - 1} times in the interview answer: write it once, with the Chinese answer under it");
        var english = parts[0].Trim();
        if (english.Length == 0)
            throw Bad(notebook, $"the \"## Interview answer\" section has no English answer{(parts.Length == 2 ? $" above \"{ChineseHeading}\"" : "")}");
        if (parts.Length == 1) return new InterviewAnswer(english, null);
        var chinese = AnyHeadingLine().Split(parts[1])[0].Trim();
        if (chinese.Length == 0)
            throw Bad(notebook, $"\"{ChineseHeading}\" has no answer under it");
        return new InterviewAnswer(english, chinese);
    }

    /// <summary>Paragraphs of a quote: runs of non-empty lines, each joined with "\n".</summary>
    private static List<string> Paragraphs(List<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in lines.Append(""))
        {
            if (line.Trim().Length > 0) { current.Add(line); continue; }
            if (current.Count > 0) paragraphs.Add(string.Join('\n', current));
            current.Clear();
        }
        return paragraphs;
    }

    private static string Shorten(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length <= 40 ? line : line[..39] + "…";
    }

    private static NotebookInputException Bad(NotebookFile notebook, string problem) => new(notebook.Name, problem);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"^→\s*§\s*(\d+)\s*$")]
    private static partial Regex SectionReference();

    [GeneratedRegex(@"^## Interview answer[ \t]*$(?<body>.*?)(?=^#{1,2} |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex AnswerSection();

    [GeneratedRegex(@"^### 中文回答[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ChineseHeadingLine();

    [GeneratedRegex(@"^#{1,6} ", RegexOptions.Multiline)]
    private static partial Regex AnyHeadingLine();
}
