namespace MLCourse.Notebooks.Tests;

/// <summary>
/// Every notebook in <c>notebooks/</c> ran headlessly in a fresh kernel, with its folder as working directory, every
/// code cell executed and at least one Check passed. A failure names the notebook, the cell, its first line and the error.
/// A new notebook is tested without editing any test.
/// </summary>
[Collection(CourseCollection.Name)]
public class NotebookExecutionTests(CourseFixture course)
{
    public static TheoryData<string> Notebooks => new(Repository.NotebookNames);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_and_its_checks_pass(string notebook)
    {
        var result = course.Result(notebook);

        Assert.True(result.Passed, result.FailureMessage);
        Assert.Equal(NotebookFile.Load(Path.Combine(Repository.Notebooks, notebook)).CodeCellCount, result.Cells.Count);
        Assert.True(File.Exists(Path.Combine(course.Output, "executed", notebook)));
    }

    [Fact]
    public void The_course_has_notebooks()
    {
        Assert.NotEmpty(Repository.NotebookNames);
    }
}
