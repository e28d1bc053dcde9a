using MLCourse.Runner;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// Executes every notebook in <c>notebooks/</c> headlessly, each in a fresh kernel with the notebook's folder as working
/// directory. A failure names the notebook, the cell, its first line and the error; a notebook without a passing
/// Check fails. Each notebook's summary line (status, checks passed, time) is printed in the test output.
/// </summary>
public class NotebookExecutionTests(ITestOutputHelper output, NotebookExecutionTests.Report report) : IClassFixture<NotebookExecutionTests.Report>
{
    public static TheoryData<string> Notebooks => new(Repository.NotebookNames);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_and_its_checks_pass(string notebook)
    {
        var file = NotebookFile.Load(Path.Combine(Repository.Notebooks, notebook));

        var result = await NotebookExecutor.RunAsync(file);

        report.Line(Summary.Line(result));
        output.WriteLine(Summary.Line(result));
        Assert.True(result.Passed, result.FailureMessage);
        Assert.Equal(file.CodeCells.Count(), result.Cells.Count);
    }

    [Fact]
    public void The_course_has_notebooks()
    {
        Assert.NotEmpty(Repository.NotebookNames);
    }

    /// <summary>Prints one line per notebook to the test run's console (an xUnit diagnostic message).</summary>
    public sealed class Report(IMessageSink sink)
    {
        public void Line(string text) => sink.OnMessage(new DiagnosticMessage(text));
    }
}
