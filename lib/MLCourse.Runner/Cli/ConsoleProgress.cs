using System.Collections.Concurrent;
using System.Diagnostics;
using MLCourse.Runner.Notebooks;
using MLCourse.Runner.Runs;
using Spectre.Console;

namespace MLCourse.Runner.Cli;

/// <summary>
/// The runner's console output. On a terminal: a live table (Spectre.Console) of every notebook with its state, the
/// running cell, checks passed and time. Otherwise (CI, redirected output): plain lines without ANSI codes, one per
/// notebook as it finishes. Both end with the same summary.
/// </summary>
public sealed class ConsoleProgress : IRunProgress
{
    private readonly ConcurrentDictionary<string, string> _state = new();
    private readonly ConcurrentDictionary<string, Stopwatch> _clocks = new();
    private readonly IReadOnlyList<NotebookFile> _notebooks;
    private readonly bool _live;

    /// <summary>Progress for <paramref name="notebooks"/>; live when standard output is an interactive terminal.</summary>
    public ConsoleProgress(IReadOnlyList<NotebookFile> notebooks)
    {
        _notebooks = notebooks;
        _live = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive && AnsiConsole.Profile.Capabilities.Ansi;
        foreach (var notebook in notebooks) _state[notebook.Path] = "[grey]queued[/]";
    }

    /// <summary>Runs <paramref name="run"/> while showing progress, then prints the per-notebook lines and the totals.</summary>
    public async Task<CourseRunResult> ShowAsync(Func<IRunProgress, Task<CourseRunResult>> run)
    {
        CourseRunResult result;
        if (_live)
        {
            result = await AnsiConsole.Live(Table()).AutoClear(true).StartAsync(async context =>
            {
                var running = run(this);
                while (await Task.WhenAny(running, Task.Delay(250)) != running)
                {
                    context.UpdateTarget(Table());
                }
                return await running;
            });
            foreach (var r in result.Results) Console.WriteLine(Summary.Line(r));
        }
        else
        {
            result = await run(this);
        }
        Summary.WriteTotals(result);
        return result;
    }

    /// <inheritdoc />
    public void NotebookStarted(NotebookFile notebook)
    {
        _clocks[notebook.Path] = Stopwatch.StartNew();
        _state[notebook.Path] = "[blue]starting[/]";
    }

    /// <inheritdoc />
    public void CellStarted(NotebookFile notebook, int index)
    {
        _state[notebook.Path] = $"[blue]cell {index + 1} (code {notebook.CodeCellNumber(index)}/{notebook.CodeCellCount})[/]";
    }

    /// <inheritdoc />
    public void NotebookFinished(NotebookFile notebook, NotebookResult result)
    {
        if (_clocks.TryGetValue(notebook.Path, out var clock)) clock.Stop();
        _state[notebook.Path] = result.Passed
            ? $"[green]passed[/]  {result.ChecksPassed} checks  {result.Seconds:F1} s"
            : $"[red]failed[/]  cell {result.Failure!.CellNumber?.ToString() ?? "-"}  {result.Seconds:F1} s";
        if (!_live) Console.WriteLine(Summary.Line(result));
    }

    private Table Table()
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("Notebook").AddColumn("State").AddColumn(new TableColumn("Time").RightAligned());
        foreach (var notebook in _notebooks)
        {
            var time = _clocks.TryGetValue(notebook.Path, out var clock) ? $"{clock.Elapsed.TotalSeconds:F0} s" : "";
            table.AddRow(Markup.Escape(notebook.Name), _state[notebook.Path], time);
        }
        return table;
    }
}
