namespace MLCourse.Notebooks.Tests;

/// <summary>Splitting a cell into what a learner sees and its solution regions (<see cref="SolutionRegions"/>).</summary>
public class SolutionRegionsTests
{
    [Fact]
    public void A_code_cell_splits_around_its_markers_which_are_dropped()
    {
        var segments = SolutionRegions.Split(
            "double? x = null;   // your answer\n  // BEGIN SOLUTION  \nx = 2;\nvar y = x;\n// END SOLUTION\nExercise.Check(\"05.1\", x, hint: \"h\");", markdown: false);

        Assert.Equal(
        [
            new SourceSegment("double? x = null;   // your answer", false),
            new SourceSegment("x = 2;\nvar y = x;", true),
            new SourceSegment("Exercise.Check(\"05.1\", x, hint: \"h\");", false),
        ], segments);
    }

    [Fact]
    public void A_Markdown_cell_uses_HTML_comment_markers_and_ignores_the_code_ones()
    {
        var segments = SolutionRegions.Split("Question.\n<!-- BEGIN SOLUTION -->\n*Why:* because.\n// END SOLUTION\n<!-- END SOLUTION -->\n\n---", markdown: true);

        Assert.Equal([new SourceSegment("Question.", false), new SourceSegment("*Why:* because.\n// END SOLUTION", true), new SourceSegment("\n---", false)], segments);
    }

    [Fact]
    public void Several_regions_alternate_and_blank_segments_are_dropped()
    {
        var segments = SolutionRegions.Split("// BEGIN SOLUTION\na = 1;\n// END SOLUTION\n\n// BEGIN SOLUTION\nb = 2;\n// END SOLUTION", markdown: false);

        Assert.Equal([new SourceSegment("a = 1;", true), new SourceSegment("b = 2;", true)], segments);
    }

    [Fact]
    public void Markers_that_do_not_pair_up_are_an_error_naming_the_line()
    {
        var open = Assert.Throws<FormatException>(() => SolutionRegions.Split("x = null;\n// BEGIN SOLUTION\nx = 2;\nCheck(x);", markdown: false));
        var stray = Assert.Throws<FormatException>(() => SolutionRegions.Split("x = 2;\n// END SOLUTION", markdown: false));

        Assert.Equal("line 2: \"// BEGIN SOLUTION\" without \"// END SOLUTION\"", open.Message);
        Assert.Equal("line 2: \"// END SOLUTION\" without \"// BEGIN SOLUTION\"", stray.Message);
    }

    [Fact]
    public void A_cell_without_markers_is_one_visible_segment_and_a_blank_one_none()
    {
        Assert.Equal([new SourceSegment("var x = 1;\r\nvar y = 2;".ReplaceLineEndings("\n"), false)], SolutionRegions.Split("var x = 1;\r\nvar y = 2;", markdown: false));
        Assert.Empty(SolutionRegions.Split(" \n", markdown: false));
    }
}
