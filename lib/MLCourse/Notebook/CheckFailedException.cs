namespace MLCourse.Notebook;

/// <summary>
/// Thrown by <see cref="Check"/> when a claim does not hold. The message states the claim, the actual value and the
/// expected value, so that the failing notebook cell says what went wrong without a debugger.
/// </summary>
public sealed class CheckFailedException : Exception
{
    /// <summary>Creates the exception for a failed <paramref name="claim"/>.</summary>
    public CheckFailedException(string claim, string actual, string expected)
        : base($"Check failed: {claim}{Environment.NewLine}  actual:   {actual}{Environment.NewLine}  expected: {expected}")
    {
        Claim = claim;
        Actual = actual;
        Expected = expected;
    }

    /// <summary>The claim that failed.</summary>
    public string Claim { get; }

    /// <summary>The actual value, as text.</summary>
    public string Actual { get; }

    /// <summary>What the claim expected, as text.</summary>
    public string Expected { get; }
}
