using System.Threading.Channels;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Workers;

/// <summary>
/// Runs notebooks on a small pool of worker processes, each executing notebooks one after another in fresh kernels.
/// A worker that hangs or dies fails only the notebook it was running and is replaced; the others go on.
/// </summary>
public sealed class WorkerPool : IAsyncDisposable
{
    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>();
    private readonly TimeSpan _cellTimeout;
    private readonly IRunProgress _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly Task[] _loops;

    /// <summary>Starts <paramref name="workers"/> worker loops (processes start on first use).</summary>
    /// <param name="workers">Number of worker processes. Range: ≥ 1.</param>
    /// <param name="cellTimeout">Longest a cell may run. Range: &gt; 0.</param>
    /// <param name="progress">Receives progress; null for none.</param>
    /// <param name="cancellationToken">Interrupts the running notebooks (their workers are killed) and the queue.</param>
    public WorkerPool(int workers, TimeSpan cellTimeout, IRunProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cellTimeout, TimeSpan.Zero);
        _cellTimeout = cellTimeout;
        _progress = progress ?? new NoProgress();
        _cancellationToken = cancellationToken;
        _loops = Enumerable.Range(0, workers).Select(_ => Task.Run(Loop)).ToArray();
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
    }

    private async Task Loop()
    {
        WorkerProcess? worker = null;
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(CancellationToken.None))
            {
                if (_cancellationToken.IsCancellationRequested)
                {
                    job.Result.TrySetResult(null);
                    continue;
                }
                try
                {
                    if (worker is { Usable: false })
                    {
                        await worker.DisposeAsync();
                        worker = null;
                    }
                    worker ??= await WorkerProcess.StartAsync(_cancellationToken);
                    _progress.NotebookStarted(job.Notebook);
                    var result = await worker.RunAsync(job.Notebook, _cellTimeout, i => _progress.CellStarted(job.Notebook, i), _cancellationToken);
                    if (result is not null) _progress.NotebookFinished(job.Notebook, result);
                    job.Result.TrySetResult(result);
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
                    if (worker is not null) await worker.DisposeAsync();
                    worker = null;
                }
            }
        }
        finally
        {
            if (worker is not null) await worker.DisposeAsync();
        }
    }

    private sealed record Job(NotebookFile Notebook, TaskCompletionSource<NotebookResult?> Result);

    private sealed class NoProgress : IRunProgress;
}
