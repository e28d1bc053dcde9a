using System.Threading.Channels;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Workers;

/// <summary>
/// Runs notebooks, a given number at a time, on worker processes of <see cref="SlotsPerWorker"/> slots each, every
/// notebook in a fresh kernel. A notebook that hangs or ends its process fails alone: the process is replaced, and a
/// notebook that shared the process when it ended is run again in a worker of its own, so that a crash is charged to
/// the notebook that caused it. The others go on.
/// </summary>
public sealed class WorkerPool : IAsyncDisposable
{
    /// <summary>
    /// Notebooks one worker process runs at a time. Two notebooks in one process share the JIT-compiled compiler and
    /// libraries, which two processes would each compile: with the worker's JIT profile and server GC, the course ran
    /// about 15% faster on 2 cores than on two processes of one slot each, with a fifth less CPU time.
    /// </summary>
    public const int SlotsPerWorker = 2;

    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>();
    private readonly Channel<Job> _alone = Channel.CreateUnbounded<Job>();
    private readonly TimeSpan _cellTimeout;
    private readonly IRunProgress _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly Task[] _loops;
    private readonly Task _aloneLoop;

    /// <summary>Starts <paramref name="notebooksAtATime"/> loops (worker processes start on first use).</summary>
    /// <param name="notebooksAtATime">Number of notebooks run at the same time. Range: ≥ 1.</param>
    /// <param name="cellTimeout">Longest a cell may run. Range: &gt; 0.</param>
    /// <param name="progress">Receives progress; null for none.</param>
    /// <param name="cancellationToken">Interrupts the running notebooks (their workers are killed) and the queue.</param>
    public WorkerPool(int notebooksAtATime, TimeSpan cellTimeout, IRunProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(notebooksAtATime, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cellTimeout, TimeSpan.Zero);
        _cellTimeout = cellTimeout;
        _progress = progress ?? new NoProgress();
        _cancellationToken = cancellationToken;
        var workers = Enumerable.Range(0, (notebooksAtATime + SlotsPerWorker - 1) / SlotsPerWorker)
            .Select(w => new SharedWorker(Math.Min(SlotsPerWorker, notebooksAtATime - w * SlotsPerWorker), $"worker-{w}.jitprofile"))
            .ToArray();
        _loops = workers.SelectMany(w => Enumerable.Range(0, w.Slots).Select(slot => Task.Run(() => Loop(_queue, w, slot)))).ToArray();
        _aloneLoop = Task.Run(() => Loop(_alone, new SharedWorker(1, "worker-alone.jitprofile"), 0));
    }

    /// <summary>Queues a notebook; the task ends with its result, or null if the run was interrupted before it finished.</summary>
    public Task<NotebookResult?> RunAsync(NotebookFile notebook)
    {
        var job = new Job(notebook, new TaskCompletionSource<NotebookResult?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(job)) job.Result.SetResult(null);
        return job.Result.Task;
    }

    /// <summary>Lets the queued notebooks finish, then stops the workers.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
        _alone.Writer.TryComplete();
        await _aloneLoop;
    }

    /// <summary>
    /// Runs the jobs of <paramref name="queue"/> in slot <paramref name="slot"/> of <paramref name="shared"/>'s process.
    /// A job whose shared process ended for another notebook is queued to run again alone (a process of one slot never
    /// asks for that).
    /// </summary>
    private async Task Loop(Channel<Job> queue, SharedWorker shared, int slot)
    {
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(CancellationToken.None))
            {
                if (_cancellationToken.IsCancellationRequested)
                {
                    job.Result.TrySetResult(null);
                    continue;
                }
                try
                {
                    var worker = await shared.UsableAsync(_cancellationToken);
                    _progress.NotebookStarted(job.Notebook);
                    var outcome = await worker.RunAsync(slot, job.Notebook, _cellTimeout, i => _progress.CellStarted(job.Notebook, i), _cancellationToken);
                    if (outcome.RunAgainAlone && _alone.Writer.TryWrite(job)) continue;
                    if (outcome.Result is not null) _progress.NotebookFinished(job.Notebook, outcome.Result);
                    job.Result.TrySetResult(outcome.Result);
                }
                catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
                {
                    job.Result.TrySetResult(null);
                }
                catch (Exception e) when (e is InvalidOperationException or IOException)
                {
                    var failed = new NotebookResult(job.Notebook.Path, [], 0, new NotebookFailure(null, null, "", $"the runner could not use a worker process: {e.Message}"));
                    _progress.NotebookFinished(job.Notebook, failed);
                    job.Result.TrySetResult(failed);
                    await shared.DiscardAsync();
                }
            }
        }
        finally
        {
            await shared.ReleaseAsync();
        }
    }

    /// <summary>A worker process whose slots several loops use; replaced, under a lock, when it is no longer usable.</summary>
    private sealed class SharedWorker(int slots, string jitProfile)
    {
        private readonly SemaphoreSlim _lock = new(1, 1);
        private WorkerProcess? _process;
        private int _loops = slots;

        public int Slots { get; } = slots;

        /// <summary>The current process, started or replaced first if it is not usable.</summary>
        public async Task<WorkerProcess> UsableAsync(CancellationToken cancellationToken)
        {
            await _lock.WaitAsync(cancellationToken);
            try
            {
                if (_process is { Usable: true }) return _process;
                await StopAsync();
                return _process = await WorkerProcess.StartAsync(Slots, jitProfile, cancellationToken);
            }
            finally
            {
                _lock.Release();
            }
        }

        /// <summary>Stops the current process (it failed the runner); the next job starts a new one.</summary>
        public async Task DiscardAsync()
        {
            await _lock.WaitAsync();
            try
            {
                await StopAsync();
            }
            finally
            {
                _lock.Release();
            }
        }

        /// <summary>A loop using this worker ended; the last one stops the process.</summary>
        public async Task ReleaseAsync()
        {
            if (Interlocked.Decrement(ref _loops) == 0) await DiscardAsync();
        }

        /// <summary>Disposes the current process, if any; the caller holds the lock.</summary>
        private async Task StopAsync()
        {
            if (_process is not null) await _process.DisposeAsync();
            _process = null;
        }
    }

    private sealed record Job(NotebookFile Notebook, TaskCompletionSource<NotebookResult?> Result);

    private sealed class NoProgress : IRunProgress;
}
