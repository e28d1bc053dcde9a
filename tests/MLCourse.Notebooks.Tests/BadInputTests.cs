using System.Diagnostics;
using MLCourse.Runner.Outputs;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// Input the runner cannot run faithfully is rejected before any notebook runs, with exit code 2 and one line naming
/// the file or folder and the problem, and nothing already written is overwritten: two notebooks with the same file
/// name, a cell in another language, a notebook with nothing to execute, unpaired solution markers, and an output
/// folder that cannot be created or written.
/// </summary>
public class BadInputTests
{
    [Fact]
    public void Two_notebooks_with_the_same_file_name_are_rejected_naming_both()
    {
        using var folders = new TemporaryDirectory();
        var (a, b) = (SameNotebookIn(folders, "a"), SameNotebookIn(folders, "b"));

        var e = Assert.Throws<NotebookInputException>(() => CourseRun.Discover([Path.GetDirectoryName(a)!, Path.GetDirectoryName(b)!]));

        Assert.Contains(a, e.Message);
        Assert.Contains(b, e.Message);
        Assert.Contains("same file name", e.Message);
    }

    [Fact]
    public async Task A_run_with_two_notebooks_of_the_same_name_exits_2_and_overwrites_nothing()
    {
        using var folders = new TemporaryDirectory();
        var (a, b) = (SameNotebookIn(folders, "a"), SameNotebookIn(folders, "b"));
        var output = Path.Combine(folders.Path, "out");
        var earlier = Path.Combine(output, "executed", "passing.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(earlier)!);
        File.WriteAllText(earlier, "from an earlier run");

        var run = await RunnerProcess.StartAsync([a, b, "--output", output]);
        var exitCode = await run.ExitAsync(TimeSpan.FromMinutes(1));

        Assert.True(ExitCodes.BadInput == exitCode, $"exit code {exitCode}; output:{Environment.NewLine}{run.Output}");
        Assert.StartsWith($"error: {a}: has the same file name as {b}: ", OneLine(run.Errors));
        Assert.Equal("from an earlier run", File.ReadAllText(earlier));
        Assert.Equal([earlier], Directory.GetFiles(output, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("Invalid/fsharp-cell.ipynb", "fsharp-cell.ipynb: cell 3 is F# (kernelName fsharp); this runner executes C# cells")]
    [InlineData("Invalid/no-cells.ipynb", "no-cells.ipynb: the notebook has no cells: nothing to execute")]
    [InlineData("Invalid/markdown-only.ipynb", "markdown-only.ipynb: the notebook has only Markdown cells: nothing to execute")]
    [InlineData("Invalid/unpaired-solution.ipynb", "unpaired-solution.ipynb: cell 2, line 2: \"// BEGIN SOLUTION\" without \"// END SOLUTION\"")]
    public void A_notebook_the_runner_cannot_run_faithfully_is_named_with_the_reason(string fixture, string message)
    {
        var e = Assert.Throws<NotebookInputException>(() => NotebookFile.Load(Repository.Fixture(fixture)));

        Assert.StartsWith(Path.GetDirectoryName(Repository.Fixture(fixture)) + Path.DirectorySeparatorChar + message, e.Message);
    }

    [Theory]
    [InlineData("Invalid/fsharp-cell.ipynb")]
    [InlineData("Invalid/no-cells.ipynb")]
    [InlineData("Invalid/markdown-only.ipynb")]
    public async Task Such_a_notebook_stops_the_run_before_anything_runs(string fixture)
    {
        using var folder = new TemporaryDirectory();
        var output = Path.Combine(folder.Path, "out");

        var run = await RunnerProcess.StartAsync([Repository.Fixture("passing.ipynb"), Repository.Fixture(fixture), "--output", output]);
        var exitCode = await run.ExitAsync(TimeSpan.FromMinutes(1));

        Assert.True(ExitCodes.BadInput == exitCode, $"exit code {exitCode}; output:{Environment.NewLine}{run.Output}");
        Assert.StartsWith($"error: {Repository.Fixture(fixture)}: ", OneLine(run.Errors));
        Assert.False(Directory.Exists(output), "the output folder was created although nothing ran");
    }

    [Fact]
    public void A_code_cell_whose_kernel_is_markdown_is_a_Markdown_cell()
    {
        var notebook = NotebookFile.Load(Repository.Fixture("displays.ipynb"));
        var index = notebook.Document.Elements.ToList().FindIndex(e => e.Contents.StartsWith("This cell is stored as a code cell", StringComparison.Ordinal));

        Assert.True(notebook.IsMarkdown(index));
        Assert.DoesNotContain(index, notebook.CodeCells.Select(c => c.Index));
    }

    public static TheoryData<string, string> UnwritableOutputs => new()
    {
        { "file", "a file is in the way (the output folder must be a folder)" },
        { "file/out", "is a file, not a folder" },
    };

    [Theory]
    [MemberData(nameof(UnwritableOutputs))]
    public async Task An_output_folder_that_cannot_be_created_exits_2_with_one_line_before_any_notebook_runs(string output, string reason)
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "file"), "not a folder");
        var target = Path.Combine(folder.Path, output);

        var run = await RunnerProcess.StartAsync([Repository.Fixture("passing.ipynb"), "--output", target]);
        var exitCode = await run.ExitAsync(TimeSpan.FromMinutes(1));

        Assert.True(ExitCodes.BadInput == exitCode, $"exit code {exitCode}; output:{Environment.NewLine}{run.Output}");
        Assert.StartsWith($"error: {target}: ", OneLine(run.Errors));
        Assert.Contains(reason, run.Errors);
        Assert.DoesNotContain("Running", run.Output);
        Assert.Equal("not a folder", File.ReadAllText(Path.Combine(folder.Path, "file")));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_output_folder_in_a_read_only_folder_names_the_folder_and_the_reason()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
        using var folder = new TemporaryDirectory();
        var readOnly = Path.Combine(folder.Path, "read-only");
        Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var immutable = false;
        try
        {
            if (Writable(readOnly)) immutable = Chattr("+i", readOnly);   // root ignores permissions; an immutable folder stops it too
            Skip.If(Writable(readOnly), "this user can write into a read-only folder (root without chattr)");

            var e = Assert.Throws<OutputFolderException>(() => CourseRun.PrepareOutput(RunOptions.Default(Path.Combine(readOnly, "out"))));

            Assert.Equal($"{Path.Combine(readOnly, "out")}: cannot be created or written: permission denied", e.Message);
        }
        finally
        {
            if (immutable) Chattr("-i", readOnly);
            File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>passing.ipynb copied into <c>folders/name/</c>: the same file name in another folder.</summary>
    private static string SameNotebookIn(TemporaryDirectory folders, string name)
    {
        var path = Path.Combine(folders.Path, name, "passing.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Repository.Fixture("passing.ipynb"), path);
        return path;
    }

    /// <summary>The error output, which must be exactly one line.</summary>
    private static string OneLine(string errors)
    {
        var lines = errors.TrimEnd().Split('\n');
        Assert.True(lines.Length == 1, $"expected one line, got:{Environment.NewLine}{errors}");
        return lines[0].TrimEnd('\r');
    }

    private static bool Writable(string folder)
    {
        try
        {
            Directory.Delete(Directory.CreateDirectory(Path.Combine(folder, "probe")).FullName);
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private static bool Chattr(string flag, string path)
    {
        try
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
            chattr.WaitForExit();
            return chattr.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;   // no chattr
        }
    }
}
