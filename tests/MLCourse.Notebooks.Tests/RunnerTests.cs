using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace MLCourse.Notebooks.Tests;

/// <summary>The runner against small fixture notebooks (never under notebooks/): what it reports and what it writes.</summary>
public class RunnerTests : IClassFixture<RunnerTests.FixtureRun>
{
    private readonly FixtureRun _run;

    public RunnerTests(FixtureRun run) => _run = run;

    /// <summary>
    /// The well-formed fixtures, run once on two workers (with the site and the JUnit report); then the student edition
    /// the run wrote for <c>exercises.ipynb</c>, run from <c>DIR/student/</c> where it was written.
    /// </summary>
    public sealed class FixtureRun : IAsyncLifetime
    {
        private readonly TemporaryDirectory _output = new();

        public string Output => _output.Path;

        public CourseRunResult Run { get; private set; } = null!;

        public NotebookResult Student { get; private set; } = null!;

        public NotebookResult this[string name] => Run.Results.Single(r => r.Name == name);

        public string Executed(string name) => Path.Combine(Output, "executed", name);

        public async Task InitializeAsync()
        {
            Run = await CourseRun.RunAsync(CourseRun.Discover([Path.GetDirectoryName(Repository.Fixture("passing.ipynb"))!]),
                RunOptions.Default(Output) with { Parallel = 2 });
            var student = await CourseRun.RunAsync(CourseRun.Discover([Path.Combine(Output, "student", "exercises.ipynb")]),
                RunOptions.Default(Path.Combine(Output, "student-run")) with { Parallel = 1, Site = false });
            Student = student.Results.Single();
        }

        public Task DisposeAsync()
        {
            _output.Dispose();
            return Task.CompletedTask;
        }
    }

    private static readonly string[] WellFormed =
        ["compile-error", "displays", "exercises", "failing-check", "graded", "no-checks", "passing"];

    [Fact]
    public void A_passing_notebook_counts_its_checks_and_keeps_its_outputs()
    {
        var result = _run["passing.ipynb"];

        Assert.True(result.Passed, result.FailureMessage);
        Assert.Equal(2, result.ChecksPassed);
        Assert.Equal([1, 2, 3], result.Cells.Select(c => c.ExecutionCount));
        Assert.Contains(result.Cells[1].Outputs, o => o is StreamOutput { Name: "stdout", Text: "hello from a cell\n" });
        Assert.Contains(result.Cells[2].Outputs, o => o is DisplayOutput { IsResult: true } d && d.Data.Values.Any(v => v.Contains("42")));
    }

    [Fact]
    public void A_failing_check_names_notebook_cell_first_line_claim_and_values_and_stops_there()
    {
        var result = _run["failing-check.ipynb"];

        Assert.False(result.Passed);
        Assert.Equal(3, result.Cells.Count);
        Assert.Equal(
            """
            failing-check.ipynb, cell 5 (code cell 3) `var variance = 511.0;`:
            Check failed: Var(q·k) = d_k
              actual:   511
              expected: 512 ± 0.5 (|difference| = 1)
            """.ReplaceLineEndings(), result.FailureMessage);
    }

    [Fact]
    public void An_updated_display_keeps_its_place_and_shows_only_its_final_value()
    {
        var cells = JsonNode.Parse(File.ReadAllText(_run.Executed("displays.ipynb")))!["cells"]!.AsArray();
        var setup = cells[1]!["outputs"]!.ToJsonString();
        var updated = cells[3]!["outputs"]!.AsArray();

        Assert.Contains("Installed Packages", setup);
        Assert.DoesNotContain("Installing Packages", setup);
        Assert.Equal(["display_data", "stream"], updated.Select(o => (string)o!["output_type"]!));
        Assert.Equal("step 3 of 3: updated by a later cell", Text(updated[0]!["data"]!["text/plain"]!));
        Assert.DoesNotContain("step 3 of 3", cells[4]!["outputs"]!.ToJsonString());
    }

