namespace MLCourse.Runner.Outputs;

/// <summary>
/// The solution regions of a cell, in nbgrader's convention: in a code cell the lines between <c>// BEGIN SOLUTION</c>
/// and <c>// END SOLUTION</c>, in a Markdown cell the lines between <c>&lt;!-- BEGIN SOLUTION --&gt;</c> and
/// <c>&lt;!-- END SOLUTION --&gt;</c>, each marker on a line of its own (surrounding spaces allowed). The site folds
/// them; the lint (NotebookLintTests) rejects unbalanced markers, and a BEGIN without its END hides the rest of the cell.
/// </summary>
public static class SolutionRegions
{
    /// <summary>The marker lines of a code cell (<paramref name="markdown"/> false) or of a Markdown cell.</summary>
    public static (string Begin, string End) Markers(bool markdown) =>
        markdown ? ("<!-- BEGIN SOLUTION -->", "<!-- END SOLUTION -->") : ("// BEGIN SOLUTION", "// END SOLUTION");

    /// <summary>
    /// Splits a cell's source into alternating visible and solution segments, in order, dropping the marker lines and
    /// segments that are empty or blank. A source without markers is one visible segment (none when it is blank); an END marker outside
    /// a region stays visible as written.
    /// </summary>
    /// <param name="source">The cell's source.</param>
    /// <param name="markdown">True for a Markdown cell, false for a code cell.</param>
    public static IReadOnlyList<SourceSegment> Split(string source, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (begin, end) = Markers(markdown);
        var segments = new List<SourceSegment>();
        var lines = new List<string>();
        var inSolution = false;
        void Flush()
        {
            if (lines.Any(l => l.Trim().Length > 0))
                segments.Add(new SourceSegment(string.Join('\n', lines), inSolution));
            lines.Clear();
        }
        foreach (var line in source.ReplaceLineEndings("\n").Split('\n'))
        {
            var marker = line.Trim();
            if (marker == (inSolution ? end : begin))
            {
                Flush();
                inSolution = !inSolution;
            }
            else
            {
                lines.Add(line);
            }
        }
        Flush();
        return segments;
    }
}
