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

        var run = await Runner.StartAsync([.. Arguments(arguments), "--output", output.Path, "--no-site"]);
        var exitCode = await run.ExitAsync(TimeSpan.FromMinutes(3));

        Assert.True(expected == exitCode, $"exit code {exitCode}, expected {expected}; output:{Environment.NewLine}{run.Output}");
        if (expected == ExitCodes.BadInput)
            Assert.Contains("error:", run.Output);
        else
            Assert.True(File.Exists(Path.Combine(output.Path, "executed", "passing.ipynb")), run.Output);
    }

    [Fact]
    public async Task Output_without_a_terminal_has_no_ANSI_codes_and_one_line_per_notebook()
    {
        using var output = new TemporaryDirectory();

        var run = await Runner.StartAsync([Repository.Fixture("passing.ipynb"), Repository.Fixture("no-checks.ipynb"), "--output", output.Path, "--no-site"]);
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
        var run = await Runner.StartAsync([Repository.Fixture("passing.ipynb"), Repository.Fixture("Slow/slow.ipynb"), "--output", output.Path, "--parallel", "1"]);

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

    /// <summary>The runner's command line, started as a separate process from the test binaries.</summary>
    private sealed class Runner
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();

        private Runner(Process process) => _process = process;

        public int Id => _process.Id;

        public string Output
        {
            get
            {
                lock (_output) return _output.ToString();
            }
        }

        public static Task<Runner> StartAsync(IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MLCourse.Runner.dll"));
            start.ArgumentList.Add("run");
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            var runner = new Runner(Process.Start(start)!);
            runner._process.OutputDataReceived += (_, e) => runner.Append(e.Data);
            runner._process.ErrorDataReceived += (_, e) => runner.Append(e.Data);
            runner._process.BeginOutputReadLine();
            runner._process.BeginErrorReadLine();
            return Task.FromResult(runner);
        }

        public async Task<int> ExitAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"the runner did not exit within {timeout}; output:{Environment.NewLine}{Output}");
            }
            _process.WaitForExit();   // flush the output events
            return _process.ExitCode;
        }

        public async Task WaitForOutputAsync(string text, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!Output.Contains(text))
            {
                if (clock.Elapsed > timeout || _process.HasExited)
                    throw new TimeoutException($"'{text}' did not appear; output:{Environment.NewLine}{Output}");
                await Task.Delay(100);
            }
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
        }
    }
}

/// <summary>A folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mlcourse-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
