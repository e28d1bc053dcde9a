using Markdig.Syntax;

namespace MLCourse.Runner.Outputs.Site;

/// <summary>A part of a Markdown cell, parsed: the visible text, or a solution region the page folds.</summary>
/// <param name="Document">The part, parsed by the site's Markdown pipeline (links rewritten, heading ids unique on the page).</param>
/// <param name="IsSolution">True for the text between <c>&lt;!-- BEGIN SOLUTION --&gt;</c> and <c>&lt;!-- END SOLUTION --&gt;</c>.</param>
public sealed record MarkdownPart(MarkdownDocument Document, bool IsSolution);
