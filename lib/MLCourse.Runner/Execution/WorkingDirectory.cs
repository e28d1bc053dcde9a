namespace MLCourse.Runner.Execution;

/// <summary>
/// The process-wide working directory, shared by the notebooks a worker runs at the same time: any number of notebooks
/// from one folder may hold it at once; a notebook from another folder waits until they have all left. The first to
/// enter sets the directory and the last to leave restores the previous one.
/// </summary>
internal static class WorkingDirectory
{
    private static readonly object Gate = new();
    private static string? _current;
    private static string _outside = "";
    private static int _holders;
    private static TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits until <paramref name="directory"/> can be the working directory, and makes it so.</summary>
    public static async Task EnterAsync(string directory, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task released;
            lock (Gate)
            {
                if (_holders == 0)
                {
                    (_outside, _current) = (Environment.CurrentDirectory, directory);
                    Environment.CurrentDirectory = directory;
                }
                if (_current == directory)
                {
                    _holders++;
                    return;
                }
                released = _released.Task;
            }
            await released.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Leaves the directory entered with <see cref="EnterAsync"/>; the last holder restores the previous one.</summary>
    public static void Leave()
    {
        lock (Gate)
        {
            if (--_holders > 0) return;
            Environment.CurrentDirectory = _outside;
            _current = null;
            var released = _released;
            _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
            released.SetResult();
        }
    }
}
