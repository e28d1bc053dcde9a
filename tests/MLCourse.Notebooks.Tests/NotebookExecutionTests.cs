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

    /// <summary>The Checks column of README's notebook table is the number of checks the notebook really passed.</summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_README_shows_the_checks_it_passes(string notebook)
    {
        var row = File.ReadLines(Path.Combine(Repository.Root, "README.md")).SingleOrDefault(l => l.StartsWith('|') && l.Contains($"(notebooks/{notebook})"));
        Assert.True(row is not null, $"README.md has no table row linking notebooks/{notebook}");
        var checks = row.Trim().Trim('|').Split('|')[^1].Trim();

        Assert.Equal(course.Result(notebook).ChecksPassed.ToString(System.Globalization.CultureInfo.InvariantCulture), checks);
    }

    [Fact]
    public void The_course_has_notebooks()
    {
        Assert.NotEmpty(Repository.NotebookNames);
    }
}
