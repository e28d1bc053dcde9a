using System.Text;

namespace MLCourse.Runner.Outputs.Site;

/// <summary>
/// The body of <c>site/questions.html</c>: every interview question the notebooks quote, grouped by notebook in course
/// order, each with its Chinese original, its translation and a link to the section that answers it, and each
/// notebook's interview answer in English and Chinese, folded so that a learner can answer first.
/// </summary>
public static class QuestionBankPage
{
    /// <summary>The page's file name in the site folder.</summary>
    public const string FileName = "questions.html";

    /// <summary>The page's title.</summary>
    public const string Title = "Interview question bank";

    /// <summary>The id of a notebook's section on the page (and in <c>questions.md</c>): its page name without extension.</summary>
    public static string NotebookAnchor(NotebookQuestions entry) => Path.GetFileNameWithoutExtension(entry.Notebook.Name);

    /// <summary>The id of a question on the page (and in <c>questions.md</c>).</summary>
    public static string QuestionAnchor(NotebookQuestions entry, InterviewQuestion question) => $"{NotebookAnchor(entry)}-q{question.Number}";

    /// <summary>"N questions from M notebooks", as the page and <c>questions.md</c> introduce themselves.</summary>
    public static string Counts(IReadOnlyList<NotebookQuestions> bank) =>
        $"{Plural(bank.Sum(e => e.Questions.Count), "question")} from {Plural(bank.Count, "notebook")}";

    /// <summary>"1 question", "3 questions".</summary>
    public static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>The translation in italics, followed by the quote's note: Markdown shared by the page and <c>questions.md</c>.</summary>
    public static string TranslationMarkdown(InterviewQuestion question) =>
        $"*{question.English}*" + (question.Note.Length > 0 ? " " + question.Note : "");

    /// <summary>The link text for where a question is answered: "§4 ★ Adam, …" for a numbered section, else the heading.</summary>
    public static string AnsweredInLabel(PageHeading heading) => heading.Number is null ? heading.Text : "§" + heading.Text;

    /// <summary>The HTML of the page's <c>&lt;main&gt;</c>.</summary>
    public static string Body(IReadOnlyList<NotebookQuestions> bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var html = new StringBuilder();
        html.Append($"""
            <h1>{Title}</h1>
            <p class="lead">Every interview question the notebooks quote ({Counts(bank)}): the Chinese original, its English translation,
            a link to where the notebook answers it, and each notebook's interview answer in English and in Chinese.
            Try answering out loud before you open an answer.</p>
            <p class="bank-tools"><button type="button" class="toggle-details" data-details="details.answer">Show all answers</button></p>
            <ol class="bank-contents">

            """);
        foreach (var entry in bank)
            html.Append($"<li><a href=\"#{NotebookAnchor(entry)}\">{SiteMarkdown.InlineHtml(entry.Page.Title)}</a> <span class=\"muted\">{Plural(entry.Questions.Count, "question")}</span></li>\n");
        html.Append("</ol>\n");
        foreach (var entry in bank)
        {
            var page = SiteBuilder.PageName(entry.Notebook);
            html.Append($"<section class=\"bank-notebook\" id=\"{NotebookAnchor(entry)}\">\n<h2><a href=\"{page}\">{SiteMarkdown.InlineHtml(entry.Page.Title)}</a></h2>\n<ol class=\"questions\">\n");
            foreach (var question in entry.Questions)
            {
                var heading = entry.AnsweredIn(question);
                html.Append($"<li id=\"{QuestionAnchor(entry, question)}\">\n")
                    .Append($"<div class=\"question-zh\" lang=\"zh-CN\">{SiteMarkdown.Html(question.Chinese)}</div>\n")
                    .Append($"<div class=\"question-en\">{SiteMarkdown.Html(TranslationMarkdown(question))}</div>\n")
                    .Append($"<p class=\"answered-in\"><a href=\"{page}#{heading.Id}\">→ {SiteMarkdown.InlineHtml(AnsweredInLabel(heading))}</a></p>\n</li>\n");
            }
            var chinese = entry.Answer.Chinese is { } zh
                ? SiteMarkdown.Html(zh)
                : "<p class=\"missing\">No Chinese answer yet (this notebook's <code>### 中文回答</code> is still to be written).</p>\n";
            html.Append($"""
                </ol>
                <details class="answer"><summary>Interview answer · <span lang="zh-CN">中文回答</span></summary>
                <div class="answer-columns">
                <div class="answer-en"><h3>Interview answer</h3>
                {SiteMarkdown.Html(entry.Answer.English)}</div>
                <div class="answer-zh" lang="zh-CN"><h3>中文回答</h3>
                {chinese}</div>
                </div>
                </details>
                </section>

                """);
        }
        return html.ToString();
    }
}
