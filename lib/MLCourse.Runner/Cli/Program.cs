using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using MLCourse.Runner.Cli;
using MLCourse.Runner.Notebooks;
using MLCourse.Runner.Outputs;
using MLCourse.Runner.Runs;
using MLCourse.Runner.Workers;

var paths = new Argument<string[]>("path")
{
    Description = "Notebooks (.ipynb) or folders of notebooks to run.",
    Arity = ArgumentArity.ZeroOrMore,
    DefaultValueFactory = _ => [RunOptions.DefaultPath],
};
paths.Validators.Add(result =>
{
    foreach (var option in result.Tokens.Select(t => t.Value).Where(v => v.StartsWith('-')))
        result.AddError($"unknown option {option}");
});
var output = new Option<string>("--output", "-o")
{
    Description = "Output folder: DIR/executed/NAME.ipynb, DIR/student/NAME.ipynb, DIR/site/index.html, DIR/results.xml.",
    HelpName = "DIR",
    DefaultValueFactory = _ => RunOptions.DefaultOutputDirectory,
};
var parallel = new Option<int>("--parallel", "-p")
{
    Description = $"Number of notebooks run at a time, by default one per processor ({WorkerPool.SlotsPerWorker} in each worker process).",
    HelpName = "N",
    DefaultValueFactory = _ => RunOptions.DefaultParallel,
    CustomParser = result =>
    {
        var token = result.Tokens.Single().Value;
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var workers) && workers >= 1) return workers;
        result.AddError($"--parallel must be a whole number of at least 1, got '{token}'.");
        return 0;
    },
};
const double MaxTimeoutSeconds = 86_400;   // the cell watchdog's timers take at most ~24 days
var timeout = new Option<double>("--timeout", "-t")
{
    Description = "Longest a single cell may run, in seconds; the cell then fails.",
    HelpName = "SECONDS",
    DefaultValueFactory = _ => RunOptions.DefaultCellTimeoutSeconds,
    CustomParser = result =>
    {
        var token = result.Tokens.Single().Value;
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= MaxTimeoutSeconds) return seconds;
        result.AddError($"--timeout must be a number of seconds > 0 and at most {MaxTimeoutSeconds} (a day), got '{token}'.");
        return 0;
    },
};
var noSite = new Option<bool>("--no-site") { Description = "Do not write the browsable site (DIR/site)." };

var run = new Command("run", "Execute notebooks headlessly, each in a fresh C# kernel, and write executed copies, a site and a JUnit report.")
{
    paths, output, parallel, timeout, noSite,
};
run.SetAction(async parse =>
{
    IReadOnlyList<NotebookFile> notebooks;
    var options = new RunOptions(parse.GetValue(output)!, parse.GetValue(parallel), TimeSpan.FromSeconds(parse.GetValue(timeout)), !parse.GetValue(noSite));
    try
    {
        notebooks = CourseRun.Discover(parse.GetValue(paths)!);
        CourseRun.PrepareOutput(options);
    }
    catch (Exception e) when (e is NotebookInputException or OutputFolderException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return ExitCodes.BadInput;
    }
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

    Console.WriteLine($"Running {notebooks.Count} notebook(s), {Math.Min(options.Parallel, notebooks.Count)} at a time; output in {options.OutputDirectory}");
    var result = await new ConsoleProgress(notebooks).ShowAsync(progress => CourseRun.RunAsync(notebooks, options, progress, interrupt.Token));
    return result.AllPassed ? ExitCodes.Passed : ExitCodes.Failed;
});

var pipe = new Option<string[]>("--pipe") { Required = true, Description = "Name of one of the runner's pipes, one per slot." };
var jitProfile = new Option<string>("--jit-profile") { Required = true, Description = "File name of the multicore JIT profile, beside the runner." };
var worker = new Command("worker", "Internal: serve notebooks to a runner over named pipes.") { pipe, jitProfile };
worker.Hidden = true;
worker.SetAction(async parse =>
{
    // Ctrl+C in a terminal reaches the whole process group: the runner decides, and kills workers it no longer needs.
    using var ignoreInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
    return await WorkerHost.RunAsync(parse.GetValue(pipe)!, parse.GetValue(jitProfile)!);
});

var root = new RootCommand("ML Derivations course runner.") { run, worker };
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine();
    // The generated help of the command that failed to parse (e.g. "run"), on standard error.
    var names = new List<string>();
    for (var c = parsed.CommandResult; c.Parent is System.CommandLine.Parsing.CommandResult parent; c = parent) names.Insert(0, c.Command.Name);
    root.Parse([.. names, "--help"]).Invoke(new InvocationConfiguration { Output = Console.Error });
    return ExitCodes.BadInput;
}
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
