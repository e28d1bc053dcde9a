using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Notebook;

/// <summary>
/// Executable claims for notebooks. Each method either displays one line "✔ claim (evidence)" and returns, or throws a
/// <see cref="CheckFailedException"/> naming the claim, the actual and the expected value, which fails the cell and
/// therefore the notebook. Introduced in notebook 01; every notebook ends its derivation steps with checks.
/// </summary>
/// <remarks>
/// Tolerances are absolute unless the method name says otherwise (<see cref="RelativeClose"/>). NaN never passes a
/// numeric check. Outside a notebook (unit tests, console) the ✔ line is written to standard output.
/// </remarks>
public static class Check
{
    /// <summary>Claims |actual − expected| ≤ tolerance (or actual == expected, which covers equal infinities).</summary>
    /// <exception cref="ArgumentOutOfRangeException">tolerance is negative, infinite or NaN.</exception>
    public static void Close(double actual, double expected, double tolerance, string claim)
    {
        ValidateClaim(claim);
        Guard.NonNegative(tolerance, nameof(tolerance));
        var error = Math.Abs(actual - expected);
        if (!(actual == expected || error <= tolerance))
            throw new CheckFailedException(claim, Exact(actual), $"{Exact(expected)} ± {Exact(tolerance)} (|difference| = {Exact(error)})");
        Pass(claim, $"{Num(actual)} vs {Num(expected)}, |difference| = {Num(error)} ≤ {Num(tolerance)}");
    }

    /// <summary>Claims |actual − expected| ≤ relativeTolerance·|expected|.</summary>
    /// <exception cref="ArgumentOutOfRangeException">relativeTolerance is negative, infinite or NaN.</exception>
    public static void RelativeClose(double actual, double expected, double relativeTolerance, string claim)
    {
        ValidateClaim(claim);
        Guard.NonNegative(relativeTolerance, nameof(relativeTolerance));
        var error = Math.Abs(actual - expected);
        if (!(actual == expected || error <= relativeTolerance * Math.Abs(expected)))
            throw new CheckFailedException(claim, Exact(actual),
                $"{Exact(expected)} within relative {Exact(relativeTolerance)} (relative difference = {Exact(error / Math.Abs(expected))})");
        Pass(claim, $"{Num(actual)} vs {Num(expected)}, relative difference {Num(expected == 0 ? 0 : error / Math.Abs(expected))} ≤ {Num(relativeTolerance)}");
    }

    /// <summary>Claims two vectors have the same length and max_i |actual_i − expected_i| ≤ tolerance.</summary>
    public static void Close(Vector<double> actual, Vector<double> expected, double tolerance, string claim)
    {
        ValidateClaim(claim);
        Guard.NonNegative(tolerance, nameof(tolerance));
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (actual.Count != expected.Count)
            throw new CheckFailedException(claim, $"a vector of length {actual.Count}", $"a vector of length {expected.Count}");
        CloseEntries(actual.ToArray(), expected.ToArray(), tolerance, claim, i => $"index {i}", $"{actual.Count} entries");
    }

    /// <summary>Claims two matrices have the same shape and max_ij |actual_ij − expected_ij| ≤ tolerance.</summary>
    public static void Close(Matrix<double> actual, Matrix<double> expected, double tolerance, string claim)
    {
        ValidateClaim(claim);
        Guard.NonNegative(tolerance, nameof(tolerance));
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (actual.RowCount != expected.RowCount || actual.ColumnCount != expected.ColumnCount)
            throw new CheckFailedException(claim, $"a {Guard.Shape(actual)} matrix", $"a {Guard.Shape(expected)} matrix");
        var rows = actual.RowCount;
        CloseEntries(actual.ToColumnMajorArray(), expected.ToColumnMajorArray(), tolerance, claim,
            i => $"[{i % rows}, {i / rows}]", $"{Guard.Shape(actual)} entries");
    }

