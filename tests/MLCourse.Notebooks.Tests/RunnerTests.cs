using System.Diagnostics;
using System.Text.Json.Nodes;
using MLCourse.Runner;
using Xunit;

namespace MLCourse.Notebooks.Tests;

/// <summary>The runner against small fixture notebooks: what it reports, what it writes, and its exit codes.</summary>
public class RunnerTests
{
    private static Task<NotebookResult> Run(string fixture) => NotebookExecutor.RunAsync(NotebookFile.Load(Repository.Fixture(fixture)));

    [Fact]
    public async Task A_passing_notebook_counts_its_checks_and_keeps_its_outputs()
    {
        var result = await Run("passing.ipynb");

        Assert.True(result.Passed, result.FailureMessage);
        Assert.Equal(2, result.ChecksPassed);
        Assert.Equal([1, 2, 3], result.Cells.Select(c => c.ExecutionCount));
        Assert.Contains(result.Cells[1].Outputs, o => o is StreamOutput { Name: "stdout", Text: "hello from a cell\n" });
        Assert.Contains(result.Cells[2].Outputs, o => o is DisplayOutput { IsResult: true } d && d.Data.Values.Any(v => v.Contains("42")));
    }

    [Fact]
    public async Task A_failing_check_names_notebook_cell_first_line_claim_and_values_and_stops_there()
    {
        var result = await Run("failing-check.ipynb");

        Assert.False(result.Passed);
        Assert.Equal(3, result.Cells.Count);
        Assert.Equal(
            """
            failing-check.ipynb, cell 5 (code cell 3) `var variance = 511.0;`:
            Check failed: Var(q·k) = d_k
              actual:   511
              expected: 512 ± 0.5 (|difference| = 1)
            """.ReplaceLineEndings(), result.FailureMessage);
    }

    [Fact]
    public async Task A_compile_error_gives_line_and_column()
    {
        var result = await Run("compile-error.ipynb");

        Assert.False(result.Passed);
        Assert.Contains("compile-error.ipynb, cell 3 (code cell 2) `// the next line does not compile`", result.FailureMessage);
        Assert.Contains("(2,9): error CS1525", result.FailureMessage);
    }

    [Fact]
    public async Task A_notebook_without_a_check_fails()
    {
        var result = await Run("no-checks.ipynb");

        Assert.False(result.Passed);
        Assert.Contains("no Check passed", result.FailureMessage);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_the_position()
    {
        var e = Assert.Throws<NotebookInputException>(() => NotebookFile.Load(Repository.Fixture("Invalid/malformed.ipynb")));

        Assert.Contains("malformed.ipynb: malformed JSON at line 3, position 43", e.Message);
    }

    [Theory]
    [InlineData("Invalid/not-a-notebook.txt", "not a Jupyter notebook")]
    [InlineData("missing.ipynb", "file not found")]
    public void Bad_paths_are_named(string fixture, string problem)
    {
        var e = Assert.Throws<NotebookInputException>(() => CourseRun.Discover([Repository.Fixture(fixture)]));

        Assert.Contains(Path.GetFileName(fixture), e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Folders_expand_to_their_notebooks_in_order()
    {
        var found = CourseRun.Discover([Path.GetDirectoryName(Repository.Fixture("passing.ipynb"))!]).Select(n => n.Name).ToList();

        Assert.Equal(found.Order(StringComparer.Ordinal), found);
        Assert.Contains("passing.ipynb", found);
    }

    [Fact]
    public async Task The_executed_copy_has_outputs_counts_and_timing_up_to_the_failing_cell()
    {
        var file = NotebookFile.Load(Repository.Fixture("failing-check.ipynb"));
        var result = await NotebookExecutor.RunAsync(file);

        var cells = JsonNode.Parse(ExecutedNotebook.ToJson(file, result))!["cells"]!.AsArray();

        Assert.Equal(2, (int)cells[2]!["execution_count"]!);
        Assert.Equal(1, (int)cells[2]!["metadata"]!["mlcourse"]!["checks"]!);
        Assert.Equal("error", (string)cells[4]!["outputs"]![0]!["output_type"]!);
        Assert.Equal("CheckFailedException", (string)cells[4]!["outputs"]![0]!["ename"]!);
        Assert.Empty(cells[5]!["outputs"]!.AsArray());
        Assert.Null(cells[5]!["execution_count"]);
        Assert.Equal(file.Json["metadata"]!.ToJsonString(), JsonNode.Parse(ExecutedNotebook.ToJson(file, result))!["metadata"]!.ToJsonString());
    }

    [Theory]
    [InlineData(ExitCodes.Passed, "passing.ipynb")]
    [InlineData(ExitCodes.Failed, "passing.ipynb", "failing-check.ipynb")]
    [InlineData(ExitCodes.BadInput, "Invalid/malformed.ipynb")]
    [InlineData(ExitCodes.BadInput, "--no-such-option")]
    public async Task The_command_line_exit_code_says_what_happened(int expected, params string[] fixtures)
    {
        var output = Directory.CreateTempSubdirectory("mlcourse-runner-").FullName;
        try
        {
            var arguments = fixtures.Select(f => f.StartsWith('-') ? f : Repository.Fixture(f)).Concat(["--output", output]);
            var (exitCode, stdout) = await RunCommandLine(["run", .. arguments]);

            Assert.True(expected == exitCode, $"exit code {exitCode}, expected {expected}; output:{Environment.NewLine}{stdout}");
            if (expected != ExitCodes.BadInput)
                Assert.True(File.Exists(Path.Combine(output, "executed", "passing.ipynb")), stdout);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunCommandLine(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MLCourse.Runner.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
