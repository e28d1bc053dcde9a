using System.Globalization;
using System.Xml.Linq;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Outputs;

/// <summary>
/// The run as JUnit XML (<c>DIR/results.xml</c>), which CI systems display: one test case per notebook, a failure whose
/// message is "notebook, cell N (code cell K) `first line`: error", and skipped cases for notebooks an interrupted run
/// did not finish. No timestamps, so the same run gives the same file.
/// </summary>
public static class JUnitReport
{
    /// <summary>The report for <paramref name="notebooks"/>, of which <paramref name="results"/> finished.</summary>
    public static XDocument Create(IReadOnlyList<NotebookFile> notebooks, IReadOnlyList<NotebookResult> results)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(results);
        var byPath = results.ToDictionary(r => r.Path, StringComparer.Ordinal);
        var cases = notebooks.Select(notebook =>
        {
            var testCase = new XElement("testcase",
                new XAttribute("classname", "notebooks"),
                new XAttribute("name", Path.GetFileNameWithoutExtension(notebook.Name)));
            if (!byPath.TryGetValue(notebook.Path, out var result))
            {
                testCase.Add(new XElement("skipped", new XAttribute("message", "not run: the run was interrupted")));
                return testCase;
            }
            testCase.SetAttributeValue("time", Seconds(result.Seconds));
            testCase.Add(new XElement("system-out", $"{result.ChecksPassed} checks passed"));
            if (!result.Passed)
                testCase.AddFirst(new XElement("failure",
                    new XAttribute("message", result.FailureMessage!),
                    new XAttribute("type", result.Cells.LastOrDefault()?.Outputs.OfType<ErrorOutput>().LastOrDefault()?.Name ?? "NotebookFailure"),
                    result.FailureMessage!));
            return testCase;
        }).ToList();
        var failures = results.Count(r => !r.Passed);
        var skipped = notebooks.Count - results.Count;
        var time = Seconds(results.Sum(r => r.Seconds));
        var suite = new XElement("testsuite",
            new XAttribute("name", "notebooks"), new XAttribute("tests", notebooks.Count), new XAttribute("failures", failures),
            new XAttribute("errors", 0), new XAttribute("skipped", skipped), new XAttribute("time", time), cases);
        return new XDocument(new XElement("testsuites",
            new XAttribute("name", "ML Derivations"), new XAttribute("tests", notebooks.Count), new XAttribute("failures", failures),
            new XAttribute("errors", 0), new XAttribute("skipped", skipped), new XAttribute("time", time), suite));
    }

    /// <summary>Writes the report atomically to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<NotebookFile> notebooks, IReadOnlyList<NotebookResult> results) =>
        AtomicFile.WriteAllText(path, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + Create(notebooks, results) + "\n");

    private static string Seconds(double seconds) => seconds.ToString("F3", CultureInfo.InvariantCulture);
}
