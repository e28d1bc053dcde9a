using MLCourse.Runner.Workers;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// Runs the whole course once, with the same engine as the command line (worker processes, one fresh kernel per
/// notebook, executed copies, JUnit report and site), for every test in the <c>course</c> collection. Each notebook's
/// summary line (status, checks passed, time) is printed to the test run's console as it finishes.
/// </summary>
public sealed class CourseFixture(IMessageSink sink) : IAsyncLifetime
{
    public string Output { get; } = Directory.CreateTempSubdirectory("mlcourse-course-").FullName;

    public CourseRunResult Run { get; private set; } = null!;

    /// <summary>The notebook's result; fails the calling test when the notebook did not run (it never counts as passed).</summary>
    public NotebookResult Result(string notebook) =>
        Run.Results.SingleOrDefault(r => r.Name == notebook) ?? throw new Xunit.Sdk.XunitException($"{notebook} was not run");

    public async Task InitializeAsync()
    {
        var notebooks = CourseRun.Discover([Repository.Notebooks]);
        Run = await CourseRun.RunAsync(notebooks, RunOptions.Default(Output), new Report(sink));
        sink.OnMessage(new DiagnosticMessage(Summary.Totals(Run)));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Output, recursive: true);
        return Task.CompletedTask;
    }

    private sealed class Report(IMessageSink sink) : IRunProgress
    {
        public void NotebookFinished(NotebookFile notebook, NotebookResult result) => sink.OnMessage(new DiagnosticMessage(Summary.Line(result)));
    }
}

[CollectionDefinition(Name)]
public sealed class CourseCollection : ICollectionFixture<CourseFixture>
{
    public const string Name = "course";
}
