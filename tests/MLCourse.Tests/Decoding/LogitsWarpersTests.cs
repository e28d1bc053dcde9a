using MLCourse.Decoding;

namespace MLCourse.Tests.Decoding;

public class LogitsWarpersTests
{
    private const string File = "decoding.json";

    public static TheoryData<string> Cases => GoldenData.Names(File);

    /// <summary>A golden vector with null meaning −∞ (a removed token).</summary>
    internal static Vector<double> Logits(System.Text.Json.Nodes.JsonNode? node) =>
        GoldenData.Vector(node).Map(z => double.IsNaN(z) ? double.NegativeInfinity : z);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_transformers_warpers(string name)
    {
        var c = GoldenData.Case(File, name);
        var logits = Logits(c["logits"]);
        var temperature = c["temperature"]!.GetValue<double>();
        var topK = c["top_k"]?.GetValue<int>();
        var topP = c["top_p"]?.GetValue<double>();

        var warped = MLCourse.Decoding.Sampling.Warp(logits, temperature, topK, topP);

        var kept = c["kept"]!.AsArray().Select(k => k!.GetValue<bool>()).ToArray();
        Assert.Equal(kept, warped.Select(z => !double.IsNegativeInfinity(z)).ToArray());
        var expected = Logits(c["warped"]);
        for (var i = 0; i < logits.Count; i++)
            if (kept[i]) GoldenData.AssertRelative(expected[i], warped[i], 1e-12, $"warped[{i}]");
        GoldenData.AssertRelative(GoldenData.Vector(c["probabilities"]), MLCourse.Decoding.Sampling.Distribution(logits, temperature, topK, topP), 1e-9, "probabilities");
    }

    [Fact]
    public void Top_k_keeps_exactly_k_tokens_without_ties_and_renormalises()
    {
        var logits = Vector<double>.Build.DenseOfArray([0.1, 2.0, -1.0, 1.5, 0.7, 3.0]);

        var warped = LogitsWarpers.TopK(logits, 3);

        Assert.Equal(3, LogitsWarpers.KeptCount(warped));
        Assert.Equal([false, true, false, true, false, true], warped.Select(z => !double.IsNegativeInfinity(z)).ToArray());
        var p = MLCourse.Activations.Softmax.Apply(logits);
        var q = MLCourse.Activations.Softmax.Apply(warped);
        var mass = p[1] + p[3] + p[5];
        foreach (var i in new[] { 1, 3, 5 }) Assert.Equal(p[i] / mass, q[i], 15);
    }

    [Fact]
    public void Top_k_keeps_every_token_tied_with_the_kth()
    {
        var logits = Vector<double>.Build.DenseOfArray([2.0, 1.0, 1.0, 1.0, 0.0]);

        Assert.Equal(4, LogitsWarpers.KeptCount(LogitsWarpers.TopK(logits, 2)));
        Assert.Equal(5, LogitsWarpers.KeptCount(LogitsWarpers.TopK(logits, 99)));
    }

    [Fact]
    public void Top_p_keeps_the_smallest_set_of_most_likely_tokens_with_mass_at_least_p()
    {
        var random = Rng.Create(14);
        for (var trial = 0; trial < 200; trial++)
        {
            var logits = 2 * Rng.StandardNormal(12, random);
            var p = random.NextDouble();
            var kept = LogitsWarpers.KeptCount(LogitsWarpers.TopP(logits, p));
            var sorted = MLCourse.Activations.Softmax.Apply(logits).OrderDescending().ToArray();
            var before = sorted.Take(kept - 1).Sum();
            var with = sorted.Take(kept).Sum();

            Assert.True(before < p + 1e-12 && with >= p - 1e-12, $"trial {trial}: p = {p}, kept {kept}, D_(m-1) = {before}, D_m = {with}");
        }
    }

    [Fact]
    public void Top_p_always_keeps_the_most_likely_token_and_p_1_keeps_everything()
    {
        var logits = Vector<double>.Build.DenseOfArray([0.0, 5.0, 1.0]);

        Assert.Equal([false, true, false], LogitsWarpers.TopP(logits, 1e-9).Select(z => !double.IsNegativeInfinity(z)).ToArray());
        Assert.Equal(3, LogitsWarpers.KeptCount(LogitsWarpers.TopP(logits, 1)));
    }

    [Fact]
    public void Top_p_breaks_ties_at_the_cut_off_towards_higher_ids()
    {
        var uniform = Vector<double>.Build.Dense(4);

        Assert.Equal([false, false, true, true], LogitsWarpers.TopP(uniform, 0.5).Select(z => !double.IsNegativeInfinity(z)).ToArray());
    }

    [Fact]
    public void Temperature_divides_and_keeps_the_order()
    {
        var logits = Vector<double>.Build.DenseOfArray([1.0, -2.0, 0.5]);

        Assert.Equal([4.0, -8.0, 2.0], LogitsWarpers.Temperature(logits, 0.25).ToArray());
        Assert.Equal(logits.MaximumIndex(), LogitsWarpers.Temperature(logits, 7).MaximumIndex());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Top_k_rejects_k_below_1(int k)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LogitsWarpers.TopK(Vector<double>.Build.Dense(3), k));

        Assert.Equal("k", e.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    public void Top_p_rejects_p_outside_0_1(double p)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LogitsWarpers.TopP(Vector<double>.Build.Dense(3), p));

        Assert.Equal("p", e.ParamName);
        Assert.Contains("(0, 1]", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Temperature_must_be_positive_and_finite(double temperature)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LogitsWarpers.Temperature(Vector<double>.Build.Dense(3), temperature));

        Assert.Equal("temperature", e.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Logits_must_not_contain_NaN_or_plus_infinity(double bad)
    {
        var logits = Vector<double>.Build.DenseOfArray([0.0, bad]);

        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => LogitsWarpers.TopK(logits, 1)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => LogitsWarpers.TopP(logits, 0.5)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => LogitsWarpers.Temperature(logits, 2)).ParamName);
    }

    [Fact]
    public void Logits_that_rule_out_everything_or_are_empty_are_rejected()
    {
        var none = Vector<double>.Build.Dense(3, double.NegativeInfinity);

        Assert.Contains("all −∞", Assert.Throws<ArgumentException>(() => LogitsWarpers.TopP(none, 0.5)).Message);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => LogitsWarpers.TopK(Vector<double>.Build.Dense(0), 1)).ParamName);
    }
}
