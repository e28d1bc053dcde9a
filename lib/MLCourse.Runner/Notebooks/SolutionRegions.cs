namespace MLCourse.Runner.Notebooks;

/// <summary>
/// The solution regions of a cell, in nbgrader's convention: in code, the lines from <c>// BEGIN SOLUTION</c> to
/// <c>// END SOLUTION</c>; in Markdown, from <c>&lt;!-- BEGIN SOLUTION --&gt;</c> to <c>&lt;!-- END SOLUTION --&gt;</c>. Each
/// marker is a line of its own (surrounding spaces allowed). The student edition removes these regions and the site
/// folds them. A run rejects a notebook whose markers do not pair up before anything runs (<see cref="NotebookFile"/>).
/// </summary>
public static class SolutionRegions
{
    /// <summary>The line that opens a solution region in a code cell.</summary>
    public const string CodeBegin = "// BEGIN SOLUTION";

    /// <summary>The line that closes a solution region in a code cell.</summary>
    public const string CodeEnd = "// END SOLUTION";

    /// <summary>The line that opens a solution region in a Markdown cell.</summary>
    public const string MarkdownBegin = "<!-- BEGIN SOLUTION -->";

    /// <summary>The line that closes a solution region in a Markdown cell.</summary>
    public const string MarkdownEnd = "<!-- END SOLUTION -->";

    /// <summary>The regions of <paramref name="lines"/>, as 0-based line ranges that include both marker lines.</summary>
    /// <param name="lines">The cell's lines.</param>
    /// <param name="markdown">True for a Markdown cell (HTML comment markers), false for a code cell.</param>
    /// <exception cref="FormatException">The markers do not alternate BEGIN, END: the message names the 1-based line.</exception>
    public static IReadOnlyList<(int Begin, int End)> Find(IReadOnlyList<string> lines, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var (begin, end) = markdown ? (MarkdownBegin, MarkdownEnd) : (CodeBegin, CodeEnd);
        var regions = new List<(int, int)>();
        int? open = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line == begin)
            {
                if (open is not null) throw new FormatException($"line {i + 1}: \"{begin}\" inside the solution region opened on line {open + 1}");
                open = i;
            }
            else if (line == end)
            {
                if (open is null) throw new FormatException($"line {i + 1}: \"{end}\" without \"{begin}\"");
                regions.Add((open.Value, i));
                open = null;
            }
        }
        if (open is not null) throw new FormatException($"line {open + 1}: \"{begin}\" without \"{end}\"");
        return regions;
    }

    /// <summary>
    /// Splits a cell's source into alternating visible and solution segments, in order, without the marker lines; segments
    /// that are empty or blank are dropped. A source without markers is one visible segment (none when it is blank).
    /// </summary>
    /// <param name="source">The cell's source.</param>
    /// <param name="markdown">True for a Markdown cell, false for a code cell.</param>
    /// <exception cref="FormatException">The markers do not alternate BEGIN, END (see <see cref="Find"/>).</exception>
    public static IReadOnlyList<SourceSegment> Split(string source, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var segments = new List<SourceSegment>();
        void Add(int from, int to, bool solution)   // lines from … to − 1
        {
            var part = lines[from..to];
            if (part.Any(l => l.Trim().Length > 0)) segments.Add(new SourceSegment(string.Join('\n', part), solution));
        }
        var next = 0;
        foreach (var (begin, end) in Find(lines, markdown))
        {
            Add(next, begin, solution: false);
            Add(begin + 1, end, solution: true);
            next = end + 1;
        }
        Add(next, lines.Length, solution: false);
        return segments;
    }
}

/// <summary>A run of a cell's lines, either what a learner sees or a solution (<see cref="SolutionRegions.Split"/>).</summary>
/// <param name="Text">The lines, joined with '\n'.</param>
/// <param name="IsSolution">True inside a solution region.</param>
public sealed record SourceSegment(string Text, bool IsSolution);
