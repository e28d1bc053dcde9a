namespace MLCourse.Notebooks.Tests;

/// <summary>A folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mlcourse-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
