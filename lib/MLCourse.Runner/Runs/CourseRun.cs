using MLCourse.Runner.Notebooks;
using MLCourse.Runner.Outputs;
using MLCourse.Runner.Outputs.Site;
using MLCourse.Runner.Workers;

namespace MLCourse.Runner.Runs;

/// <summary>Runs a set of notebooks on worker processes and writes executed copies, student editions, the JUnit report and the site.</summary>
public static class CourseRun
{
    /// <summary>
    /// Expands paths (notebooks or folders of notebooks) into the sorted list of notebooks to run, and reads each one.
    /// </summary>
    /// <exception cref="NotebookInputException">A path is missing, is not an <c>.ipynb</c>, two notebooks have the same
    /// file name, or a notebook is malformed, has a cell in another language, nothing to execute, unpaired solution
    /// markers, or interview questions or an interview answer that do not parse (the message names the file and, for
    /// broken JSON, the line and position; for questions, the question and what is wrong).</exception>
    public static IReadOnlyList<NotebookFile> Discover(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
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
        files = files.DistinctBy(Path.GetFullPath).ToList();
        if (files.GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } same)
            throw new NotebookInputException(same.First(),
                $"has the same file name as {same.ElementAt(1)}: their executed copies, student editions and site pages would overwrite each other; run them separately or rename one");
        var notebooks = files.Select(NotebookFile.Load).ToList();
        NotebookQuestions.Read(notebooks);   // the question bank's input is checked before anything runs
        return notebooks;
    }

    /// <summary>Creates the output folder and the subfolders the run writes into, and checks that each can be written.</summary>
    /// <exception cref="OutputFolderException">A folder cannot be created or written: the message names it and says why.</exception>
    public static void PrepareOutput(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OutputFolder.Prepare(options.OutputDirectory, options.Site ? ["executed", "student", "site"] : ["executed", "student"]);
    }

    /// <summary>
    /// Runs <paramref name="notebooks"/>, <see cref="RunOptions.Parallel"/> at a time, each notebook in a fresh kernel.
    /// Each executed copy and student edition is written (atomically) as soon as its notebook finishes; the JUnit report,
    /// the site and the question bank's <c>questions.md</c> are written at the end, also after an interruption, for what finished.
    /// </summary>
    /// <exception cref="OutputFolderException">The output folder cannot be created or written (nothing has run).</exception>
    public static async Task<CourseRunResult> RunAsync(
        IReadOnlyList<NotebookFile> notebooks, RunOptions options, IRunProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(options);
        var (executed, student) = (Path.Combine(options.OutputDirectory, "executed"), Path.Combine(options.OutputDirectory, "student"));
        PrepareOutput(options);
        var pool = new WorkerPool(Math.Min(options.Parallel, Math.Max(notebooks.Count, 1)), options.CellTimeout, progress, cancellationToken);
        NotebookResult?[] finished;
        await using (pool)
        {
            finished = await Task.WhenAll(notebooks.Select(async notebook =>
            {
                var result = await pool.RunAsync(notebook);
                if (result is null) return null;
                ExecutedNotebook.Write(notebook, result, Path.Combine(executed, notebook.Name));
                StudentNotebook.Write(notebook, Path.Combine(student, notebook.Name));
                return result;
            }));
        }
        var results = finished.OfType<NotebookResult>().ToList();
        JUnitReport.Write(Path.Combine(options.OutputDirectory, "results.xml"), notebooks, results);
        if (options.Site)
        {
            var bank = SiteBuilder.Write(Path.Combine(options.OutputDirectory, "site"), notebooks, results);
            AtomicFile.WriteAllText(Path.Combine(options.OutputDirectory, QuestionBankMarkdown.FileName), QuestionBankMarkdown.Text(bank));
        }
        return new CourseRunResult(notebooks, results);
    }
}
