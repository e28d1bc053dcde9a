using System.CommandLine;
using MLCourse.Runner;

var paths = new Argument<string[]>("path")
{
    Description = "Notebooks (.ipynb) or folders of notebooks to run.",
    Arity = ArgumentArity.ZeroOrMore,
    DefaultValueFactory = _ => ["notebooks"],
};
var output = new Option<string>("--output", "-o")
{
    Description = "Folder for executed notebooks (DIR/executed/NAME.ipynb).",
    DefaultValueFactory = _ => "artifacts",
};
var run = new Command("run", "Execute notebooks headlessly, each in a fresh C# kernel, and write executed copies.") { paths, output };
run.SetAction(async (parse, cancellationToken) =>
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

    var options = new RunOptions(parse.GetValue(output)!);
    Console.WriteLine($"Running {notebooks.Count} notebook(s); executed copies go to {Path.Combine(options.OutputDirectory, "executed")}");
    var results = await CourseRun.RunAsync(notebooks, options, Summary.WriteLine, cancellationToken);
    Summary.WriteTotals(results, notebooks.Count);
    return results.Count == notebooks.Count && results.All(r => r.Passed) ? ExitCodes.Passed : ExitCodes.Failed;
});

var root = new RootCommand("ML Derivations course runner.") { run };
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("usage: dotnet run --project lib/MLCourse.Runner -- run [PATH…] [--output DIR]");
    return ExitCodes.BadInput;
}
return await parsed.InvokeAsync();
