using System.Collections.Concurrent;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// Two notebooks share a worker process. When one ends it (Environment.Exit) or hangs until the runner stops it, the
/// other, still running, is run again in a worker of its own and passes; a crash is charged to the notebook that
/// caused it, after running it alone, and a timeout at once.
/// </summary>
public class WorkerSharingTests : IClassFixture<WorkerSharingTests.SharedRuns>
{
    private readonly SharedRuns _runs;

    public WorkerSharingTests(SharedRuns runs) => _runs = runs;

    /// <summary>
    /// Two runs of two notebooks, each on one worker of two slots: <c>exit-soon</c> with <c>passing-slowly</c>, and
    /// <c>hang</c> (5 s timeout) with <c>passing-slowly</c>, which sleeps in four cells of 2 s, so it is still running when its
    /// neighbour ends the worker.
    /// </summary>
    public sealed class SharedRuns : IAsyncLifetime
    {
        private readonly TemporaryDirectory _output = new();

        public Starts ExitStarts { get; } = new();

        public Starts HangStarts { get; } = new();

        public CourseRunResult Exit { get; private set; } = null!;

        public CourseRunResult Hang { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var options = new RunOptions(_output.Path, Parallel: 2, CellTimeout: TimeSpan.FromSeconds(5), Site: false);
            var exit = CourseRun.RunAsync(Notebooks("exit-soon"), options with { OutputDirectory = Path.Combine(_output.Path, "exit") }, ExitStarts);
            var hang = CourseRun.RunAsync(Notebooks("hang"), options with { OutputDirectory = Path.Combine(_output.Path, "hang") }, HangStarts);
            (Exit, Hang) = (await exit, await hang);
        }

        private static IReadOnlyList<NotebookFile> Notebooks(string neighbour) =>
            CourseRun.Discover([Repository.Fixture($"Sharing/{neighbour}.ipynb"), Repository.Fixture("Sharing/passing-slowly.ipynb")]);

        public Task DisposeAsync()
        {
            _output.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>How many times the pool started each notebook.</summary>
    public sealed class Starts : IRunProgress
    {
        private readonly ConcurrentDictionary<string, int> _count = new();

        public int this[string name] => _count.GetValueOrDefault(name);

        public void NotebookStarted(NotebookFile notebook) => _count.AddOrUpdate(notebook.Name, 1, (_, n) => n + 1);
    }

    [Fact]
    public void The_notebook_that_ended_the_worker_is_charged_with_it_after_running_alone()
    {
        var message = _runs.Exit.Results.Single(r => r.Name == "exit-soon.ipynb").FailureMessage;

        Assert.StartsWith("exit-soon.ipynb, cell 3 (code cell 2) `Environment.Exit(3);`", message);
        Assert.Contains("the worker process ended (exit code 3) while this cell was running", message);
        Assert.Equal(2, _runs.ExitStarts["exit-soon.ipynb"]);
    }

    [Fact]
    public void Its_neighbour_runs_again_alone_and_passes()
    {
        var result = _runs.Exit.Results.Single(r => r.Name == "passing-slowly.ipynb");

        Assert.True(result.Passed, result.FailureMessage);
        Assert.Equal(2, _runs.ExitStarts["passing-slowly.ipynb"]);
    }

    [Fact]
    public void A_timed_out_cell_fails_at_once_and_only_its_neighbour_runs_again()
    {
        var (hang, neighbour) = (_runs.Hang.Results.Single(r => r.Name == "hang.ipynb"), _runs.Hang.Results.Single(r => r.Name == "passing-slowly.ipynb"));

        Assert.StartsWith("hang.ipynb, cell 3 (code cell 2) `System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);`", hang.FailureMessage);
        Assert.Contains("timed out: the cell ran longer than 5 s", hang.FailureMessage);
        Assert.Equal(1, _runs.HangStarts["hang.ipynb"]);
        Assert.True(neighbour.Passed, neighbour.FailureMessage);
        Assert.Equal(2, _runs.HangStarts["passing-slowly.ipynb"]);
    }
}
