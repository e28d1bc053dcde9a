namespace MLCourse.Runner.Notebooks;

/// <summary>A notebook path that cannot be run: missing, not a notebook, or malformed. The message names the file.</summary>
public sealed class NotebookInputException(string path, string problem) : Exception($"{path}: {problem}");