    [Fact]
    public void A_plot_from_the_library_is_an_image_png_in_the_executed_copy()
    {
        var cells = JsonNode.Parse(File.ReadAllText(_run.Executed("displays.ipynb")))!["cells"]!.AsArray();
        var plot = cells.Last(c => (string)c!["cell_type"]! == "code")!["outputs"]!.AsArray().Single()!;

        Assert.Equal("execute_result", (string)plot["output_type"]!);
        Assert.Null(plot["data"]!["text/html"]);
        var png = Convert.FromBase64String((string)plot["data"]!["image/png"]!);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public void Each_graded_exercise_is_recorded_on_its_cell_with_its_status()
    {
        Assert.Equal([new("99.1", ExerciseStatus.Right), new("99.2", ExerciseStatus.Wrong), new ExerciseOutcome("99.3", ExerciseStatus.NotAnswered)],
            _run["graded.ipynb"].Exercises);
        Assert.True(_run["graded.ipynb"].Passed, "a student edition never stops at a wrong or missing answer");
        Assert.Equal([[], [], [], ["99.1", "99.2", "99.3"]], _run["graded.ipynb"].Cells.Select(c => c.Exercises.Select(e => e.Id)));
        Assert.Equal([new("99.1", ExerciseStatus.Right), new ExerciseOutcome("99.2", ExerciseStatus.Right)], _run["exercises.ipynb"].Exercises);
    }

    [Fact]
    public void Copies_reference_the_library_from_the_folder_they_are_written_in()
    {
        foreach (var copy in new[] { _run.Executed("exercises.ipynb"), Path.Combine(_run.Output, "student", "exercises.ipynb") })
        {
            var setup = Text(JsonNode.Parse(File.ReadAllText(copy))!["cells"]![1]!["source"]!);
            var reference = System.Text.RegularExpressions.Regex.Match(setup, "#r \"(?<path>[^\"]+MLCourse\\.dll)\"").Groups["path"].Value;

            Assert.False(Path.IsPathRooted(reference), $"{copy}: {reference}");
            Assert.Equal(Path.Combine(Repository.Root, "lib", "MLCourse", "bin", "MLCourse.dll"), Path.GetFullPath(reference, Path.GetDirectoryName(copy)!));
        }
    }

    [Fact]
    public void The_student_edition_has_no_outputs_no_solutions_and_a_placeholder_where_each_was()
    {
        var source = File.ReadAllText(Repository.Fixture("exercises.ipynb"));
        var student = JsonNode.Parse(File.ReadAllText(Path.Combine(_run.Output, "student", "exercises.ipynb")))!.AsObject();
        var cells = student["cells"]!.AsArray();
        var text = student.ToJsonString();

        Assert.Equal(JsonNode.Parse(source)!["cells"]!.AsArray().Count, cells.Count);
        Assert.All(cells.Where(c => (string)c!["cell_type"]! == "code"), c => Assert.True(c!["outputs"]!.AsArray().Count == 0 && c["execution_count"] is null));
        foreach (var secret in new[] { "SECRET-PRODUCT", "SECRET-POWER", "SECRET-EXPLANATION", "BEGIN SOLUTION", "END SOLUTION" })
            Assert.DoesNotContain(secret, text);
        Assert.EndsWith("MLCourse.Notebook.Course.StudentEdition()", Text(cells[1]!["source"]!));
        Assert.Equal("int? product = null;   // your answer\n// YOUR ANSWER HERE\nExercise.Check(\"99.1\", product, 42, hint: \"multiply\");", Text(cells[5]!["source"]!));
        Assert.Contains("{\n    // YOUR ANSWER HERE\n}", Text(cells[7]!["source"]!));
        Assert.StartsWith("*(solution in the source notebook)*\n\n---", Text(cells[8]!["source"]!));
        Assert.Equal(JsonNode.Parse(source)!["metadata"]!.ToJsonString(), student["metadata"]!.ToJsonString());
    }

    [Fact]
    public void The_student_edition_runs_where_it_is_written_and_shows_every_exercise_as_not_answered()
    {
        Assert.True(_run.Student.Passed, _run.Student.FailureMessage);
        Assert.Equal(NotebookFile.Load(Repository.Fixture("exercises.ipynb")).CodeCellCount, _run.Student.Cells.Count);
        Assert.Equal([new("99.1", ExerciseStatus.NotAnswered), new ExerciseOutcome("99.2", ExerciseStatus.NotAnswered)], _run.Student.Exercises);
    }

    [Fact]
    public void A_compile_error_gives_line_and_column()
    {
        var result = _run["compile-error.ipynb"];

        Assert.False(result.Passed);
        Assert.Contains("compile-error.ipynb, cell 3 (code cell 2) `// the next line does not compile`", result.FailureMessage);
        Assert.Contains("(2,9): error CS1525", result.FailureMessage);
    }

    [Fact]
    public void A_notebook_without_a_check_fails()
    {
        Assert.Contains("no Check passed", _run["no-checks.ipynb"].FailureMessage);
    }

    [Fact]
    public void The_executed_copy_has_outputs_counts_and_timing_up_to_the_failing_cell()
    {
        var file = NotebookFile.Load(Repository.Fixture("failing-check.ipynb"));
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(_run.Output, "executed", "failing-check.ipynb")))!;
        var cells = executed["cells"]!.AsArray();

