using MLCourse.Runner.Notebooks;
using MLCourse.Runner.Outputs;
using MLCourse.Runner.Outputs.Site;
using MLCourse.Runner.Workers;

namespace MLCourse.Runner.Runs;

/// <summary>Runs a set of notebooks on worker processes and writes executed copies, the JUnit report and the site.</summary>
public static class CourseRun
{
    /// <summary>
    /// Expands paths (notebooks or folders of notebooks) into the sorted list of notebooks to run, and reads each one.
    /// </summary>
    /// <exception cref="NotebookInputException">A path is missing or an unknown option, is not an <c>.ipynb</c>, or a
    /// notebook is malformed (the message names the file and, for broken JSON, the line and position; for interview
    /// questions or an interview answer that do not parse, the question and what is wrong).</exception>
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
        var notebooks = files.DistinctBy(Path.GetFullPath).Select(NotebookFile.Load).ToList();
        NotebookQuestions.Read(notebooks);   // the question bank's input is checked before anything runs
        return notebooks;
    }

    /// <summary>
    /// Runs <paramref name="notebooks"/> on <see cref="RunOptions.Parallel"/> workers, each notebook in a fresh kernel.
    /// Each executed copy is written (atomically) as soon as its notebook finishes; the JUnit report, the site and the
    /// question bank's <c>questions.md</c> are written at the end, also after an interruption, for what finished.
    /// </summary>
    public static async Task<CourseRunResult> RunAsync(
        IReadOnlyList<NotebookFile> notebooks, RunOptions options, IRunProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(options);
        var executed = Path.Combine(options.OutputDirectory, "executed");
        Directory.CreateDirectory(executed);
        var pool = new WorkerPool(Math.Min(options.Parallel, Math.Max(notebooks.Count, 1)), options.CellTimeout, progress, cancellationToken);
        NotebookResult?[] finished;
        await using (pool)
        {
            finished = await Task.WhenAll(notebooks.Select(async notebook =>
            {
                var result = await pool.RunAsync(notebook);
                if (result is not null) ExecutedNotebook.Write(notebook, result, Path.Combine(executed, notebook.Name));
                return result;
            }));
        }
        var results = finished.OfType<NotebookResult>().ToList();
        JUnitReport.Write(Path.Combine(options.OutputDirectory, "results.xml"), notebooks, results);
        if (options.Site)
        {
            SiteBuilder.Write(Path.Combine(options.OutputDirectory, "site"), notebooks, results);
            QuestionBankMarkdown.Write(Path.Combine(options.OutputDirectory, QuestionBankMarkdown.FileName), notebooks);
        }
        return new CourseRunResult(notebooks, results);
    }
}
