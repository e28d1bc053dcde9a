using MLCourse.Runner.Outputs.Site;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// The question bank's parser (<see cref="NotebookQuestions"/>): the conventions of README's "Contributing a notebook",
/// read from good notebooks, and a message naming the notebook, the question and the problem for bad ones.
/// </summary>
public sealed class NotebookQuestionsTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private NotebookQuestions? Parse(params (string Type, string Source)[] cells)
    {
        var notebook = TestNotebook.Write(_folder.Path, "07-dropout.ipynb", cells);
        return NotebookQuestions.Parse(notebook, PageMarkdown.Parse(notebook));
    }

    [Fact]
    public void Reads_each_quote_and_the_answer_in_both_languages()
    {
        var entry = Parse(TestNotebook.DropoutCells())!;

        Assert.Equal(2, entry.Questions.Count);
        var (first, second) = (entry.Questions[0], entry.Questions[1]);
        Assert.Equal(new InterviewQuestion(1, "为什么要用dropout？", "Why use dropout?", "", 2), first);
        Assert.Equal(new InterviewQuestion(2, "训练和测试时dropout有什么不同？", "How does dropout differ between training and testing?",
            "(asked twice)\n\nThe notes answer with one line.", null), second);
        Assert.StartsWith("> Dropout zeroes each unit", entry.Answer.English);
        Assert.StartsWith("> Dropout 在训练时", entry.Answer.Chinese);
        Assert.DoesNotContain("中文回答", entry.Answer.English);
    }

    [Fact]
    public void A_question_links_to_the_section_its_quote_names_else_to_the_interview_answer()
    {
        var entry = Parse(TestNotebook.DropoutCells())!;

        Assert.Equal("2-why-it-regularizes", entry.AnsweredIn(entry.Questions[0]).Id);
        Assert.Equal("2 Why it regularizes", entry.AnsweredIn(entry.Questions[0]).Text);
        Assert.Equal("interview-answer", entry.AnsweredIn(entry.Questions[1]).Id);
    }

    [Fact]
    public void A_missing_Chinese_answer_is_accepted_and_left_null()
    {
        var entry = Parse(TestNotebook.DropoutCells("### 中文回答", "Still to be translated."))!;

        Assert.Null(entry.Answer.Chinese);
        Assert.Contains("Still to be translated.", entry.Answer.English);
    }

    [Fact]
    public void A_notebook_with_neither_questions_nor_an_answer_contributes_nothing()
    {
        Assert.Null(Parse(TestNotebook.Markdown("# Passing fixture\n\nNo questions here."), TestNotebook.Code("Console.WriteLine(1);")));
    }

    [Fact]
    public void An_italic_translation_may_contain_math_with_a_star()
    {
        var entry = Parse(TestNotebook.DropoutCells("*Why use dropout?*", "*Why is $a*b$ small?* (a note)"))!;

        Assert.Equal("Why is $a*b$ small?", entry.Questions[0].English);
        Assert.Equal("(a note)", entry.Questions[0].Note);
    }

    [Theory]
    [InlineData("> 为什么要用dropout？\n>", "> Why use dropout?\n>",
        "07-dropout.ipynb: interview question 1 (\"Why use dropout?\"): the quote must open with the question in the original Chinese")]
    [InlineData("> *Why use dropout?*\n>\n", "",
        "07-dropout.ipynb: interview question 1 (\"为什么要用dropout？\"): no English translation: after the Chinese original write an empty \">\" line, then the translation in italics")]
    [InlineData("> *Why use dropout?*", "> Why use dropout?",
        "07-dropout.ipynb: interview question 1 (\"为什么要用dropout？\"): the English translation must open the second paragraph in italics (\"*…*\"), found \"Why use dropout?\"")]
    [InlineData("> *How does dropout differ between training and testing?*", "> **How does dropout differ between training and testing?**",
        "07-dropout.ipynb: interview question 2 (\"训练和测试时dropout有什么不同？\"): the English translation must open the second paragraph in italics")]
    [InlineData("> → §2", "> → 2",
        "07-dropout.ipynb: interview question 1 (\"为什么要用dropout？\"): malformed section reference \"→ 2\": write \"> → §N\" on the quote's last line")]
    [InlineData("> → §2", "> → §9",
        "07-dropout.ipynb: interview question 1 (\"为什么要用dropout？\"): \"→ §9\" names no section: the notebook has no \"## 9 …\" heading")]
    [InlineData("> → §2", "> → §2\n>\n> A note after the reference.",
        "07-dropout.ipynb: interview question 1 (\"为什么要用dropout？\"): the section reference \"→ §2\" must be the quote's last line")]
    [InlineData("## Interview answer", "## The answer",
        "07-dropout.ipynb: quotes 2 interview question(s) but has no \"## Interview answer\" section")]
    [InlineData("### 中文回答\n\n", "### 中文回答\n\n> 第一遍。\n\n### 中文回答\n\n",
        "07-dropout.ipynb: \"### 中文回答\" appears 2 times in the interview answer: write it once, with the Chinese answer under it")]
    [InlineData("> Dropout 在训练时以概率 p 把神经元置零，并把保留下来的放大 1/(1 − p)（inverted dropout），测试时就不用再缩放了。", "",
        "07-dropout.ipynb: \"### 中文回答\" has no answer under it")]
    [InlineData("> Dropout zeroes each unit with probability p during training and scales the survivors by 1/(1 − p), so nothing changes at test time.", "",
        "07-dropout.ipynb: the \"## Interview answer\" section has no English answer above \"### 中文回答\"")]
    public void A_question_or_answer_that_does_not_parse_is_named_with_what_is_wrong(string from, string to, string message)
    {
        var error = Assert.Throws<NotebookInputException>(() => Parse(TestNotebook.DropoutCells(from, to)));

        Assert.Contains(message, error.Message);
        Assert.StartsWith("07-dropout.ipynb: ", error.Message);
    }

    [Fact]
    public void An_answer_without_questions_is_named()
    {
        var cells = TestNotebook.DropoutCells();
        cells[0] = TestNotebook.Markdown("# 07 · Dropout\n\nNo quotes.\n\n**You will learn**\n\n- nothing");

        var error = Assert.Throws<NotebookInputException>(() => Parse(cells));

        Assert.StartsWith("07-dropout.ipynb: has an \"## Interview answer\" but quotes no interview question", error.Message);
    }

    [Fact]
    public void A_run_over_a_bad_notebook_is_refused_before_anything_runs()
    {
        var bad = TestNotebook.Write(_folder.Path, "07-dropout.ipynb", TestNotebook.DropoutCells("> → §2", "> → §9"));

        var error = Assert.Throws<NotebookInputException>(() => CourseRun.Discover([bad.Path]));

        Assert.Contains("07-dropout.ipynb: interview question 1", error.Message);
    }

    [Fact]
    public void Every_course_notebook_parses_and_quotes_its_questions()
    {
        var notebooks = CourseRun.Discover([Repository.Notebooks]);

        var bank = NotebookQuestions.Read(notebooks);

        Assert.Equal(notebooks.Select(n => n.Name), bank.Select(e => e.Notebook.Name));
        Assert.All(bank, e => Assert.All(e.Questions, q => Assert.True(q.English.Length > 0 && q.Chinese.Length > 0, $"{e.Notebook.Name}, question {q.Number}")));
    }
}
