namespace MLCourse.Notebooks.Tests;

/// <summary>The scanner behind the "every check can fail" and exercise lints finds what a check really compares.</summary>
public class CSharpCallsTests
{
    [Fact]
    public void Arguments_split_at_top_level_commas_only()
    {
        const string source = """
            var x = 1; // Check.Close(1, 1, 0, "in a comment")
            Check.Close(f(a, b), new[] { 1, 2 }[0], 1e-9, $"claim with {x}, a comma and \"quotes\" (and a paren");
            Check.True(s == "a, b", @"verbatim "" , ");
            """;

        var calls = CSharpCalls.Of("Check", source).ToList();

        Assert.Equal(2, calls.Count);
        Assert.Equal(["f(a, b)", "new[] { 1, 2 }[0]", "1e-9", "$\"claim with {x}, a comma and \\\"quotes\\\" (and a paren\""], calls[0].Arguments);
        Assert.Equal(2, calls[0].Line);
        Assert.Equal("True", calls[1].Method);
        Assert.Equal("s == \"a, b\"", calls[1].Arguments[0]);
    }

    [Theory]
    [InlineData("4 * 768 * 768 + 4 * 768", true)]
    [InlineData("0.15 * 0.8", true)]
    [InlineData("1 / Math.Sqrt(2)", true)]
    [InlineData("(double)1_000 / 3e-4", true)]
    [InlineData("Math.PI / 4", true)]
    [InlineData("true", true)]
    [InlineData("x", false)]
    [InlineData("d * d", false)]
    [InlineData("heads.Length", false)]
    [InlineData("Math.Sqrt(dk)", false)]
    [InlineData("1e-9 * n", false)]
    public void Literal_arithmetic_is_recognised(string expression, bool literal)
    {
        Assert.Equal(literal, CSharpCalls.IsLiteral(expression));
    }

    [Fact]
    public void Generic_calls_and_member_access_are_found_but_not_other_types()
    {
        var calls = CSharpCalls.Of("Exercise", "Exercise.Check(\"05.1\", a, hint: \"h\"); MyExercise.Check(1); x.Exercise.Check(2);").ToList();

        Assert.Single(calls);
        Assert.Equal(["\"05.1\"", "a", "hint: \"h\""], calls[0].Arguments);
    }
}
