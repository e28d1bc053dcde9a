namespace MLCourse.Runner.Outputs.Site;

/// <summary>One entry of the site's search index: a notebook, a section of one, or an interview question.</summary>
/// <param name="Id">Unique: <c>05-optimizers</c>, <c>05-optimizers#4--adam-…</c>, <c>05-optimizers?q2</c>.</param>
/// <param name="Kind"><c>notebook</c>, <c>section</c> or <c>question</c>.</param>
/// <param name="Url">Where the result links: the page, or the section on it (for a question, the section that answers it).</param>
/// <param name="Where">Where it stands: the notebook's title, followed for a subsection by its section (" › 4 ★ Adam, …").</param>
/// <param name="Heading">What the result shows as its title: the notebook's title, the section heading, or the Chinese question (Markdown, math as <c>$…$</c>).</param>
/// <param name="Title">The text searched with the higher weight: the heading (for a question, its Chinese and English), without math.</param>
/// <param name="Text">The text searched: the section's prose (solutions and math left out; for a question, its note).</param>
/// <param name="Excerpt">The text snippets are cut from: the prose with inline math as <c>$…$</c> (for a question, its translation and note).</param>
public sealed record SearchDocument(string Id, string Kind, string Url, string Where, string Heading, string Title, string Text, string Excerpt);
