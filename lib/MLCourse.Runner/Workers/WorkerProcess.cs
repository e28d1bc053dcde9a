using System.Diagnostics;
using System.Globalization;
using System.IO.Pipes;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Workers;

/// <summary>
/// One worker process seen from the runner: it starts <c>dotnet MLCourse.Runner.dll worker</c> with one named pipe per
/// slot, sends each slot notebooks and watches them. Each slot runs one notebook at a time; the slots of a process run
/// at the same time and share its JIT-compiled code. A cell that runs longer than the cell timeout, or a process that
/// dies (Environment.Exit, stack overflow, an exception thrown on a background thread), fails the notebook with a
/// message naming the cell; the process is then unusable and the pool replaces it. A notebook whose process ended
/// while another slot's notebook was running, so that it may not be the cause, is returned as
/// <see cref="SlotOutcome.RunAgainAlone"/>.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private const int StderrLinesKept = 8;

    /// <summary>Extra time a worker may take to start a kernel before a notebook's first cell (not counted against --timeout).</summary>
    private static readonly TimeSpan KernelStartAllowance = TimeSpan.FromMinutes(2);
    private static int _started;

    private readonly Process _process;
    private readonly Slot[] _slots;
    private readonly List<string> _stderr = [];
    private readonly object _gate = new();
    private int _busy;
    private bool _stoppedByRunner;
    private int? _killedFor;
    private int? _busyWhenEnded;

    private WorkerProcess(Process process, Slot[] slots)
    {
        _process = process;
        _slots = slots;
    }

    /// <summary>False once the process died or was killed; the pool then starts a new one.</summary>
    public bool Usable { get; private set; } = true;

    /// <summary>Starts a worker process with <paramref name="slots"/> slots (≥ 1), recording its JIT profile as <paramref name="jitProfile"/>.</summary>
    public static async Task<WorkerProcess> StartAsync(int slots, string jitProfile, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        var id = Interlocked.Increment(ref _started);
        var names = Enumerable.Range(0, slots).Select(s => $"mlcourse-{Environment.ProcessId}-{id}-{s}").ToArray();
        var pipes = names.Select(n => new NamedPipeServerStream(n, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous)).ToArray();
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
        start.Environment.TryAdd("DOTNET_TieredCompilation", "0");
        // The server GC, one heap per slot and not bound to cores: with the workstation GC one thread collects while
        // the other slot waits (measured on 2 cores: 1.85 cores busy instead of 1.95, the course about 8% slower).
        start.Environment.TryAdd("DOTNET_gcServer", "1");
        start.Environment.TryAdd("DOTNET_GCHeapCount", slots.ToString("x", CultureInfo.InvariantCulture));
        start.Environment.TryAdd("DOTNET_GCNoAffinitize", "1");   // the environment may override each of these
        start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        start.ArgumentList.Add("worker");
        start.ArgumentList.Add("--jit-profile");
        start.ArgumentList.Add(jitProfile);
        foreach (var name in names)
        {
            start.ArgumentList.Add("--pipe");
            start.ArgumentList.Add(name);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a worker process");
        var worker = new WorkerProcess(process, pipes.Select(p => new Slot(p)).ToArray());
        process.ErrorDataReceived += (_, e) => worker.KeepStderr(e.Data);
        process.OutputDataReceived += (_, _) => { };   // notebooks may print outside cells; never let the pipe buffer fill
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            foreach (var slot in worker._slots) await slot.ConnectAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await worker.DisposeAsync();
            throw new InvalidOperationException($"a worker process did not connect within 60 s: {worker.StderrTail()}");
        }
        return worker;
    }

    /// <summary>
    /// Runs one notebook in slot <paramref name="slot"/>, which must be free. Returns its result, a failure synthesised
    /// by the runner (timeout, crash), a request to run it again alone, or a null result when
    /// <paramref name="cancellationToken"/> interrupted it (the worker is then killed).
    /// </summary>
    public async Task<SlotOutcome> RunAsync(int slot, NotebookFile notebook, TimeSpan cellTimeout, Action<int>? onCellStarted, CancellationToken cancellationToken)
    {
        var (reader, writer) = (_slots[slot].Reader, _slots[slot].Writer);
        lock (_gate)
            if (_busy++ == 0)
                lock (_stderr) _stderr.Clear();
        try
        {
            return await RunAsync(slot, reader, writer, notebook, cellTimeout, onCellStarted, cancellationToken);
        }
        finally
        {
            lock (_gate) _busy--;
        }
    }

    private async Task<SlotOutcome> RunAsync(int slot, StreamReader reader, StreamWriter writer, NotebookFile notebook, TimeSpan cellTimeout,
        Action<int>? onCellStarted, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var cellClock = Stopwatch.StartNew();
        var cells = new List<CellResult>();
        var (entered, current) = (false, -1);
        try
        {
            await writer.WriteLineAsync(notebook.Path.AsMemory(), cancellationToken);
        }
        catch (IOException)
        {
            return await Ended();
        }
        while (true)
        {
            string? line;
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                // Before the notebook enters its working directory it may wait for another slot's notebook from another
                // folder, which has its own deadline; from then on, the kernel's start and each cell have theirs.
                var limit = !entered ? Timeout.InfiniteTimeSpan : current < 0 ? cellTimeout + KernelStartAllowance : cellTimeout;
                if (limit != Timeout.InfiniteTimeSpan) deadline.CancelAfter(limit > cellClock.Elapsed ? limit - cellClock.Elapsed : TimeSpan.Zero);
                try
                {
                    line = await reader.ReadLineAsync(deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Kill(slot);
                    return new(Failed(current < 0
                        ? $"timed out: the worker did not start a kernel within {(cellTimeout + KernelStartAllowance).TotalSeconds:0.#} s"
                        : $"timed out: the cell ran longer than {cellTimeout.TotalSeconds:0.#} s (--timeout); the worker was stopped",
                        "TimeoutException"));
                }
                catch (OperationCanceledException)
                {
                    Kill(slot);
                    return new(null);
                }
                catch (IOException)
                {
                    line = null;
                }
            }

            if (line is null) return await Ended();

            switch (WorkerMessage.FromLine(line))
            {
                case NotebookStarted:
                    entered = true;
                    cellClock.Restart();
                    break;
                case CellStarted started:
                    current = started.Index;
                    cellClock.Restart();
                    onCellStarted?.Invoke(started.Index);
                    break;
                case CellFinished finished:
                    cells.Add(finished.Cell);
                    break;
                case NotebookFinished done:
                    return new(done.Result);
            }
        }

        async Task<SlotOutcome> Ended()
        {
            if (cancellationToken.IsCancellationRequested) return new(null);
            bool stopped;
            int? killedFor;
            int busy;
            lock (_gate)
            {
                Usable = false;
                _busyWhenEnded ??= _busy;
                (stopped, killedFor, busy) = (_stoppedByRunner, _killedFor, _busyWhenEnded.Value);
            }
            // Stopped for another slot's notebook, or ended by itself while another notebook ran in it: not necessarily this
            // notebook's doing. A process of one slot never asks for that, so a notebook run again alone is final.
            if (_slots.Length > 1 && (stopped ? killedFor != slot : busy > 1)) return new(null, RunAgainAlone: true);
            await Task.WhenAny(_process.WaitForExitAsync(CancellationToken.None), Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None));
            var exit = _process.HasExited ? $"exit code {_process.ExitCode}" : "no exit code";
            var what = current < 0 ? "before the first cell" : "while this cell was running";
            await Task.Delay(200, CancellationToken.None);   // let the last stderr lines arrive
            var stderr = StderrTail();
            return new(Failed($"the worker process ended ({exit}) {what}" + (stderr.Length > 0 ? $":{Environment.NewLine}{stderr}" : ""), "WorkerCrashed"));
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
        lock (_gate)
        {
            Usable = false;
            _stoppedByRunner = true;
        }
        foreach (var slot in _slots) slot.Close();   // the worker's read loops end and it exits
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5))) Kill(null);
        foreach (var slot in _slots) await slot.DisposeAsync();
        _process.Dispose();
    }

    /// <summary>Kills the process, for the notebook in <paramref name="slot"/> (null: for none, at disposal).</summary>
    private void Kill(int? slot)
    {
        lock (_gate)
        {
            Usable = false;
            if (!_stoppedByRunner) _killedFor = slot;
            _stoppedByRunner = true;
        }
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

    /// <summary>Keeps the first lines a worker writes to stderr since it last became busy: where the runtime reports a crash.</summary>
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

    /// <summary>One slot's pipe and the reader and writer over it.</summary>
    private sealed class Slot(NamedPipeServerStream pipe) : IAsyncDisposable
    {
        public StreamReader Reader { get; private set; } = StreamReader.Null;

        public StreamWriter Writer { get; private set; } = StreamWriter.Null;

        public async Task ConnectAsync(CancellationToken cancellationToken)
        {
            await pipe.WaitForConnectionAsync(cancellationToken);
            Reader = new StreamReader(pipe);
            Writer = new StreamWriter(pipe) { AutoFlush = true, NewLine = "\n" };
        }

        public void Close()
        {
            try
            {
                Writer.Close();
            }
            catch (IOException)
            {
            }
        }

        public ValueTask DisposeAsync() => pipe.DisposeAsync();
    }
}
