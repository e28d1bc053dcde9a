using MLCourse.Alignment;

namespace MLCourse.Tests.Alignment;

public class BradleyTerryTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Loss_is_log_2_at_equal_rewards_and_ignores_a_common_shift()
    {
        Assert.Equal(Math.Log(2), BradleyTerry.Loss(V(0.3, -1), V(0.3, -1)), 15);
        var (chosen, rejected) = (V(1.2, -0.4, 3), V(0.2, 0.5, -1));
        Assert.Equal(BradleyTerry.Loss(chosen, rejected), BradleyTerry.Loss(chosen + 10, rejected + 10), 13);
        Assert.Equal(0.5, BradleyTerry.Probability(2.5, 2.5));
        Assert.Equal(1 / (1 + Math.Exp(-1.5)), BradleyTerry.Probability(1, -0.5), 15);
    }

    [Fact]
    public void Gradient_matches_finite_differences_and_is_minus_sigma_of_the_reversed_margin()
    {
        var (chosen, rejected) = (V(0.7, -1.3, 2.0), V(0.1, 0.4, 2.5));
        var (gc, gr) = BradleyTerry.LossGradient(chosen, rejected);

        Assert.True((gc - FiniteDifference.Gradient(c => BradleyTerry.Loss(c, rejected), chosen)).InfinityNorm() < 1e-9);
        Assert.True((gr - FiniteDifference.Gradient(r => BradleyTerry.Loss(chosen, r), rejected)).InfinityNorm() < 1e-9);
        for (var i = 0; i < 3; i++) Assert.Equal(-1 / (1 + Math.Exp(chosen[i] - rejected[i])) / 3, gc[i], 15);
    }

    [Fact]
    public void Ranked_loss_averages_the_pairs_of_each_prompt_and_then_the_prompts()
    {
        var (a, b) = (V(2, 1, 0.5, -1), V(0.3, 0.9));
        var pairsOfA = BradleyTerry.Loss(V(2, 2, 2, 1, 1, 0.5), V(1, 0.5, -1, 0.5, -1, -1));

        Assert.Equal(pairsOfA, BradleyTerry.RankedLoss([a]), 15);
        Assert.Equal((pairsOfA + BradleyTerry.Loss(V(0.3), V(0.9))) / 2, BradleyTerry.RankedLoss([a, b]), 15);
        var gradients = BradleyTerry.RankedLossGradient([a, b]);
        Assert.All(gradients, g => Assert.Equal(0, g.Sum(), 15));
        Assert.True((gradients[0] - FiniteDifference.Gradient(x => BradleyTerry.RankedLoss([x, b]), a)).InfinityNorm() < 1e-9);
    }

    [Fact]
    public void Fit_recovers_the_exact_mle_of_two_items_and_is_stationary_in_general()
    {
        // Two items, 30 wins to 10: the MLE is r₁ − r₀ = log(30/10).
        var winners = Enumerable.Repeat(1, 30).Concat(Enumerable.Repeat(0, 10)).ToArray();
        var losers = winners.Select(w => 1 - w).ToArray();
        var fit = BradleyTerry.Fit(2, winners, losers);
        Assert.Equal(0, fit.Rewards[0]);
        Assert.Equal(Math.Log(3), fit.Rewards[1], 12);
        Assert.Equal(Math.Sqrt(1 / (40 * 0.75 * 0.25)), fit.StandardErrors[1], 10);   // 1/√(n·p(1 − p))

        var truth = V(0, 0.8, -0.5, 1.5);
        var (w, l) = BradleyTerry.Simulate(truth, 4000, Rng.Create(3));
        var general = BradleyTerry.Fit(4, w, l, reference: 2);
        Assert.Equal(0, general.Rewards[2]);
        Assert.True((FiniteDifference.Gradient(r => BradleyTerry.LogLikelihood(r, w, l), general.Rewards)).InfinityNorm() < 1e-6);
        Assert.Equal(general.LogLikelihood, BradleyTerry.LogLikelihood(general.Rewards, w, l), 9);
        Assert.True(general.LogLikelihood >= BradleyTerry.LogLikelihood(truth - truth[2], w, l));
        for (var i = 0; i < 4; i++) Assert.True(Math.Abs(general.Rewards[i] - (truth[i] - truth[2])) < 4 * general.StandardErrors[i] + 1e-12, $"item {i}");
    }

    [Fact]
    public void Simulate_wins_in_proportion_to_sigma_of_the_reward_difference()
    {
        const int n = 40_000;
        var (winners, losers) = BradleyTerry.Simulate(V(0, 1), n, Rng.Create(8));
        var p = 1 / (1 + Math.Exp(-1.0));
        var observed = winners.Count(x => x == 1) / (double)n;

        Assert.True(Math.Abs(observed - p) < 4 * Math.Sqrt(p * (1 - p) / n), $"{observed} vs {p}");
        Assert.All(Enumerable.Range(0, n), c => Assert.NotEqual(winners[c], losers[c]));
    }

    [Fact]
    public void Fit_refuses_comparisons_without_a_finite_mle()
    {
        // Item 2 wins every comparison it is in.
        var e = Assert.Throws<ArgumentException>(() => BradleyTerry.Fit(3, [0, 1, 2, 2], [1, 0, 0, 1]));
        Assert.Equal("winners", e.ParamName);
        Assert.Contains("item 2", e.Message);
        // Item 2 loses every comparison it is in.
        e = Assert.Throws<ArgumentException>(() => BradleyTerry.Fit(3, [0, 1, 0, 1], [1, 0, 2, 2]));
        Assert.Contains("item 2", e.Message);
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        Assert.Equal("chosen", Assert.Throws<ArgumentException>(() => BradleyTerry.Loss(V(), V())).ParamName);
        var lengths = Assert.Throws<ArgumentException>(() => BradleyTerry.Loss(V(1, 2), V(1)));
        Assert.Equal("rejected", lengths.ParamName);
        Assert.Contains("length 2", lengths.Message);
        Assert.Equal("rankings", Assert.Throws<ArgumentException>(() => BradleyTerry.RankedLoss([V(1, 2), V(3)])).ParamName);
        Assert.Equal("rankings", Assert.Throws<ArgumentException>(() => BradleyTerry.RankedLoss([])).ParamName);
        Assert.Equal("rewards", Assert.Throws<ArgumentException>(() => BradleyTerry.Simulate(V(1), 10, Rng.Create(1))).ParamName);
        Assert.Equal("rewards", Assert.Throws<ArgumentOutOfRangeException>(() => BradleyTerry.Simulate(V(1, double.NaN), 10, Rng.Create(1))).ParamName);
        Assert.Equal("comparisons", Assert.Throws<ArgumentOutOfRangeException>(() => BradleyTerry.Simulate(V(1, 2), 0, Rng.Create(1))).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentOutOfRangeException>(() => BradleyTerry.Fit(1, [0], [0])).ParamName);
        Assert.Equal("losers", Assert.Throws<ArgumentException>(() => BradleyTerry.Fit(2, [0, 1], [1])).ParamName);
        Assert.Equal("winners", Assert.Throws<ArgumentException>(() => BradleyTerry.Fit(2, [0, 5], [1, 0])).ParamName);
        Assert.Equal("losers", Assert.Throws<ArgumentException>(() => BradleyTerry.Fit(2, [0, 1], [1, -1])).ParamName);
        Assert.Equal("losers", Assert.Throws<ArgumentException>(() => BradleyTerry.Fit(2, [0, 1, 1], [1, 0, 1])).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentOutOfRangeException>(() => BradleyTerry.Fit(2, [0, 1], [1, 0], reference: 2)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => BradleyTerry.Fit(2, [0, 1], [1, 0], tolerance: 0)).ParamName);
        Assert.Equal("rewards", Assert.Throws<ArgumentException>(() => BradleyTerry.LogLikelihood(V(1), [0], [0])).ParamName);
    }
}
