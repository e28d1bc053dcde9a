using Xunit.Abstractions;
using Xunit.Sdk;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// Runs the whole course once, with the same engine as the command line (worker processes, one fresh kernel per
/// notebook, executed copies, student editions, JUnit report and site), then runs the student editions it wrote, from
/// <c>DIR/student/</c> where they are, for every test in the <c>course</c> collection. Each notebook's summary line
/// (status, checks passed, time) is printed to the test run's console as it finishes.
/// </summary>
public sealed class CourseFixture(IMessageSink sink) : IAsyncLifetime
{
    public string Output { get; } = Directory.CreateTempSubdirectory("mlcourse-course-").FullName;

    /// <summary>Where the run of the student editions writes its own outputs.</summary>
    public string StudentOutput { get; } = Directory.CreateTempSubdirectory("mlcourse-student-run-").FullName;

    public CourseRunResult Run { get; private set; } = null!;

    public CourseRunResult StudentRun { get; private set; } = null!;

    /// <summary>The notebook's result; fails the calling test when the notebook did not run (it never counts as passed).</summary>
    public NotebookResult Result(string notebook) => Find(Run, notebook);

    /// <summary>The result of the notebook's student edition, run from <c>DIR/student/</c>.</summary>
    public NotebookResult StudentResult(string notebook) => Find(StudentRun, notebook);

    /// <summary>The student edition the course run wrote for <paramref name="notebook"/>.</summary>
    public string Student(string notebook) => Path.Combine(Output, "student", notebook);

    public async Task InitializeAsync()
    {
        Run = await CourseRun.RunAsync(CourseRun.Discover([Repository.Notebooks]), RunOptions.Default(Output), new Report(sink, ""));
        sink.OnMessage(new DiagnosticMessage(Summary.Totals(Run)));
        StudentRun = await CourseRun.RunAsync(CourseRun.Discover([Path.Combine(Output, "student")]), RunOptions.Default(StudentOutput) with { Site = false },
            new Report(sink, "student edition: "));
        sink.OnMessage(new DiagnosticMessage("student editions: " + Summary.Totals(StudentRun)));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Output, recursive: true);
        Directory.Delete(StudentOutput, recursive: true);
        return Task.CompletedTask;
    }

    private static NotebookResult Find(CourseRunResult run, string notebook) =>
        run.Results.SingleOrDefault(r => r.Name == notebook) ?? throw new XunitException($"{notebook} was not run");

    private sealed class Report(IMessageSink sink, string prefix) : IRunProgress
    {
        public void NotebookFinished(NotebookFile notebook, NotebookResult result) => sink.OnMessage(new DiagnosticMessage(prefix + Summary.Line(result)));
    }
}

[CollectionDefinition(Name)]
public sealed class CourseCollection : ICollectionFixture<CourseFixture>
{
    public const string Name = "course";
}
