using System.Diagnostics;

namespace MLCourse.Notebooks.Tests;

/// <summary>The runner's command line, started as a separate process from the test binaries.</summary>
internal sealed class RunnerProcess
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();
    private readonly System.Text.StringBuilder _errors = new();

    private RunnerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Standard output and standard error, interleaved as they arrived.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Standard error only.</summary>
    public string Errors
    {
        get
        {
            lock (_output) return _errors.ToString();
        }
    }

    public static Task<RunnerProcess> StartAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MLCourse.Runner.dll"));
        start.ArgumentList.Add("run");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var runner = new RunnerProcess(Process.Start(start)!);
        runner._process.OutputDataReceived += (_, e) => runner.Append(e.Data);
        runner._process.ErrorDataReceived += (_, e) => runner.Append(e.Data, error: true);
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

    private void Append(string? line, bool error = false)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            if (error) _errors.AppendLine(line);
        }
    }
}
