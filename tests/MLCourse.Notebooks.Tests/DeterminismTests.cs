using System.Text.Json.Nodes;

namespace MLCourse.Notebooks.Tests;

/// <summary>Notebooks seed their randomness: running the course again gives the same text outputs, cell by cell.</summary>
[Collection(CourseCollection.Name)]
public class DeterminismTests(CourseFixture course)
{
    [Fact]
    public async Task Rerunning_the_course_gives_identical_text_outputs()
    {
        var again = Directory.CreateTempSubdirectory("mlcourse-rerun-").FullName;
        try
        {
            var notebooks = CourseRun.Discover([Repository.Notebooks]);
            var rerun = await CourseRun.RunAsync(notebooks, RunOptions.Default(again) with { Site = false });

            Assert.True(rerun.AllPassed, string.Join(Environment.NewLine, rerun.Results.Select(r => r.FailureMessage)));
            foreach (var notebook in notebooks)
            {
                var first = TextOutputs(Path.Combine(course.Output, "executed", notebook.Name));
                var second = TextOutputs(Path.Combine(again, "executed", notebook.Name));
                Assert.Equal(first.Count, second.Count);
                for (var i = 0; i < first.Count; i++)
                    Assert.True(first[i] == second[i], $"{notebook.Name}, cell {i + 1}: outputs differ between runs:{Environment.NewLine}{first[i]}{Environment.NewLine}---{Environment.NewLine}{second[i]}");
            }
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
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
