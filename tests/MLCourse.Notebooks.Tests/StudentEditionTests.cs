using System.Text.Json.Nodes;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// The student edition of every course notebook (issue 9 §1): it shows none of the solutions, it runs to the end from
/// <c>DIR/student/</c> where the runner wrote it, and there every exercise is "not answered yet", as many as the source
/// notebook has; the source notebook's own exercises are all answered right.
/// </summary>
[Collection(CourseCollection.Name)]
public class StudentEditionTests(CourseFixture course)
{
    public static TheoryData<string> Notebooks => new(Repository.NotebookNames);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_student_edition_contains_no_line_of_any_solution(string notebook)
    {
        var source = NotebookFile.Load(Path.Combine(Repository.Notebooks, notebook));
        var (inside, outside) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        for (var i = 0; i < source.Document.Elements.Count; i++)
        {
            var lines = source.Document.Elements[i].Contents.Split('\n').Select(l => l.Trim()).ToList();
            var regions = SolutionRegions.Find(lines, source.IsMarkdown(i));
            for (var j = 0; j < lines.Count; j++)
                (regions.Any(r => j > r.Begin && j < r.End) ? inside : outside).Add(lines[j]);
        }
        var secret = inside.Where(l => l.Length > 0).Except(outside).ToList();   // a line also found outside a solution is no spoiler
        var student = NotebookFile.Load(course.Student(notebook)).Document.Elements
            .SelectMany(e => e.Contents.Split('\n')).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);

        var shown = secret.Where(student.Contains).ToList();
        Assert.True(shown.Count == 0, $"{notebook}: the student edition shows solution lines:{Environment.NewLine}{string.Join(Environment.NewLine, shown)}");
        string[] markers = [SolutionRegions.CodeBegin, SolutionRegions.CodeEnd, SolutionRegions.MarkdownBegin, SolutionRegions.MarkdownEnd];
        Assert.DoesNotContain(student, markers.Contains);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_student_edition_runs_where_it_is_written_with_every_exercise_not_answered(string notebook)
    {
        var result = course.StudentResult(notebook);
        var exercises = course.Result(notebook).Exercises.Select(e => e.Id).ToList();

        Assert.True(result.Passed, result.FailureMessage);
        Assert.Equal(NotebookFile.Load(course.Student(notebook)).CodeCellCount, result.Cells.Count);
        Assert.Equal(exercises, result.Exercises.Select(e => e.Id));
        Assert.All(result.Exercises, e => Assert.True(e.Status == ExerciseStatus.NotAnswered, $"{notebook}: exercise {e.Id} is {e.Status} in the student edition"));
        var clean = JsonNode.Parse(File.ReadAllText(course.Student(notebook)))!["cells"]!.AsArray();
        Assert.All(clean.Where(c => (string)c!["cell_type"]! == "code"), c => Assert.True(c!["outputs"]!.AsArray().Count == 0 && c["execution_count"] is null, $"{notebook}: outputs in the student edition"));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_source_notebook_answers_every_exercise_right(string notebook)
    {
        var wrong = course.Result(notebook).Exercises.Where(e => e.Status != ExerciseStatus.Right).ToList();

        Assert.True(wrong.Count == 0, $"{notebook}: {string.Join(", ", wrong.Select(e => $"{e.Id} is {e.Status}"))}");
    }
}
