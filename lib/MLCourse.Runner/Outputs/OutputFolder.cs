namespace MLCourse.Runner.Outputs;

/// <summary>The run's output folder, made ready before any notebook runs, so that no run is lost to a folder it cannot write.</summary>
public static class OutputFolder
{
    /// <summary>Creates <paramref name="directory"/> and its <paramref name="subfolders"/> and checks that files can be written in each.</summary>
    /// <exception cref="OutputFolderException">A folder cannot be created or written; the message names it and says why.</exception>
    public static void Prepare(string directory, IEnumerable<string> subfolders)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(subfolders);
        var root = Path.GetFullPath(directory);
        foreach (var folder in subfolders.Select(s => Path.Combine(root, s)).Prepend(root))
        {
            if (File.Exists(folder)) throw new OutputFolderException(folder, "a file is in the way (the output folder must be a folder)");
            var probe = Path.Combine(folder, $".mlcourse-write-test-{Environment.ProcessId}.tmp");
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(probe, "");
                File.Delete(probe);
            }
            catch (UnauthorizedAccessException)
            {
                throw new OutputFolderException(folder, "cannot be created or written: permission denied");
            }
            catch (IOException e)
            {
                var blocking = Ancestors(folder).FirstOrDefault(File.Exists);
                throw new OutputFolderException(folder, blocking is null
                    ? $"cannot be created or written: {e.Message}"
                    : $"cannot be created: {blocking} is a file, not a folder");
            }
        }
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var parent = Path.GetDirectoryName(path); parent is not null; parent = Path.GetDirectoryName(parent)) yield return parent;
    }
}
