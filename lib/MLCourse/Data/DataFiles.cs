namespace MLCourse.Data;

/// <summary>
/// Finds the course's committed datasets (the repository's <c>data/</c> folder) from wherever the code runs: a notebook
/// (working directory <c>notebooks/</c>), the headless runner, or the unit tests. Dataset loaders use it, so no cell
/// ever contains a path. Introduced with the first dataset; see <c>data/README.md</c> for sources and licences.
/// </summary>
public static class DataFiles
{
    /// <summary>
    /// The full path of <c>data/<paramref name="fileName"/></c>, searching upwards from the current directory and from
    /// the folder of the loaded MLCourse.dll.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty or contains a directory separator.</exception>
    /// <exception cref="FileNotFoundException">No <c>data/<paramref name="fileName"/></c> above either start point; the message lists where it looked.</exception>
    public static string Path(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (fileName.IndexOfAny(['/', '\\']) >= 0)
            throw new ArgumentException($"fileName must be a plain file name inside data/, got '{fileName}'.", nameof(fileName));
        var starts = new[] { Environment.CurrentDirectory, System.IO.Path.GetDirectoryName(typeof(DataFiles).Assembly.Location) }
            .Where(s => !string.IsNullOrEmpty(s)).Cast<string>().Distinct().ToList();
        foreach (var start in starts)
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "data", fileName);
                if (File.Exists(candidate)) return candidate;
            }
        throw new FileNotFoundException($"data/{fileName} not found above {string.Join(" or ", starts)}.", fileName);
    }
}
