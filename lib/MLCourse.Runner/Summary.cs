namespace MLCourse.Runner;

/// <summary>Process exit codes of the runner.</summary>
public static class ExitCodes
{
    /// <summary>Every notebook passed.</summary>
    public const int Passed = 0;

    /// <summary>At least one notebook failed (or the run was interrupted).</summary>
    public const int Failed = 1;

    /// <summary>Bad invocation or input: unknown option, missing path, not an .ipynb, malformed notebook.</summary>
    public const int BadInput = 2;
}

/// <summary>The console summary: one line per notebook, then totals.</summary>
public static class Summary
{
    /// <summary>"PASS  01-x.ipynb  23 checks  4.1 s", followed by the failure message when it failed.</summary>
    public static string Line(NotebookResult result) =>
        $"{(result.Passed ? "PASS" : "FAIL")}  {result.Name,-45} {result.ChecksPassed,4} checks {result.Seconds,7:F1} s"
        + (result.Passed ? "" : Environment.NewLine + Indent(result.FailureMessage!));

    /// <summary>Writes <see cref="Line"/> to standard output.</summary>
    public static void WriteLine(NotebookResult result) => Console.WriteLine(Line(result));

    /// <summary>Writes the totals line, and the list of failures when there are any.</summary>
    public static void WriteTotals(IReadOnlyList<NotebookResult> results, int planned)
    {
        var failed = results.Where(r => !r.Passed).ToList();
        Console.WriteLine();
        Console.WriteLine($"{results.Count - failed.Count} passed, {failed.Count} failed"
            + (results.Count < planned ? $", {planned - results.Count} not run" : "")
            + $"; {results.Sum(r => r.ChecksPassed)} checks; {results.Sum(r => r.Seconds):F1} s");
        foreach (var f in failed) Console.WriteLine($"  failed: {f.Name}");
    }

    private static string Indent(string text) => "      " + text.ReplaceLineEndings(Environment.NewLine + "      ");
}
