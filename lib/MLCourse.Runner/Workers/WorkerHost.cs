using System.IO.Pipes;
using MLCourse.Runner.Execution;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Workers;

/// <summary>
/// The worker side (<c>MLCourse.Runner worker --pipe NAME</c>): connects to the runner's pipe, then runs each notebook
/// path it receives in a fresh kernel, streaming cell results back, until the runner closes the pipe.
/// </summary>
public static class WorkerHost
{
    /// <summary>Serves the runner on <paramref name="pipeName"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string pipeName)
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
                result = await NotebookExecutor.RunAsync(NotebookFile.Load(path), await kernel, i => Send(new CellStarted(i)), c => Send(new CellFinished(c)));
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
        return 0;
    }
}
