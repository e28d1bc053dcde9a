namespace MLCourse.Runner.Cli;

/// <summary>Process exit codes of the runner.</summary>
public static class ExitCodes
{
    /// <summary>Every notebook passed.</summary>
    public const int Passed = 0;

    /// <summary>At least one notebook failed, or the run was interrupted (Ctrl+C) before every notebook finished.</summary>
    public const int Failed = 1;

    /// <summary>Bad invocation or input: unknown option, missing path, not an .ipynb, malformed notebook.</summary>
    public const int BadInput = 2;
}