    /// <summary>Claims a condition holds.</summary>
    public static void True(bool condition, string claim)
    {
        ValidateClaim(claim);
        if (!condition) throw new CheckFailedException(claim, "false", "true");
        Pass(claim, "");
    }

    /// <summary>Claims a condition does not hold.</summary>
    public static void False(bool condition, string claim)
    {
        ValidateClaim(claim);
        if (condition) throw new CheckFailedException(claim, "true", "false");
        Pass(claim, "");
    }

    /// <summary>Claims exact equality (<see cref="EqualityComparer{T}.Default"/>); use for counts, indices, strings.</summary>
    public static void Equal<T>(T actual, T expected, string claim)
    {
        ValidateClaim(claim);
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
            throw new CheckFailedException(claim, Show(actual), Show(expected));
        Pass(claim, $"= {Show(actual)}");
    }

    /// <summary>Claims actual &lt; bound.</summary>
    public static void Less(double actual, double bound, string claim) =>
        Compare(actual < bound, actual, "<", bound, claim);

    /// <summary>Claims actual ≤ bound.</summary>
    public static void LessOrEqual(double actual, double bound, string claim) =>
        Compare(actual <= bound, actual, "≤", bound, claim);

    /// <summary>Claims actual &gt; bound.</summary>
    public static void Greater(double actual, double bound, string claim) =>
        Compare(actual > bound, actual, ">", bound, claim);

    /// <summary>Claims actual ≥ bound.</summary>
    public static void GreaterOrEqual(double actual, double bound, string claim) =>
        Compare(actual >= bound, actual, "≥", bound, claim);

    /// <summary>
    /// Claims <paramref name="action"/> throws <typeparamref name="TException"/> (or a subclass) and returns it, so the
    /// notebook can show its message. Any other outcome fails the check.
    /// </summary>
    public static TException Throws<TException>(Action action, string claim) where TException : Exception
    {
        ValidateClaim(claim);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
        }
        catch (TException expected)
        {
            Pass(claim, $"{expected.GetType().Name}: {FirstLine(expected.Message)}");
            return expected;
        }
        catch (Exception other)
        {
            throw new CheckFailedException(claim, $"{other.GetType().Name}: {FirstLine(other.Message)}", $"a {typeof(TException).Name}");
        }
        throw new CheckFailedException(claim, "no exception", $"a {typeof(TException).Name}");
    }

    private static void Compare(bool holds, double actual, string relation, double bound, string claim)
    {
        ValidateClaim(claim);
        if (!holds) throw new CheckFailedException(claim, Exact(actual), $"{relation} {Exact(bound)}");
        Pass(claim, $"{Num(actual)} {relation} {Num(bound)}");
    }

    /// <summary>Entry-wise closeness: fails at the worst entry (or the first NaN), naming it with <paramref name="where"/>.</summary>
    private static void CloseEntries(double[] actual, double[] expected, double tolerance, string claim, Func<int, string> where, string count)
    {
        double worst = 0;
        var index = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var error = actual[i] == expected[i] ? 0 : Math.Abs(actual[i] - expected[i]);
            if (double.IsNaN(error)) (worst, index) = (double.NaN, i);
            if (double.IsNaN(worst)) break;
            if (error > worst) (worst, index) = (error, i);
        }
        if (!(worst <= tolerance))
            throw new CheckFailedException(claim, $"{Exact(actual[index])} at {where(index)}",
                $"{Exact(expected[index])} ± {Exact(tolerance)} (max |difference| = {Exact(worst)})");
        Pass(claim, $"max |difference| = {Num(worst)} ≤ {Num(tolerance)} over {count}");
    }

    private static void ValidateClaim(string claim)
    {
        if (string.IsNullOrWhiteSpace(claim))
            throw new ArgumentException("Every check states its claim: claim must not be empty.", nameof(claim));
    }

    private static void Pass(string claim, string detail) => new CheckPassed(claim, detail).Display();

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        double d => Exact(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    /// <summary>Short form for passing lines.</summary>
    internal static string Num(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Round-trip form for failures: every digit that matters.</summary>
    private static string Exact(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
