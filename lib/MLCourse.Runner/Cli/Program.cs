using System.CommandLine;
using System.Runtime.InteropServices;
using MLCourse.Runner.Cli;
using MLCourse.Runner.Notebooks;
using MLCourse.Runner.Runs;
using MLCourse.Runner.Workers;

var paths = new Argument<string[]>("path")
{
    Description = "Notebooks (.ipynb) or folders of notebooks to run. Default: notebooks",
    Arity = ArgumentArity.ZeroOrMore,
    DefaultValueFactory = _ => ["notebooks"],
};
var output = new Option<string>("--output", "-o")
{
    Description = "Output folder: DIR/executed/NAME.ipynb, DIR/site/index.html, DIR/results.xml. Default: artifacts",
    DefaultValueFactory = _ => "artifacts",
};
var parallel = new Option<int>("--parallel", "-p")
{
    Description = "Number of worker processes. Default: the processor count",
    DefaultValueFactory = _ => Environment.ProcessorCount,
};
parallel.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < 1) result.AddError("--parallel must be at least 1.");
});
var timeout = new Option<double>("--timeout", "-t")
{
    Description = "Longest a single cell may run, in seconds; the cell then fails. Default: 120",
    DefaultValueFactory = _ => 120,
};
timeout.Validators.Add(result =>
{
    if (!(result.GetValueOrDefault<double>() > 0)) result.AddError("--timeout must be a number of seconds > 0.");
});
var noSite = new Option<bool>("--no-site") { Description = "Do not write the browsable site (DIR/site)." };

var run = new Command("run", "Execute notebooks headlessly, each in a fresh C# kernel, and write executed copies, a site and a JUnit report.")
{
    paths, output, parallel, timeout, noSite,
};
run.SetAction(async parse =>
{
    IReadOnlyList<NotebookFile> notebooks;
    try
    {
        notebooks = CourseRun.Discover(parse.GetValue(paths)!);
    }
    catch (NotebookInputException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return ExitCodes.BadInput;
    }

    var options = new RunOptions(parse.GetValue(output)!, parse.GetValue(parallel), TimeSpan.FromSeconds(parse.GetValue(timeout)), !parse.GetValue(noSite));
    using var interrupt = new CancellationTokenSource();
    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
    void Interrupt(PosixSignalContext context)
    {
        if (interrupt.IsCancellationRequested) return;   // a second Ctrl+C ends the process at once
        context.Cancel = true;
        Console.Error.WriteLine("Interrupted: stopping the workers and writing what finished…");
        interrupt.Cancel();
    }

    Console.WriteLine($"Running {notebooks.Count} notebook(s) on {Math.Min(options.Parallel, notebooks.Count)} worker(s); output in {options.OutputDirectory}");
    var result = await new ConsoleProgress(notebooks).ShowAsync(progress => CourseRun.RunAsync(notebooks, options, progress, interrupt.Token));
    return result.AllPassed ? ExitCodes.Passed : ExitCodes.Failed;
});

var pipe = new Option<string>("--pipe") { Required = true, Description = "Name of the runner's pipe." };
var worker = new Command("worker", "Internal: serve notebooks to a runner over a named pipe.") { pipe };
worker.Hidden = true;
worker.SetAction(async parse =>
{
    // Ctrl+C in a terminal reaches the whole process group: the runner decides, and kills workers it no longer needs.
    using var ignoreInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
    return await WorkerHost.RunAsync(parse.GetValue(pipe)!);
});

var root = new RootCommand("ML Derivations course runner.") { run, worker };
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("usage: dotnet run --project lib/MLCourse.Runner -- run [PATH…] [--output DIR] [--parallel N] [--timeout SECONDS] [--no-site]");
    return ExitCodes.BadInput;
}
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
