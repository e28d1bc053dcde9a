namespace MLCourse.Notebooks.Tests;

/// <summary>
/// A cell that hangs, ends the process, overflows the stack or throws on a background thread fails its own notebook
/// with a message naming the cell; its worker is replaced and every other notebook still runs and is reported.
/// </summary>
public class WorkerCrashTests : IClassFixture<WorkerCrashTests.CrashRun>
{
    private readonly CrashRun _run;

    public WorkerCrashTests(CrashRun run) => _run = run;

    public sealed class CrashRun : IAsyncLifetime
    {
        private readonly TemporaryDirectory _output = new();

        public CourseRunResult Run { get; private set; } = null!;

        public NotebookResult this[string name] => Run.Results.Single(r => r.Name == name);

        public async Task InitializeAsync()
        {
            var notebooks = CourseRun.Discover([Path.GetDirectoryName(Repository.Fixture("Crashing/hang.ipynb"))!, Repository.Fixture("passing.ipynb")]);
            Run = await CourseRun.RunAsync(notebooks, new RunOptions(_output.Path, Parallel: 2, CellTimeout: TimeSpan.FromSeconds(20), Site: false));
        }

        public Task DisposeAsync()
        {
            _output.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void Every_notebook_is_reported_and_the_healthy_one_passes()
    {
        Assert.Equal(5, _run.Run.Results.Count);
        Assert.True(_run["passing.ipynb"].Passed, _run["passing.ipynb"].FailureMessage);
    }

    [Fact]
    public void A_hanging_cell_times_out()
    {
        var message = _run["hang.ipynb"].FailureMessage;

        Assert.StartsWith("hang.ipynb, cell 3 (code cell 2) `System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);`", message);
        Assert.Contains("timed out: the cell ran longer than 20 s", message);
    }

    [Fact]
    public void Environment_Exit_fails_the_cell_that_called_it()
    {
        var message = _run["exit.ipynb"].FailureMessage;

        Assert.StartsWith("exit.ipynb, cell 3 (code cell 2) `Environment.Exit(3);`", message);
        Assert.Contains("the worker process ended (exit code 3) while this cell was running", message);
    }

    [Fact]
    public void A_stack_overflow_fails_the_cell_and_says_so()
    {
        var message = _run["stack-overflow.ipynb"].FailureMessage;

        Assert.StartsWith("stack-overflow.ipynb, cell 3 (code cell 2) `int Down(int depth) => Down(depth + 1) + 1;`", message);
        Assert.Contains("Stack overflow", message);
    }

    [Fact]
    public void An_exception_on_a_background_thread_fails_the_cell_with_its_message()
    {
        var message = _run["background-throw.ipynb"].FailureMessage;

        Assert.StartsWith("background-throw.ipynb, cell 3 (code cell 2)", message);
        Assert.Contains("InvalidOperationException: thrown on a background thread", message);
    }

    [Fact]
    public void The_failed_cell_keeps_the_outputs_before_it_and_shows_the_error()
    {
        var result = _run["exit.ipynb"];

        Assert.Equal(2, result.Cells.Count);
        Assert.Contains(result.Cells[0].Outputs, o => o is StreamOutput { Text: "starting\n" });
        Assert.Contains(result.Cells[1].Outputs, o => o is ErrorOutput { Name: "WorkerCrashed" });
    }
}
