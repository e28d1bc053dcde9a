using System.IO.Pipes;
using System.Runtime;
using MLCourse.Runner.Execution;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Workers;

/// <summary>
/// The worker side (<c>MLCourse.Runner worker --jit-profile FILE --pipe NAME [--pipe NAME…]</c>): connects to each of
/// the runner's pipes, one per slot, and serves them at the same time: each slot runs every notebook path it receives
/// in a fresh kernel, streaming cell results back, until the runner closes its pipe.
/// </summary>
public static class WorkerHost
{
    /// <summary>Serves the runner on <paramref name="pipeNames"/>; returns the process exit code.</summary>
    /// <param name="pipeNames">One pipe per slot.</param>
    /// <param name="jitProfile">
    /// File name of the multicore JIT profile, beside the runner's binaries: each run records the methods the worker
    /// compiled, and the next run compiles them ahead on a spare core while the slots start their first kernels (the
    /// first two notebooks of the course end about 4 s sooner on 2 cores). A missing, stale or unwritable profile is
    /// ignored by the runtime.
    /// </param>
    public static async Task<int> RunAsync(IReadOnlyList<string> pipeNames, string jitProfile)
    {
        ProfileOptimization.SetProfileRoot(AppContext.BaseDirectory);
        ProfileOptimization.StartProfile(jitProfile);
        await Task.WhenAll(pipeNames.Select(name => Task.Run(() => ServeAsync(name))));
        return 0;
    }

    private static async Task ServeAsync(string pipeName)
    {
        await using var pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.InOut, PipeOptions.Asynchronous);
        await pipe.ConnectAsync(30_000);
        using var reader = new StreamReader(pipe);
        await using var writer = new StreamWriter(pipe) { AutoFlush = true, NewLine = "\n" };
        void Send(WorkerMessage message)
        {
            lock (writer) writer.WriteLine(message.ToLine());
        }

        var kernel = NotebookExecutor.CreateKernelAsync();   // warmed while the runner sends the first notebook
        while (await reader.ReadLineAsync() is { } path)
        {
            NotebookResult result;
            try
            {
                result = await NotebookExecutor.RunAsync(NotebookFile.Load(path), kernel,
                    () => Send(new NotebookStarted()), i => Send(new CellStarted(i)), c => Send(new CellFinished(c)));
            }
            catch (NotebookInputException e)
            {
                (await kernel).Dispose();
                result = new NotebookResult(Path.GetFullPath(path), [], 0, new NotebookFailure(null, null, "", e.Message));
            }
            Send(new NotebookFinished(result));
            kernel = NotebookExecutor.CreateKernelAsync();   // a fresh kernel for the next notebook
        }
        (await kernel).Dispose();
    }
}
