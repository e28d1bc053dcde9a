using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace MLCourse.Notebooks.Tests;

/// <summary>The runner against small fixture notebooks (never under notebooks/): what it reports and what it writes.</summary>
public class RunnerTests : IClassFixture<RunnerTests.FixtureRun>
{
    private readonly FixtureRun _run;

    public RunnerTests(FixtureRun run) => _run = run;

    /// <summary>The four well-formed fixtures, run once on two workers (with the site and the JUnit report).</summary>
    public sealed class FixtureRun : IAsyncLifetime
    {
        public string Output { get; } = Directory.CreateTempSubdirectory("mlcourse-fixtures-").FullName;

        public CourseRunResult Run { get; private set; } = null!;

        public NotebookResult this[string name] => Run.Results.Single(r => r.Name == name);

        public async Task InitializeAsync() =>
            Run = await CourseRun.RunAsync(CourseRun.Discover([Path.GetDirectoryName(Repository.Fixture("passing.ipynb"))!]),
                RunOptions.Default(Output) with { Parallel = 2 });

        public Task DisposeAsync()
        {
            Directory.Delete(Output, recursive: true);
            return Task.CompletedTask;
        }
    }

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

        Assert.Equal(["compile-error", "failing-check", "no-checks", "passing"], cases.Keys.Order());
        Assert.Equal("4", (string?)report.Root!.Attribute("tests"));
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

        foreach (var page in new[] { "compile-error", "failing-check", "no-checks", "passing" })
            Assert.Contains($"href=\"{page}.html\"", index);
        Assert.Contains("class=\"banner failed\"", failing);
        Assert.Contains("<a href=\"compile-error.html\">", failing);
        Assert.Contains("<a href=\"no-checks.html\">", failing);
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
    [InlineData("--no-such-option", "unknown option")]
    public void Bad_paths_are_named(string fixture, string problem)
    {
        var path = fixture.StartsWith('-') ? fixture : Repository.Fixture(fixture);

        var e = Assert.Throws<NotebookInputException>(() => CourseRun.Discover([path]));

        Assert.Contains(Path.GetFileName(fixture), e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Folders_expand_to_their_notebooks_in_order()
    {
        var found = CourseRun.Discover([Path.GetDirectoryName(Repository.Fixture("passing.ipynb"))!]).Select(n => n.Name).ToList();

        Assert.Equal(["compile-error.ipynb", "failing-check.ipynb", "no-checks.ipynb", "passing.ipynb"], found);
    }
}
