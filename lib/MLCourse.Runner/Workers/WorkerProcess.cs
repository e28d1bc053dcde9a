using System.Diagnostics;
using System.IO.Pipes;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Workers;

/// <summary>
/// One worker process seen from the runner: it starts <c>dotnet MLCourse.Runner.dll worker</c>, sends it notebooks and
/// watches it. A cell that runs longer than the cell timeout, or a worker that dies (Environment.Exit, stack overflow,
/// an exception thrown on a background thread), fails that notebook with a message naming the cell; the process is then
/// unusable and the pool replaces it.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private const int StderrLinesKept = 8;

    /// <summary>Extra time a worker may take to start a kernel before a notebook's first cell (not counted against --timeout).</summary>
    private static readonly TimeSpan KernelStartAllowance = TimeSpan.FromMinutes(2);
    private static int _started;

    private readonly Process _process;
    private readonly NamedPipeServerStream _pipe;
    private StreamReader _reader = StreamReader.Null;
    private StreamWriter _writer = StreamWriter.Null;
    private readonly List<string> _stderr = [];

    private WorkerProcess(Process process, NamedPipeServerStream pipe)
    {
        _process = process;
        _pipe = pipe;
    }

    /// <summary>False once the process died or was killed; the pool then starts a new one.</summary>
    public bool Usable { get; private set; } = true;

    public static async Task<WorkerProcess> StartAsync(CancellationToken cancellationToken)
    {
        var pipeName = $"mlcourse-{Environment.ProcessId}-{Interlocked.Increment(ref _started)}";
        var pipe = new NamedPipeServerStream(pipeName, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // Compile every method optimised once, instead of tiering it up from unoptimised code. A worker's time goes
        // into Roslyn compiling each cell and into library code that the notebook runs a few times: the optimised code
        // pays for the longer JIT at once (measured: the course in 24–33 s instead of 29–39 s, interleaved runs).
        // The environment may override it.
        start.Environment.TryAdd("DOTNET_TieredCompilation", "0");
        start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        start.ArgumentList.Add("worker");
        start.ArgumentList.Add("--pipe");
        start.ArgumentList.Add(pipeName);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a worker process");
        var worker = new WorkerProcess(process, pipe);
        process.ErrorDataReceived += (_, e) => worker.KeepStderr(e.Data);
        process.OutputDataReceived += (_, _) => { };   // notebooks may print outside cells; never let the pipe buffer fill
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await pipe.WaitForConnectionAsync(timeout.Token);
            worker._reader = new StreamReader(pipe);
            worker._writer = new StreamWriter(pipe) { AutoFlush = true, NewLine = "\n" };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await worker.DisposeAsync();
            throw new InvalidOperationException($"a worker process did not connect within 60 s: {worker.StderrTail()}");
        }
        return worker;
    }

    /// <summary>
    /// Runs one notebook. Returns its result, a failure synthesised by the runner (timeout, crash), or null when
    /// <paramref name="cancellationToken"/> interrupted it (the worker is then killed).
    /// </summary>
    public async Task<NotebookResult?> RunAsync(NotebookFile notebook, TimeSpan cellTimeout, Action<int>? onCellStarted, CancellationToken cancellationToken)
    {
        lock (_stderr) _stderr.Clear();
        var clock = Stopwatch.StartNew();
        var cellClock = Stopwatch.StartNew();
        var cells = new List<CellResult>();
        var current = -1;
        await _writer.WriteLineAsync(notebook.Path.AsMemory(), cancellationToken);
        while (true)
        {
            string? line;
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var limit = current < 0 ? cellTimeout + KernelStartAllowance : cellTimeout;
                deadline.CancelAfter(limit > cellClock.Elapsed ? limit - cellClock.Elapsed : TimeSpan.Zero);
                try
                {
                    line = await _reader.ReadLineAsync(deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Kill();
                    return Failed(current < 0
                        ? $"timed out: the worker did not start a kernel within {(cellTimeout + KernelStartAllowance).TotalSeconds:0.#} s"
                        : $"timed out: the cell ran longer than {cellTimeout.TotalSeconds:0.#} s (--timeout); the worker was stopped",
                        "TimeoutException");
                }
                catch (OperationCanceledException)
                {
                    Kill();
                    return null;
                }
                catch (IOException)
                {
                    line = null;
                }
            }

            if (line is null)
            {
                if (cancellationToken.IsCancellationRequested) return null;
                Usable = false;
                await Task.WhenAny(_process.WaitForExitAsync(CancellationToken.None), Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None));
                var exit = _process.HasExited ? $"exit code {_process.ExitCode}" : "no exit code";
                var what = current < 0 ? "before the first cell" : "while this cell was running";
                await Task.Delay(200, CancellationToken.None);   // let the last stderr lines arrive
                var stderr = StderrTail();
                return Failed($"the worker process ended ({exit}) {what}" + (stderr.Length > 0 ? $":{Environment.NewLine}{stderr}" : ""), "WorkerCrashed");
            }

            switch (WorkerMessage.FromLine(line))
            {
                case CellStarted started:
                    current = started.Index;
                    cellClock.Restart();
                    onCellStarted?.Invoke(started.Index);
                    break;
                case CellFinished finished:
                    cells.Add(finished.Cell);
                    break;
                case NotebookFinished done:
                    return done.Result;
            }
        }

        NotebookResult Failed(string error, string errorName)
        {
            if (current < 0) return new NotebookResult(notebook.Path, cells, clock.Elapsed.TotalSeconds, new NotebookFailure(null, null, "", error));
            var codeCellNumber = notebook.CodeCellNumber(current);
            var crashed = new CellResult(current, codeCellNumber, cellClock.Elapsed.TotalSeconds,
                [new ErrorOutput(errorName, error, [])], 0, [], Failed: true);
            var source = notebook.Document.Elements[current].Contents;
            return new NotebookResult(notebook.Path, [.. cells.Where(c => c.Index != current), crashed], clock.Elapsed.TotalSeconds,
                new NotebookFailure(current + 1, codeCellNumber, NotebookFile.FirstLine(source), error));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Usable = false;
        try
        {
            _writer.Close();   // the worker's read loop ends and it exits
        }
        catch (IOException)
        {
        }
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5))) Kill();
        await _pipe.DisposeAsync();
        _process.Dispose();
    }

    private void Kill()
    {
        Usable = false;
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    /// <summary>Keeps the first lines a worker writes to stderr for the current notebook: where the runtime reports a crash.</summary>
    private void KeepStderr(string? line)
    {
        if (line is null) return;
        lock (_stderr)
            if (_stderr.Count < StderrLinesKept) _stderr.Add(line);
    }

    private string StderrTail()
    {
        lock (_stderr) return string.Join(Environment.NewLine, _stderr).TrimEnd();
    }

    /// <summary>The <c>dotnet</c> executable that runs this process (or the test host's), to start workers with.</summary>
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}