        Assert.Equal(2, (int)cells[2]!["execution_count"]!);
        Assert.Equal(1, (int)cells[2]!["metadata"]!["mlcourse"]!["checks"]!);
        Assert.True((double)cells[2]!["metadata"]!["mlcourse"]!["seconds"]! > 0);
        Assert.Equal("error", (string)cells[4]!["outputs"]![0]!["output_type"]!);
        Assert.Equal("CheckFailedException", (string)cells[4]!["outputs"]![0]!["ename"]!);
        Assert.Empty(cells[5]!["outputs"]!.AsArray());
        Assert.Null(cells[5]!["execution_count"]);
        Assert.Equal(file.Json["metadata"]!.ToJsonString(), executed["metadata"]!.ToJsonString());
        Assert.Empty(Directory.GetFiles(_run.Output, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_JUnit_report_has_one_case_per_notebook_and_failures_name_the_cell()
    {
        var report = XDocument.Load(Path.Combine(_run.Output, "results.xml"));
        var cases = report.Descendants("testcase").ToDictionary(c => (string)c.Attribute("name")!);

        Assert.Equal(WellFormed, cases.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(WellFormed.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)report.Root!.Attribute("tests"));
        Assert.Equal("3", (string?)report.Root!.Attribute("failures"));
        Assert.Null(cases["passing"].Element("failure"));
        Assert.Equal("2 checks passed", (string?)cases["passing"].Element("system-out"));
        Assert.StartsWith("failing-check.ipynb, cell 5 (code cell 3)", (string?)cases["failing-check"].Element("failure")!.Attribute("message"));
        Assert.Equal("CompilationError", (string?)cases["compile-error"].Element("failure")!.Attribute("type"));
    }

    [Fact]
    public void The_site_has_an_index_and_a_page_per_notebook_with_plots_as_files()
    {
        var site = Path.Combine(_run.Output, "site");
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        var failing = File.ReadAllText(Path.Combine(site, "failing-check.html"));

        foreach (var page in WellFormed)
            Assert.Contains($"href=\"{page}.html\"", index);
        Assert.Contains("class=\"banner failed\"", failing);
        Assert.Contains("<a href=\"exercises.html\">", failing);
        Assert.Contains("<a href=\"graded.html\">", failing);
        Assert.True(File.Exists(Path.Combine(site, "assets", "katex", "katex.min.js")));
        Assert.True(File.Exists(Path.Combine(site, "assets", "katex", "fonts", "KaTeX_Main-Regular.woff2")));
    }

    [Fact]
    public void Malformed_json_names_the_file_and_the_position()
    {
        var e = Assert.Throws<NotebookInputException>(() => NotebookFile.Load(Repository.Fixture("Invalid/malformed.ipynb")));

        Assert.Contains("malformed.ipynb: malformed JSON at line 3, position 43", e.Message);
    }

    [Theory]
    [InlineData("Invalid/not-a-notebook.txt", "not a Jupyter notebook")]
    [InlineData("missing.ipynb", "file not found")]
    public void Bad_paths_are_named(string fixture, string problem)
    {
        var e = Assert.Throws<NotebookInputException>(() => CourseRun.Discover([Repository.Fixture(fixture)]));

        Assert.Contains(Path.GetFileName(fixture), e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Folders_expand_to_their_notebooks_in_order()
    {
        var found = CourseRun.Discover([Path.GetDirectoryName(Repository.Fixture("passing.ipynb"))!]).Select(n => n.Name).ToList();

        Assert.Equal(WellFormed.Select(n => n + ".ipynb"), found);
    }

    /// <summary>A JSON string, or nbformat's list of lines, as one string.</summary>
    private static string Text(JsonNode node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string)l!)) : (string)node!;
}
