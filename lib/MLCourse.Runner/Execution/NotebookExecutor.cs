using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;
using MLCourse.Runner.Notebooks;

namespace MLCourse.Runner.Execution;

/// <summary>
/// Executes a notebook's code cells in order, in a fresh C# kernel, with the notebook's folder as the working directory
/// (as VS Code and Jupyter do, so relative <c>#r</c> paths resolve). Stops at the first failing cell.
/// </summary>
/// <remarks>
/// Notebooks may run at the same time in one process, each in its own kernel (.NET Interactive keeps each kernel's
/// console output and displays apart). The working directory is process-wide, so only notebooks from the same folder
/// run at once; one from another folder waits for them (<see cref="WorkingDirectory"/>).
/// </remarks>
public static class NotebookExecutor
{
    /// <summary>Full name of the type a passing <c>MLCourse.Notebook.Check</c> displays; counted to report checks passed.</summary>
    private const string CheckPassedTypeName = "MLCourse.Notebook.CheckPassed";

    /// <summary>Full name of the type <c>MLCourse.Notebook.Exercise.Check</c> displays; its id and status are recorded per cell.</summary>
    private const string ExerciseResultTypeName = "MLCourse.Notebook.ExerciseResult";

    /// <summary>
    /// A fresh C# kernel (with <c>#r "nuget:"</c> support) that has compiled one empty statement, so that compiler
    /// warm-up is not charged to a notebook's first cell. Start it while the previous notebook is being reported.
    /// </summary>
    public static async Task<CompositeKernel> CreateKernelAsync()
    {
        var kernel = CreateKernel();
        await kernel.SendAsync(new SubmitCode("System.GC.KeepAlive(null);", NotebookFile.KernelName));
        return kernel;
    }

    /// <summary>Runs <paramref name="notebook"/> and returns what every executed cell produced.</summary>
    /// <param name="notebook">The notebook to run.</param>
    /// <param name="kernel">
    /// A fresh kernel from <see cref="CreateKernelAsync"/>, still warming up or ready, awaited once the notebook has its
    /// working directory and disposed here; null to create one.
    /// </param>
    /// <param name="onStarted">Called once the notebook's folder is the working directory, before its kernel is awaited.</param>
    /// <param name="onCellStarted">Called with the 0-based cell index before each code cell runs (progress, watchdogs).</param>
    /// <param name="onCellFinished">Called with each cell's result as soon as the cell ends.</param>
    /// <param name="cancellationToken">Stops before the next cell.</param>
    public static async Task<NotebookResult> RunAsync(NotebookFile notebook, Task<CompositeKernel>? kernel = null, Action? onStarted = null,
        Action<int>? onCellStarted = null, Action<CellResult>? onCellFinished = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        await WorkingDirectory.EnterAsync(Path.GetDirectoryName(notebook.Path)!, cancellationToken);
        try
        {
            onStarted?.Invoke();
            using var owned = kernel is null ? CreateKernel() : await kernel;
            return await RunCellsAsync(notebook, owned, onCellStarted, onCellFinished, cancellationToken);
        }
        finally
        {
            WorkingDirectory.Leave();
        }
    }

    private static async Task<NotebookResult> RunCellsAsync(NotebookFile notebook, CompositeKernel kernel,
        Action<int>? onCellStarted, Action<CellResult>? onCellFinished, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var cells = new List<CellResult>();
        var codeCellNumber = 0;
        var displays = new Dictionary<string, (List<CellOutput> Outputs, int Index)>();
        foreach (var (index, cell) in notebook.CodeCells)
        {
            cancellationToken.ThrowIfCancellationRequested();
            codeCellNumber++;
            onCellStarted?.Invoke(index);
            var cellClock = Stopwatch.StartNew();
            var result = await kernel.SendAsync(new SubmitCode(cell.Contents, NotebookFile.KernelName), cancellationToken);
            var (outputs, checks, exercises, error) = Collect(result.Events, displays);
            cells.Add(new CellResult(index, codeCellNumber, cellClock.Elapsed.TotalSeconds, outputs, checks, exercises, error is not null));
            onCellFinished?.Invoke(cells[^1]);
            if (error is not null)
                return Finish(new NotebookFailure(index + 1, codeCellNumber, NotebookFile.FirstLine(cell.Contents), error));
        }
        return Finish(cells.Sum(c => c.ChecksPassed) == 0 ? NotebookFailure.NoCheck : null);

        NotebookResult Finish(NotebookFailure? failure) => new(notebook.Path, cells, clock.Elapsed.TotalSeconds, failure);
    }

    /// <summary>
    /// The folders of the native libraries that restored packages brought (SkiaSharp's <c>libSkiaSharp</c>, …), kept
    /// resolvable for the life of the process. A kernel's own resolver goes away with the kernel, but a plot's finalizer
    /// may call into the native library after that (e.g. <c>SKFontStyle</c>'s); unresolved, it would end the worker
    /// with a DllNotFoundException before the next notebook's first cell.
    /// </summary>
    private static readonly ConcurrentDictionary<string, bool> NativeFolders = new(StringComparer.Ordinal);

