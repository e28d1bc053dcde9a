namespace MLCourse.Runner.Runs;

/// <summary>Options of a course run (the <c>run</c> command's options).</summary>
/// <param name="OutputDirectory">Where <c>executed/</c>, <c>site/</c> and <c>results.xml</c> are written.</param>
/// <param name="Parallel">Number of worker processes. Range: ≥ 1.</param>
/// <param name="CellTimeout">Longest a single cell may run. Range: &gt; 0.</param>
/// <param name="Site">Whether to write the browsable site.</param>
public sealed record RunOptions(string OutputDirectory, int Parallel, TimeSpan CellTimeout, bool Site = true)
{
    /// <summary>The defaults of the command line: <c>artifacts</c>, one worker per processor, 120 s per cell, with the site.</summary>
    public static RunOptions Default(string outputDirectory = "artifacts") =>
        new(outputDirectory, Environment.ProcessorCount, TimeSpan.FromSeconds(120));
}
