using System.Diagnostics;
using System.Xml.Linq;

namespace MLCourse.Notebooks.Tests;

/// <summary>The <c>run</c> command as a user or CI calls it: exit codes, option validation, Ctrl+C.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData(ExitCodes.Passed, "passing.ipynb")]
    [InlineData(ExitCodes.Failed, "passing.ipynb", "failing-check.ipynb")]
    [InlineData(ExitCodes.BadInput, "Invalid/malformed.ipynb")]
    [InlineData(ExitCodes.BadInput, "missing.ipynb")]
    [InlineData(ExitCodes.BadInput, "passing.ipynb", "--parallel", "0")]
    [InlineData(ExitCodes.BadInput, "passing.ipynb", "--timeout", "-1")]
    [InlineData(ExitCodes.BadInput, "passing.ipynb", "--no-such-option")]
    public async Task The_exit_code_says_what_happened(int expected, params string[] arguments)
    {
        using var output = new TemporaryDirectory();

        var run = await RunnerProcess.StartAsync([.. Arguments(arguments), "--output", output.Path, "--no-site"]);
        var exitCode = await run.ExitAsync(TimeSpan.FromMinutes(3));

        Assert.True(expected == exitCode, $"exit code {exitCode}, expected {expected}; output:{Environment.NewLine}{run.Output}");
        if (expected == ExitCodes.BadInput)
            Assert.Contains("error:", run.Output);
        else
            Assert.True(File.Exists(Path.Combine(output.Path, "executed", "passing.ipynb")), run.Output);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--parallel", "0")]
    [InlineData("--timeout", "soon")]
    public async Task A_bad_invocation_prints_the_error_and_the_generated_help(params string[] arguments)
    {
        using var output = new TemporaryDirectory();

        var run = await RunnerProcess.StartAsync([Repository.Fixture("passing.ipynb"), .. arguments, "--output", output.Path]);
        var exitCode = await run.ExitAsync(TimeSpan.FromMinutes(1));

        Assert.True(ExitCodes.BadInput == exitCode, $"exit code {exitCode}; output:{Environment.NewLine}{run.Output}");
        Assert.StartsWith("error: ", run.Errors);
        Assert.Contains("Usage:", run.Errors);
        foreach (var option in new[] { "--output <DIR>", "--parallel <N>", "--timeout <SECONDS>", "--no-site", $"[default: {RunOptions.DefaultOutputDirectory}]" })
            Assert.Contains(option, run.Errors);
        Assert.Empty(Directory.GetFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task Output_without_a_terminal_has_no_ANSI_codes_and_one_line_per_notebook()
    {
        using var output = new TemporaryDirectory();

        var run = await RunnerProcess.StartAsync([Repository.Fixture("passing.ipynb"), Repository.Fixture("no-checks.ipynb"), "--output", output.Path, "--no-site"]);
        await run.ExitAsync(TimeSpan.FromMinutes(3));

        Assert.DoesNotContain('\u001b', run.Output);
        Assert.Matches(@"(?m)^PASS  passing\.ipynb\s+2 checks\s+[\d.]+ s$", run.Output);
        Assert.Matches(@"(?m)^FAIL  no-checks\.ipynb\s+0 checks", run.Output);
        Assert.Contains("1 passed, 1 failed", run.Output);
    }

    [SkippableFact]
    public async Task Ctrl_C_stops_cleanly_and_writes_what_finished()
    {
        Skip.If(OperatingSystem.IsWindows(), "the test sends SIGINT with kill(1)");
        using var output = new TemporaryDirectory();
        var run = await RunnerProcess.StartAsync([Repository.Fixture("passing.ipynb"), Repository.Fixture("Slow/slow.ipynb"), "--output", output.Path, "--parallel", "1"]);

        await run.WaitForOutputAsync("PASS  passing.ipynb", TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(2));   // slow.ipynb is now sleeping in its second cell
        Process.Start("kill", ["-INT", run.Id.ToString()])!.WaitForExit();
        var exitCode = await run.ExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(ExitCodes.Failed == exitCode, $"exit code {exitCode}; output:{Environment.NewLine}{run.Output}");
        Assert.Contains("not run: slow.ipynb", run.Output);
        Assert.True(File.Exists(Path.Combine(output.Path, "executed", "passing.ipynb")));
        Assert.False(File.Exists(Path.Combine(output.Path, "executed", "slow.ipynb")));
        Assert.Empty(Directory.GetFiles(output.Path, "*.tmp", SearchOption.AllDirectories));
        var cases = XDocument.Load(Path.Combine(output.Path, "results.xml")).Descendants("testcase").ToList();
        Assert.NotNull(cases.Single(c => (string?)c.Attribute("name") == "slow").Element("skipped"));
        Assert.True(File.Exists(Path.Combine(output.Path, "site", "index.html")));
    }

    private static IEnumerable<string> Arguments(string[] arguments) =>
        arguments.Select(a => a.EndsWith(".ipynb", StringComparison.Ordinal) ? Repository.Fixture(a) : a);
}