    static NotebookExecutor() => AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) =>
    {
        string[] files = [name, $"lib{name}.so", $"{name}.so", $"lib{name}.dylib", $"{name}.dylib", $"{name}.dll"];
        foreach (var folder in NativeFolders.Keys)
            foreach (var file in files.Select(f => Path.Combine(folder, f)))
                if (File.Exists(file) && NativeLibrary.TryLoad(file, out var handle))
                    return handle;
        return IntPtr.Zero;
    };

    /// <summary>Remembers the native asset folders (<c>runtimes/RID/native</c>) of a restored package for this platform.</summary>
    private static void RememberNativeFolders(string packageRoot)
    {
        var architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        foreach (var rid in new[] { RuntimeInformation.RuntimeIdentifier, $"{os}-{architecture}" }.Distinct())
        {
            var folder = Path.Combine(packageRoot, "runtimes", rid, "native");
            if (Directory.Exists(folder)) NativeFolders.TryAdd(folder, true);
        }
    }

    private static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, references) =>
            {
                kernel.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                foreach (var root in references.SelectMany(r => r.ProbingPaths)) RememberNativeFolders(root);
                return Task.CompletedTask;
            }, false)
            .UseKernelHelpers()
            .UseValueSharing();
        return new CompositeKernel { csharp }.With(k => k.DefaultKernelName = NotebookFile.KernelName);
    }

    private static T With<T>(this T value, Action<T> configure)
    {
        configure(value);
        return value;
    }

    /// <summary>
    /// Turns the kernel's events for one cell into outputs, the number of passing checks, the exercises graded and the
    /// error (if any). A display the cell updates (<see cref="DisplayedValueUpdated"/>, e.g. the package list of
    /// <c>#r "nuget:"</c>, which turns from "Installing" into "Installed") keeps its place and shows its final value, also
    /// when a later cell updates it: <paramref name="displays"/> remembers where every displayed value with an id sits.
    /// </summary>
    private static (List<CellOutput> Outputs, int Checks, List<ExerciseOutcome> Exercises, string? Error) Collect(
        IEnumerable<KernelEvent> events, Dictionary<string, (List<CellOutput> Outputs, int Index)> displays)
    {
        var outputs = new List<CellOutput>();
        var checks = 0;
        var exercises = new List<ExerciseOutcome>();
        string? error = null;
        var diagnostics = new List<string>();
        foreach (var e in events)
        {
            switch (e)
            {
                case StandardOutputValueProduced o:
                    AddStream(outputs, "stdout", Text(o));
                    break;
                case StandardErrorValueProduced o:
                    AddStream(outputs, "stderr", Text(o));
                    break;
                case DisplayedValueUpdated u:
                    if (u.ValueId is not null && displays.TryGetValue(u.ValueId, out var shown))
                        shown.Outputs[shown.Index] = new DisplayOutput(Data(u), IsResult: false);
                    else
                        outputs.Add(new DisplayOutput(Data(u), IsResult: false));
                    break;
                case ReturnValueProduced r:
                    outputs.Add(new DisplayOutput(Data(r), IsResult: true));
                    break;
                case DisplayedValueProduced d:
                    outputs.Add(new DisplayOutput(Data(d), IsResult: false));
                    if (d.ValueId is not null) displays[d.ValueId] = (outputs, outputs.Count - 1);
                    if (d.Value?.GetType().FullName == CheckPassedTypeName) checks++;
                    if (d.Value?.GetType().FullName == ExerciseResultTypeName) exercises.Add(Outcome(d.Value));
                    break;
                case DiagnosticsProduced p:
                    diagnostics.AddRange(p.Diagnostics
                        .Where(x => x.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                        .Select(x => $"({x.LinePositionSpan.Start.Line + 1},{x.LinePositionSpan.Start.Character + 1}): error {x.Code}: {x.Message}"));
                    break;
                case CommandFailed f:
                    error = diagnostics.Count > 0 ? string.Join(Environment.NewLine, diagnostics.Distinct()) : f.Exception?.Message ?? f.Message;
                    var name = diagnostics.Count > 0 ? "CompilationError" : f.Exception?.GetType().Name ?? "Error";
                    var trace = diagnostics.Count > 0 ? diagnostics.Distinct().ToList()
                        : (f.Exception?.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
                    outputs.Add(new ErrorOutput(name, error, trace));
                    break;
            }
        }
        return (outputs, checks, exercises, error);
    }

    /// <summary>The id and status of a displayed <c>MLCourse.Notebook.ExerciseResult</c>, read by name (the runner does not reference the library).</summary>
    /// <exception cref="InvalidOperationException">The library's type no longer has the members the runner reads.</exception>
    private static ExerciseOutcome Outcome(object value)
    {
        var type = value.GetType();
        return type.GetProperty("Exercise")?.GetValue(value) is string id
            && type.GetProperty("Status")?.GetValue(value) is Enum status
            && Enum.TryParse<ExerciseStatus>(status.ToString(), out var parsed)
            ? new ExerciseOutcome(id, parsed)
            : throw new InvalidOperationException(
                $"{ExerciseResultTypeName} has no Exercise (string) and Status ({string.Join(", ", Enum.GetNames<ExerciseStatus>())}) the runner can read: build the library and the runner from the same commit");
    }

    private static string Text(DisplayEvent e) => e.FormattedValues.FirstOrDefault()?.Value ?? e.Value?.ToString() ?? "";

    /// <summary>
    /// The displayed value's MIME bundle. A plot, which the library displays as HTML that is nothing but one inline PNG
    /// (so that every live front-end renders it), is stored as <c>image/png</c> here, once, the way Jupyter stores
    /// images: executed copies and the site read the bundle and never look inside the HTML.
    /// </summary>
    private static Dictionary<string, string> Data(DisplayEvent e)
    {
        var data = e.FormattedValues.Where(v => !v.SuppressDisplay).GroupBy(v => v.MimeType).ToDictionary(g => g.Key, g => g.First().Value);
        return InlinePng.Base64(data) is { } png ? new() { ["image/png"] = png, ["text/plain"] = "<plot>" } : data;
    }

    private static void AddStream(List<CellOutput> outputs, string name, string text)
    {
        if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == name)
            outputs[^1] = last with { Text = last.Text + text };
        else
            outputs.Add(new StreamOutput(name, text));
    }
}
