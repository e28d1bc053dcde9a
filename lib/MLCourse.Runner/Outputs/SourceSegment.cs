namespace MLCourse.Runner.Outputs;

/// <summary>A run of consecutive lines of a cell: either what a learner sees, or a solution (see <see cref="SolutionRegions"/>).</summary>
/// <param name="Text">The lines, joined with <c>\n</c>, without the marker lines.</param>
/// <param name="IsSolution">True for the lines between a BEGIN SOLUTION and an END SOLUTION marker.</param>
public sealed record SourceSegment(string Text, bool IsSolution);
