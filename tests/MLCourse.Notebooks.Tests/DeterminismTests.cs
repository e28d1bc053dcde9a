using System.Text.Json.Nodes;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// Notebooks seed their randomness: the student editions, run from <c>DIR/student/</c> in other worker processes,
/// give the same text outputs as the course run in every cell whose code they share with the source notebook (all but
/// the setup cell and the exercises' solutions), so running the course twice is not needed to see it.
/// </summary>
[Collection(CourseCollection.Name)]
public class DeterminismTests(CourseFixture course)
{
    public static TheoryData<string> Notebooks => new(Repository.NotebookNames);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_student_edition_gives_the_same_text_outputs_in_every_cell_it_shares(string notebook)
    {
        var source = NotebookFile.Load(Path.Combine(Repository.Notebooks, notebook));
        var student = NotebookFile.Load(course.Student(notebook));
        Assert.True(course.StudentResult(notebook).Passed, course.StudentResult(notebook).FailureMessage);
        var first = TextOutputs(Path.Combine(course.Output, "executed", notebook));
        var second = TextOutputs(Path.Combine(course.StudentOutput, "executed", notebook));

        Assert.Equal(first.Count, second.Count);
        var shared = source.CodeCells.Where(c => c.Cell.Contents == student.Document.Elements[c.Index].Contents).Select(c => c.Index).ToList();
        Assert.True(shared.Count > source.CodeCellCount / 2, $"{notebook}: only {shared.Count} of {source.CodeCellCount} code cells are the same in the student edition");
        foreach (var i in shared)
            Assert.True(first[i] == second[i], $"{notebook}, cell {i + 1}: outputs differ between the course run and the student edition's run:{Environment.NewLine}{first[i]}{Environment.NewLine}---{Environment.NewLine}{second[i]}");
    }

    /// <summary>Each cell's outputs as JSON, without images (binary) and without the timing metadata.</summary>
    private static List<string> TextOutputs(string executedNotebook)
    {
        var cells = JsonNode.Parse(File.ReadAllText(executedNotebook))!["cells"]!.AsArray();
        return cells.Select(cell =>
        {
            var outputs = cell!["outputs"]?.DeepClone().AsArray() ?? [];
            foreach (var output in outputs) output!["data"]?.AsObject().Remove("image/png");
            return outputs.ToJsonString();
        }).ToList();
    }
}
