using MLCourse.Probability;

namespace MLCourse.Tests.Probability;

public class MonteCarloTests
{
    private const string File = "probability.json";

    public static TheoryData<string> Samples => GoldenData.Names(File, "sem");

    [Theory]
    [MemberData(nameof(Samples))]
    public void Estimate_is_the_mean_and_scipy_standard_error(string name)
    {
        var c = GoldenData.Case(File, name);
        var x = GoldenData.Vector(c["x"]).ToArray();

        var (mean, standardError) = MonteCarlo.Estimate(x);

        GoldenData.AssertRelative(GoldenData.Number(c["mean"]), mean, 1e-12, "mean");
        // Welford's update and numpy's two passes round differently: with a common offset of 1e8 each deviation x − x̄
        // carries an absolute rounding of about 1e8·2⁻⁵³ ≈ 1e-8, and the two agree to 7.6e-11 there.
        GoldenData.AssertRelative(GoldenData.Number(c["sem"]), standardError, name.StartsWith("offset") ? 1e-9 : 1e-12, "sem");
    }

    [Fact]
    public void A_proportion_has_standard_error_sqrt_p_times_1_minus_p_over_n_minus_1()
    {
        var hits = Enumerable.Range(0, 40).Select(i => i % 4 == 0).ToArray();   // 10 of 40

        var (p, standardError) = MonteCarlo.Estimate(hits);

        Assert.Equal(0.25, p, 15);
        Assert.Equal(Math.Sqrt(0.25 * 0.75 / 39), standardError, 15);
    }

    [Fact]
    public void A_large_common_offset_does_not_cancel()
    {
        // The one-pass formula (Σx² − n·x̄²)/(n − 1) returns 0 or a negative number here; Welford's update does not.
        double[] x = [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4];

        var (mean, standardError) = MonteCarlo.Estimate(x);

        Assert.Equal(1e9 + 2.5, mean);
        Assert.Equal(Math.Sqrt(5.0 / 3 / 4), standardError, 12);
    }

    [Fact]
    public void Running_estimates_equal_the_estimates_of_each_prefix_and_end_with_all_samples()
    {
        var x = Rng.StandardNormal(1003, Rng.Create(5)).ToArray();

        var running = MonteCarlo.Running(x, 100);

        Assert.Equal([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1003], running.Select(r => r.Count));
        foreach (var (count, mean, standardError) in running)
        {
            var prefix = MonteCarlo.Estimate(x.Take(count).ToArray());
            Assert.Equal(prefix.Mean, mean, 15);
            Assert.Equal(prefix.StandardError, standardError, 15);
        }
        Assert.Equal(MonteCarlo.Estimate(x), (running[^1].Mean, running[^1].StandardError));
    }

    [Fact]
    public void Running_proportions_are_the_running_means_of_the_indicators()
    {
        var hits = Enumerable.Range(0, 10).Select(i => i < 3).ToArray();

        var running = MonteCarlo.Running(hits, 5);

        Assert.Equal([(5, 0.6), (10, 0.3)], running.Select(r => (r.Count, r.Mean)));
        Assert.Equal(Math.Sqrt(0.3 * 0.7 / 9), running[1].StandardError, 15);
    }

    [Fact]
    public void Standard_errors_shrink_like_one_over_root_n()
    {
        var x = Rng.StandardNormal(40_000, Rng.Create(7)).ToArray();
        var running = MonteCarlo.Running(x, 10_000);

        Assert.Equal(2, running[0].StandardError / running[3].StandardError, 1);   // 4× the samples, ½ the error
        Assert.Equal(1 / Math.Sqrt(40_000), running[3].StandardError, 3);
    }

    [Fact]
    public void Too_few_or_non_finite_samples_are_rejected()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => MonteCarlo.Estimate(new[] { 1.0 })).ParamName);
        Assert.Equal("hits", Assert.Throws<ArgumentException>(() => MonteCarlo.Estimate(new[] { true })).ParamName);
        Assert.Equal("hits", Assert.Throws<ArgumentException>(() => MonteCarlo.Running(new[] { true }, 2)).ParamName);
        var nan = Assert.Throws<ArgumentException>(() => MonteCarlo.Estimate(new[] { 1.0, double.NaN, 2.0 }));
        Assert.Equal("samples", nan.ParamName);
        Assert.Contains("samples[1]", nan.Message);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => MonteCarlo.Running(new[] { 1.0, double.PositiveInfinity }, 2)).ParamName);
        Assert.Throws<ArgumentNullException>(() => MonteCarlo.Estimate((double[])null!));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(11)]
    public void Running_needs_every_between_2_and_the_number_of_samples(int every)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarlo.Running(new double[10], every));

        Assert.Equal("every", error.ParamName);
        Assert.Contains("[2, 10]", error.Message);
    }
}
