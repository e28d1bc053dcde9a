using Microsoft.DotNet.Interactive.Formatting;
using MLCourse.Notebook;

namespace MLCourse.Tests.Notebook;

public class NotesTests
{
    public NotesTests() => NotebookFormatters.Register();

    [Fact]
    public void A_notes_value_reads_as_what_the_notes_give_with_the_correct_value()
    {
        Assert.Equal("⚠ the notes: 003's Adam at t = 1 gives NaN", new NotesValue("003's Adam at t = 1", "NaN", null).ToString());
        Assert.Equal("⚠ the notes: 4d²·h gives 9437184 (correct: 2362368)", new NotesValue("4d²·h", "9437184", "2362368").ToString());
    }

    [Fact]
    public void It_displays_as_one_amber_line_distinct_from_a_passed_check()
    {
        var html = new NotesValue("x < y", "1 < 2", null).ToDisplayString(HtmlFormatter.MimeType);

        Assert.StartsWith("<div class=\"mlcourse-notes\"", html);
        Assert.Contains("⚠ the notes: x &lt; y gives 1 &lt; 2", html);
    }

    [Fact]
    public void Gives_needs_to_say_which_note()
    {
        var e = Assert.Throws<ArgumentException>(() => Notes.Gives(" ", 1.0));

        Assert.Equal("what", e.ParamName);
        Notes.Gives("001's RMSprop, step 1", double.NegativeInfinity, 0.99);
    }
}
