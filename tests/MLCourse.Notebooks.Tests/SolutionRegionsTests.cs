using MLCourse.Runner.Outputs;

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
    public void A_region_without_its_END_hides_the_rest_of_the_cell_and_a_stray_END_stays_visible()
    {
        Assert.Equal([new SourceSegment("x = null;", false), new SourceSegment("x = 2;\nCheck(x);", true)],
            SolutionRegions.Split("x = null;\n// BEGIN SOLUTION\nx = 2;\nCheck(x);", markdown: false));
        Assert.Equal([new SourceSegment("x = 2;\n// END SOLUTION", false)], SolutionRegions.Split("x = 2;\n// END SOLUTION", markdown: false));
    }

    [Fact]
    public void A_cell_without_markers_is_one_visible_segment_and_a_blank_one_none()
    {
        Assert.Equal([new SourceSegment("var x = 1;\r\nvar y = 2;".ReplaceLineEndings("\n"), false)], SolutionRegions.Split("var x = 1;\r\nvar y = 2;", markdown: false));
        Assert.Empty(SolutionRegions.Split(" \n", markdown: false));
    }
}
