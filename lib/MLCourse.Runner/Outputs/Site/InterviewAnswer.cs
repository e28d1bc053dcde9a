namespace MLCourse.Runner.Outputs.Site;

/// <summary>A notebook's <c>## Interview answer</c>, as Markdown.</summary>
/// <param name="English">The answer above <c>### 中文回答</c>.</param>
/// <param name="Chinese">The answer under <c>### 中文回答</c>, or null while the notebook has none yet (the lint requires it).</param>
public sealed record InterviewAnswer(string English, string? Chinese);
