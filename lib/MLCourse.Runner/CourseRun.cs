namespace MLCourse.Runner;

/// <summary>Options of a course run.</summary>
/// <param name="OutputDirectory">Where <c>executed/NAME.ipynb</c> is written.</param>
public sealed record RunOptions(string OutputDirectory);

/// <summary>Runs a set of notebooks, writes their executed copies, and reports each result as it finishes.</summary>
public static class CourseRun
{
    /// <summary>
    /// Expands paths (notebooks or folders of notebooks) into the sorted list of notebooks to run, and reads each one.
    /// </summary>
    /// <exception cref="NotebookInputException">A path is missing, is not an <c>.ipynb</c>, or a notebook is malformed.</exception>
    public static IReadOnlyList<NotebookFile> Discover(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (path.StartsWith('-'))
                throw new NotebookInputException(path, "unknown option");
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.ipynb").Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new NotebookInputException(path, "folder contains no .ipynb notebooks");
                files.AddRange(found);
            }
            else
            {
                files.Add(path);
            }
        }
        return files.DistinctBy(Path.GetFullPath).Select(NotebookFile.Load).ToList();
    }

    /// <summary>Runs <paramref name="notebooks"/> one after another, each in a fresh kernel, and writes executed copies.</summary>
    /// <param name="notebooks">The notebooks, as returned by <see cref="Discover"/>.</param>
    /// <param name="options">Where to write.</param>
    /// <param name="onFinished">Called with each result as soon as its notebook finishes.</param>
    /// <param name="cancellationToken">Stops before the next notebook (or cell); what finished is kept.</param>
    public static async Task<IReadOnlyList<NotebookResult>> RunAsync(
        IReadOnlyList<NotebookFile> notebooks, RunOptions options, Action<NotebookResult>? onFinished = null, CancellationToken cancellationToken = default)
    {
        var executed = Path.Combine(options.OutputDirectory, "executed");
        var results = new List<NotebookResult>();
        foreach (var notebook in notebooks)
        {
            if (cancellationToken.IsCancellationRequested) break;
            var result = await NotebookExecutor.RunAsync(notebook, cancellationToken: cancellationToken);
            ExecutedNotebook.Write(notebook, result, Path.Combine(executed, notebook.Name));
            results.Add(result);
            onFinished?.Invoke(result);
        }
        return results;
    }
}
