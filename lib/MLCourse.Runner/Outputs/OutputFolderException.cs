namespace MLCourse.Runner.Outputs;

/// <summary>An output folder that cannot be created or written. The message is one line: the folder, then the reason.</summary>
public sealed class OutputFolderException(string folder, string reason) : Exception($"{folder}: {reason}");
