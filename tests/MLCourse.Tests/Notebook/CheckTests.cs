using MLCourse.Notebook;

namespace MLCourse.Tests.Notebook;

public class CheckTests
{
    [Fact]
    public void Close_passes_within_tolerance_and_fails_outside_with_claim_actual_and_expected()
    {
        Check.Close(1.0, 1.0 + 1e-10, 1e-9, "close enough");

        var e = Assert.Throws<CheckFailedException>(() => Check.Close(511.0, 512.0, 0.5, "Var(q·k) = d_k"));

        Assert.Equal("Var(q·k) = d_k", e.Claim);
        Assert.Equal("511", e.Actual);
        Assert.StartsWith("512 ± 0.5", e.Expected);
        Assert.Contains("Check failed: Var(q·k) = d_k", e.Message);
    }

    [Fact]
    public void NaN_never_passes_and_equal_infinities_do()
    {
        Assert.Throws<CheckFailedException>(() => Check.Close(double.NaN, 0, 1, "NaN is not close to anything"));
        Assert.Throws<CheckFailedException>(() => Check.Close(Vector<double>.Build.DenseOfArray([double.NaN]), Vector<double>.Build.Dense(1), 1, "NaN entry"));
        Check.Close(double.PositiveInfinity, double.PositiveInfinity, 0, "∞ = ∞");
    }

    [Fact]
    public void RelativeClose_scales_with_the_expected_value()
    {
        Check.RelativeClose(1_000_001, 1_000_000, 1e-5, "within 10 ppm");

        Assert.Throws<CheckFailedException>(() => Check.RelativeClose(1.1, 1.0, 0.05, "within 5 %"));
    }

    [Fact]
    public void Matrix_close_reports_the_worst_entry_and_shape_mismatch()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
        var b = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4.5 } });

        Check.Close(a, a.Clone(), 0, "equal matrices");
        var worst = Assert.Throws<CheckFailedException>(() => Check.Close(a, b, 0.1, "nearly equal"));
        var shape = Assert.Throws<CheckFailedException>(() => Check.Close(a, a.Transpose().SubMatrix(0, 1, 0, 2), 1, "shapes"));

        Assert.Equal("4 at [1, 1]", worst.Actual);
        Assert.Equal("a 2×2 matrix", shape.Actual);
        Assert.Equal("a 1×2 matrix", shape.Expected);
    }

    [Fact]
    public void True_False_Equal_and_comparisons()
    {
        Check.True(true, "true holds");
        Check.False(false, "false does not");
        Check.Equal(3, 3, "three");
        Check.Less(1, 2, "1 < 2");
        Check.LessOrEqual(2, 2, "2 ≤ 2");
        Check.Greater(3, 2, "3 > 2");
        Check.GreaterOrEqual(2, 2, "2 ≥ 2");

        Assert.Equal("false", Assert.Throws<CheckFailedException>(() => Check.True(false, "fails")).Actual);
        Assert.Equal("b", Assert.Throws<CheckFailedException>(() => Check.Equal("a", "b", "strings")).Expected);
        Assert.Equal("≤ 1", Assert.Throws<CheckFailedException>(() => Check.LessOrEqual(2, 1, "fails")).Expected);
    }

    [Fact]
    public void Throws_returns_the_expected_exception_and_fails_otherwise()
    {
        var e = Check.Throws<ArgumentException>(() => throw new ArgumentOutOfRangeException("x"), "subclasses count");

        Assert.IsType<ArgumentOutOfRangeException>(e);
        Assert.Equal("no exception", Assert.Throws<CheckFailedException>(() => Check.Throws<ArgumentException>(() => { }, "nothing thrown")).Actual);
        Assert.StartsWith("InvalidOperationException", Assert.Throws<CheckFailedException>(
            () => Check.Throws<ArgumentException>(() => throw new InvalidOperationException("other"), "wrong type")).Actual);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Every_check_needs_a_claim(string claim)
    {
        Assert.Equal("claim", Assert.Throws<ArgumentException>(() => Check.True(true, claim)).ParamName);
    }

    [Fact]
    public void Negative_tolerance_is_rejected()
    {
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => Check.Close(1, 1, -1, "x")).ParamName);
    }

    [Fact]
    public void A_passing_check_displays_one_line()
    {
        Assert.Equal("✔ rows sum to 1 (max 1e-16)", new CheckPassed("rows sum to 1", "max 1e-16").ToString());
        Assert.Equal("✔ holds", new CheckPassed("holds", "").ToString());
    }
}
