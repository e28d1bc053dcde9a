namespace MLCourse.Runner.Outputs.Site;

/// <summary>A heading of a notebook page.</summary>
/// <param name="Level">1 for <c>#</c>, 2 for <c>##</c>, …</param>
/// <param name="Text">The heading's Markdown, without the <c>#</c> marks (math stays <c>$…$</c>).</param>
/// <param name="Id">Its id on the page, unique there: the fragment that links to it.</param>
/// <param name="Number">N for a numbered section <c>## N …</c>; otherwise null.</param>
public sealed record PageHeading(int Level, string Text, string Id, int? Number);
