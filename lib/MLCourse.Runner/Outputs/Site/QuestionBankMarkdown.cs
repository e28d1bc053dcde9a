using System.Text;

namespace MLCourse.Runner.Outputs.Site;

/// <summary>
/// <c>DIR/questions.md</c>: the question bank as one Markdown file that prints well and renders on GitHub (headings,
/// block quotes, <c>$…$</c> math, explicit <c>&lt;a id&gt;</c> anchors for its contents list). Its links point at the
/// site beside it, <c>site/NAME.html#section</c>: the site is written by the same run, carries the section anchors the
/// quotes name and renders the math, while the source notebooks have no fixed place relative to DIR (<c>--output</c>
/// may be anywhere) and anchors into a notebook are not dependable in GitHub's or VS Code's notebook views.
/// </summary>
public static class QuestionBankMarkdown
{
    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "questions.md";

    /// <summary>The Markdown of the bank, with links relative to the output folder (<c>site/…</c>).</summary>
    public static string Text(IReadOnlyList<NotebookQuestions> bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var md = new StringBuilder();
        md.Append($"""
            # {QuestionBankPage.Title}

            Every interview question the course's notebooks quote ({QuestionBankPage.Counts(bank)}): the Chinese original, its English
            translation, where the notebook answers it, and each notebook's interview answer in English and in Chinese.
            Written by the course runner from the notebooks; the links open the course site in `site/`.


            """);
        foreach (var entry in bank)
            md.Append($"- [{entry.Page.Title}](#{QuestionBankPage.NotebookAnchor(entry)}): {QuestionBankPage.Plural(entry.Questions.Count, "question")}\n");
        foreach (var entry in bank)
        {
            var page = $"site/{SiteBuilder.PageName(entry.Notebook)}";
            md.Append($"\n---\n\n<a id=\"{QuestionBankPage.NotebookAnchor(entry)}\"></a>\n\n## {entry.Page.Title}\n\n[Notebook page]({page})\n");
            foreach (var question in entry.Questions)
            {
                var heading = entry.AnsweredIn(question);
                md.Append($"\n<a id=\"{QuestionBankPage.QuestionAnchor(entry, question)}\"></a>\n\n**Q{question.Number}.** {question.Chinese}\n\n")
                    .Append(QuestionBankPage.TranslationMarkdown(question)).Append("\n\n")
                    .Append($"→ [{QuestionBankPage.AnsweredInLabel(heading)}]({page}#{Uri.EscapeDataString(heading.Id)})\n");
            }
            md.Append($"\n### Interview answer\n\n{entry.Answer.English}\n\n### 中文回答\n\n")
                .Append(entry.Answer.Chinese ?? "*No Chinese answer yet (this notebook's `### 中文回答` is still to be written).*").Append('\n');
        }
        return md.ToString();
    }
}
