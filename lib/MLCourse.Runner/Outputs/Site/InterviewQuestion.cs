namespace MLCourse.Runner.Outputs.Site;

/// <summary>One interview question a notebook quotes (see README, "Contributing a notebook"), as Markdown.</summary>
/// <param name="Number">1 for the notebook's first quoted question, 2 for the next, …</param>
/// <param name="Chinese">The original question, in Chinese: the quote's first paragraph.</param>
/// <param name="English">The English translation: the italic text that opens the second paragraph, without its <c>*</c>.</param>
/// <param name="Note">What follows the translation in the quote (a remark on the question), or empty.</param>
/// <param name="Section">N when the quote ends with <c>→ §N</c>: the section <c>## N …</c> answers it; otherwise null.</param>
public sealed record InterviewQuestion(int Number, string Chinese, string English, string Note, int? Section);
