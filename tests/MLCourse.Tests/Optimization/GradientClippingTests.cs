using System.Text.Json.Nodes;
using MLCourse.Optimization;

namespace MLCourse.Tests.Optimization;

public class GradientClippingTests
{
    private const string File = "stability.json";

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static List<Vector<double>> Gradients(JsonNode? node) => node!.AsArray().Select(GoldenData.Vector).ToList();

    public static TheoryData<string> NormCases => GoldenData.Names(File, "clip_norm");

    public static TheoryData<string> ValueCases => GoldenData.Names(File, "clip_value");

    [Theory]
    [MemberData(nameof(NormCases))]
    public void ClipByNorm_matches_torch_clip_grad_norm_(string name)
    {
        var c = GoldenData.Case(File, name);
        var gradients = Gradients(c["before"]);
        var maxNorm = (bool)c["max_norm_inf"]! ? double.PositiveInfinity : GoldenData.Number(c["max_norm"]);

        var total = GradientClipping.ClipByNorm(gradients, maxNorm);

        GoldenData.AssertRelative(GoldenData.Number(c["total_norm"]), total, 1e-9, "total norm");
        var expected = Gradients(c["after"]);
        Assert.Equal(expected.Count, gradients.Count);
        for (var k = 0; k < expected.Count; k++)
            GoldenData.AssertRelative(expected[k], gradients[k], 1e-9, $"gradient {k}");
    }

    [Theory]
    [MemberData(nameof(ValueCases))]
    public void ClipByValue_matches_torch_clip_grad_value_(string name)
    {
        var c = GoldenData.Case(File, name);
        var gradients = Gradients(c["before"]);

        GradientClipping.ClipByValue(gradients, GoldenData.Number(c["clip_value"]));

        var expected = Gradients(c["after"]);
        for (var k = 0; k < expected.Count; k++)
            GoldenData.AssertRelative(expected[k], gradients[k], 1e-9, $"gradient {k}");
    }

    [Fact]
    public void ClipByNorm_keeps_the_direction_and_leaves_the_norm_c_times_N_over_N_plus_epsilon()
    {
        var gradients = new List<Vector<double>> { V(3, 0), V(0, 4, 12) };   // total norm 13

        var total = GradientClipping.ClipByNorm(gradients, 6.5);

        Assert.Equal(13, total, 1e-14);
        var factor = 6.5 / (13 + GradientClipping.NormEpsilon);
        Assert.Equal(3 * factor, gradients[0][0], 1e-14);
        Assert.Equal(12 * factor, gradients[1][2], 1e-14);
        var newNorm = Math.Sqrt(gradients.Sum(g => g.DotProduct(g)));
        Assert.True(newNorm < 6.5, "PyTorch's 1e-6 leaves the norm just below max_norm");
        Assert.Equal(6.5 * 13 / (13 + 1e-6), newNorm, 1e-14);
    }

    [Fact]
    public void ClipByNorm_below_the_threshold_leaves_the_vectors_bit_for_bit()
    {
        var g = V(0.1, -0.2, 0.3);
        var copy = g.Clone();

        GradientClipping.ClipByNorm([g], 1.0);

        Assert.Equal(copy.ToArray(), g.ToArray());
    }

    [Fact]
    public void ClipByNorm_propagates_NaN_and_zeroes_finite_entries_next_to_an_infinite_one()
    {
        var withNaN = new List<Vector<double>> { V(1, double.NaN), V(2) };
        var withInf = new List<Vector<double>> { V(1, double.PositiveInfinity), V(2) };

        Assert.True(double.IsNaN(GradientClipping.ClipByNorm(withNaN, 1)));
        Assert.All(withNaN.SelectMany(g => g), x => Assert.True(double.IsNaN(x)));
        Assert.Equal(double.PositiveInfinity, GradientClipping.ClipByNorm(withInf, 1));
        Assert.Equal(0.0, withInf[0][0]);
        Assert.True(double.IsNaN(withInf[0][1]));   // ∞·0, as in PyTorch
        Assert.Equal(0.0, withInf[1][0]);
    }

    [Fact]
    public void ClipByValue_changes_the_direction_when_only_some_entries_are_cut()
    {
        var g = V(100, 1);

        GradientClipping.ClipByValue([g], 1);

        Assert.Equal([1.0, 1.0], g.ToArray());
    }

    [Fact]
    public void ClipByValue_keeps_NaN()
    {
        var g = V(double.NaN, -5);

        GradientClipping.ClipByValue([g], 2);

        Assert.True(double.IsNaN(g[0]));
        Assert.Equal(-2, g[1]);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void A_negative_or_NaN_threshold_is_rejected_by_name(double threshold)
    {
        var byNorm = Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByNorm([V(1)], threshold));
        var byValue = Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByValue([V(1)], threshold));

        Assert.Equal("maxNorm", byNorm.ParamName);
        Assert.Equal("clipValue", byValue.ParamName);
        Assert.Contains("≥ 0", byNorm.Message);
    }

    [Fact]
    public void Null_list_or_entry_is_rejected_by_name()
    {
        Assert.Equal("gradients", Assert.Throws<ArgumentNullException>(() => GradientClipping.ClipByNorm(null!, 1)).ParamName);
        Assert.Equal("gradients", Assert.Throws<ArgumentNullException>(() => GradientClipping.ClipByValue(null!, 1)).ParamName);
        var entry = Assert.Throws<ArgumentException>(() => GradientClipping.ClipByNorm([V(1), null!], 1));
        Assert.Equal("gradients", entry.ParamName);
        Assert.Contains("gradients[1]", entry.Message);
    }
}
