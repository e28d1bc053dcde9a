namespace MLCourse.Runner.Runs;

/// <summary>Options of a course run (the <c>run</c> command's options). The command line takes its defaults from here.</summary>
/// <param name="OutputDirectory">Where <c>executed/</c>, <c>student/</c>, <c>site/</c> and <c>results.xml</c> are written.</param>
/// <param name="Parallel">Number of notebooks run at a time (each worker process runs up to two). Range: ≥ 1.</param>
/// <param name="CellTimeout">Longest a single cell may run. Range: &gt; 0.</param>
/// <param name="Site">Whether to write the browsable site.</param>
public sealed record RunOptions(string OutputDirectory, int Parallel, TimeSpan CellTimeout, bool Site = true)
{
    /// <summary>The notebooks run when no path is given: the course folder.</summary>
    public const string DefaultPath = "notebooks";

    /// <summary>The output folder when none is given.</summary>
    public const string DefaultOutputDirectory = "artifacts";

    /// <summary>The longest a cell may run when no timeout is given, in seconds.</summary>
    public const double DefaultCellTimeoutSeconds = 120;

    /// <summary>The number of notebooks run at a time when none is given: one per processor.</summary>
    public static int DefaultParallel => Environment.ProcessorCount;

    /// <summary>The defaults of the command line, writing into <paramref name="outputDirectory"/>, with the site.</summary>
    public static RunOptions Default(string outputDirectory = DefaultOutputDirectory) =>
        new(outputDirectory, DefaultParallel, TimeSpan.FromSeconds(DefaultCellTimeoutSeconds));
}
