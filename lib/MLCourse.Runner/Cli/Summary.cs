using MLCourse.Runner.Notebooks;
using MLCourse.Runner.Runs;

namespace MLCourse.Runner.Cli;

/// <summary>The console summary: one line per notebook, then totals.</summary>
public static class Summary
{
    /// <summary>"PASS  01-x.ipynb  23 checks  4.1 s", followed by the failure message when it failed.</summary>
    public static string Line(NotebookResult result) =>
        $"{(result.Passed ? "PASS" : "FAIL")}  {result.Name,-45} {result.ChecksPassed,4} checks {result.Seconds,7:F1} s"
        + (result.Passed ? "" : Environment.NewLine + Indent(result.FailureMessage!));

    /// <summary>"8 passed, 1 failed, 2 not run; 312 checks; 41.3 s in notebooks", then the failed and not-run notebooks.</summary>
    public static string Totals(CourseRunResult run)
    {
        var failed = run.Results.Where(r => !r.Passed).ToList();
        var notRun = run.Notebooks.Select(n => n.Name).Except(run.Results.Select(r => r.Name)).ToList();
        var lines = new List<string>
        {
            $"{run.Results.Count - failed.Count} passed, {failed.Count} failed" + (notRun.Count > 0 ? $", {notRun.Count} not run" : "")
                + $"; {run.Results.Sum(r => r.ChecksPassed)} checks; {run.Results.Sum(r => r.Seconds):F1} s in notebooks",
        };
        lines.AddRange(failed.Select(f => $"  failed:  {f.Name}"));
        lines.AddRange(notRun.Select(n => $"  not run: {n}"));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Writes an empty line and <see cref="Totals"/> to standard output.</summary>
    public static void WriteTotals(CourseRunResult run)
    {
        Console.WriteLine();
        Console.WriteLine(Totals(run));
    }

    private static string Indent(string text) => "      " + text.ReplaceLineEndings(Environment.NewLine + "      ");
}
