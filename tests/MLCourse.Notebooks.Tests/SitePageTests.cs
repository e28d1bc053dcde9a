using System.Text.RegularExpressions;
using MLCourse.Runner.Outputs.Site;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// The site's pages over one small notebook that was not run (quick: no kernel): solutions folded under each
/// exercise, heading ids unique on a page, the question bank as HTML and as Markdown, and the search index beside them.
/// </summary>
public sealed partial class SitePageTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();
    private readonly string _site;
    private readonly NotebookFile _notebook;

    public SitePageTests()
    {
        _notebook = TestNotebook.Write(_folder.Path, "07-dropout.ipynb", TestNotebook.DropoutCells());
        _site = Path.Combine(_folder.Path, "site");
        SiteBuilder.Write(_site, [_notebook], []);
    }

    public void Dispose() => _folder.Dispose();

    private string Read(string file) => File.ReadAllText(Path.Combine(_site, file));

    [Fact]
    public void An_exercise_cell_shows_its_declaration_and_grading_with_the_solution_folded_between()
    {
        var page = Read("07-dropout.html");

        Assert.Contains(
            "<div class=\"source\"><pre><code class=\"language-csharp\">double? factor = null;   // your answer</code></pre>"
            + "<details class=\"solution\"><summary>Solution</summary>\n<pre><code class=\"language-csharp\">factor = 1 / (1 - 0.5);</code></pre></details>"
            + "<pre><code class=\"language-csharp\">Exercise.Check(&quot;07.1&quot;, factor, hint: &quot;the expectation must not change&quot;);</code></pre></div>",
            page);
        Assert.DoesNotContain("BEGIN SOLUTION", page);
        Assert.DoesNotContain("END SOLUTION", page);
    }

    [Fact]
    public void A_Markdown_solution_is_folded_and_the_rest_of_its_cell_stays_visible()
    {
        var page = Read("07-dropout.html");

        Assert.Matches(@"<details class=""solution""><summary>Solution</summary>\s*<p><em>Why:</em> SECRETREASON the kept half must carry the whole expectation.</p>\s*</details>", page);
        Assert.Equal(1, Regex.Count(page, "SECRETREASON"));
        Assert.Matches(@"</details>\s*<hr />\s*<p><strong>Previous:</strong> <a href=""06-l1-l2-regularization.html"">", page);
    }

    [Fact]
    public void Heading_ids_are_unique_on_the_page_and_every_page_has_the_search_box()
    {
        var page = Read("07-dropout.html");
        var ids = Regex.Matches(page, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Contains("<h3 id=\"why\">Why</h3>", page);
        Assert.Contains("<h3 id=\"why-1\">Why</h3>", page);
        Assert.Contains("<h2 id=\"2-why-it-regularizes\">2 Why it regularizes</h2>", page);
        Assert.Contains("<h3 id=\"中文回答\">中文回答</h3>", page);
        foreach (var file in new[] { "07-dropout.html", "index.html", "questions.html" })
        {
            Assert.Contains("<input type=\"search\" id=\"search\"", Read(file));
            Assert.Contains("<script src=\"assets/search.js\"></script>", Read(file));
            Assert.Contains("<a href=\"questions.html\">Question bank</a>", Read(file));
        }
        Assert.True(File.Exists(Path.Combine(_site, "assets", "minisearch", "index.js")));
        Assert.StartsWith("// The course's search index", Read(SearchIndex.FileName));
    }

    [Fact]
    public void The_question_bank_page_links_each_question_to_the_section_that_answers_it()
    {
        var bank = Read("questions.html");

        Assert.Contains("<li id=\"07-dropout-q1\">\n<div class=\"question-zh\" lang=\"zh-CN\"><p>为什么要用dropout？</p>\n</div>", bank);
        Assert.Contains("<div class=\"question-en\"><p><em>Why use dropout?</em></p>", bank);
        Assert.Contains("<a href=\"07-dropout.html#2-why-it-regularizes\">→ §2 Why it regularizes</a>", bank);
        Assert.Contains("<a href=\"07-dropout.html#interview-answer\">→ Interview answer</a>", bank);
        Assert.Contains("<p><em>How does dropout differ between training and testing?</em> (asked twice)</p>\n<p>The notes answer with one line.</p>", bank);
        Assert.Matches(@"<div class=""answer-en""><h3>Interview answer</h3>\s*<blockquote>\s*<p>Dropout zeroes each unit", bank);
        Assert.Matches(@"<div class=""answer-zh"" lang=""zh-CN""><h3>中文回答</h3>\s*<blockquote>\s*<p>Dropout 在训练时", bank);
        Assert.Contains("2 questions from 1 notebook", bank);
        Assert.Contains("<a href=\"questions.html\"><strong>Interview question bank</strong></a>: 2 questions from 1 notebook", Read("index.html"));
    }

    [Fact]
    public void The_question_bank_in_Markdown_links_into_the_site_beside_it()
    {
        var markdown = QuestionBankMarkdown.Text(NotebookQuestions.Read([_notebook]));

        Assert.StartsWith("# Interview question bank\n", markdown);
        Assert.Contains("- [07 · Dropout: why scale at training time](#07-dropout): 2 questions\n", markdown);
        Assert.Contains("<a id=\"07-dropout-q1\"></a>\n\n**Q1.** 为什么要用dropout？\n\n*Why use dropout?*\n\n→ [§2 Why it regularizes](site/07-dropout.html#2-why-it-regularizes)\n", markdown);
        Assert.Contains("*How does dropout differ between training and testing?* (asked twice)\n\nThe notes answer with one line.\n\n→ [Interview answer](site/07-dropout.html#interview-answer)", markdown);
        Assert.Contains("### Interview answer\n\n> Dropout zeroes each unit", markdown);
        Assert.Contains("### 中文回答\n\n> Dropout 在训练时", markdown);
    }

    [Fact]
    public void A_missing_Chinese_answer_shows_as_not_written_yet()
    {
        var notebook = TestNotebook.Write(_folder.Path, "08-x.ipynb", TestNotebook.DropoutCells("### 中文回答", "More English."));
        var bank = NotebookQuestions.Read([notebook]);

        Assert.Contains("*No Chinese answer yet", QuestionBankMarkdown.Text(bank));
        Assert.Contains("<p class=\"missing\">No Chinese answer yet", QuestionBankPage.Body(bank));
    }
}
