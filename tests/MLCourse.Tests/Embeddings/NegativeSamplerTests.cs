using MLCourse.Embeddings;

namespace MLCourse.Tests.Embeddings;

public class NegativeSamplerTests
{
    private static readonly int[] Counts = [100, 1, 10, 0, 55, 3, 1, 27];

    [Theory]
    [InlineData(0.75)]
    [InlineData(1.0)]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void Probabilities_are_counts_to_the_power_alpha_normalised(double power)
    {
        var sampler = new NegativeSampler(Counts, power);
        var weights = Counts.Select(c => c == 0 ? 0 : Math.Pow(c, power)).ToArray();

        for (var i = 0; i < Counts.Length; i++) Assert.Equal(weights[i] / weights.Sum(), sampler.Probabilities[i], 15);
        Assert.Equal(0.0, sampler.Probabilities[3]);   // a word that never occurs, even at α = 0
        Assert.Equal(power, sampler.Power);
        Assert.Equal(8, sampler.VocabularySize);
    }

    [Fact]
    public void A_power_below_one_flattens_the_distribution()
    {
        var (unigram, flattened) = (new NegativeSampler(Counts, 1).Probabilities, new NegativeSampler(Counts).Probabilities);

        Assert.True(flattened[0] < unigram[0]);   // the most frequent word loses
        Assert.True(flattened[1] > unigram[1]);   // a word seen once gains
        Assert.Equal(Math.Pow(100, 0.75) / Math.Pow(10, 0.75), flattened[0] / flattened[2], 12);
    }

    [Fact]
    public void The_alias_table_samples_exactly_the_probabilities()
    {
        var rng = Rng.Create(2);
        foreach (var counts in new[] { Counts, [1, 1], [5], Enumerable.Range(0, 1000).Select(_ => rng.Next(50)).Append(1).ToArray() })
        {
            var sampler = new NegativeSampler(counts);
            var table = sampler.TableProbabilities();
            for (var i = 0; i < counts.Length; i++)   // Vose's subtractions round: 1e-12 relative for V = 1000
                Assert.True(Math.Abs(table[i] - sampler.Probabilities[i]) <= 1e-10 * sampler.Probabilities[i], $"word {i}: {table[i]:R} vs {sampler.Probabilities[i]:R}");
        }
    }

    [Fact]
    public void Sampled_frequencies_match_within_five_standard_errors()
    {
        var sampler = new NegativeSampler(Counts);
        const int n = 200_000;
        var draws = sampler.Sample(n, Rng.Create(7));
        for (var i = 0; i < Counts.Length; i++)
        {
            var p = sampler.Probabilities[i];
            var observed = draws.Count(d => d == i) / (double)n;
            Assert.True(Math.Abs(observed - p) <= 5 * Math.Sqrt(p * (1 - p) / n), $"word {i}: {observed} vs {p}");
        }
        Assert.DoesNotContain(3, draws);
    }

    [Fact]
    public void The_same_seed_gives_the_same_draws()
    {
        var sampler = new NegativeSampler(Counts);

        Assert.Equal(sampler.Sample(50, Rng.Create(1)), sampler.Sample(50, Rng.Create(1)));
        Assert.NotEqual(sampler.Sample(50, Rng.Create(1)), sampler.Sample(50, Rng.Create(2)));
        Assert.Empty(sampler.Sample(0, Rng.Create(1)));
    }

    [Fact]
    public void Invalid_arguments_are_rejected_by_name()
    {
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => new NegativeSampler([])).ParamName);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new NegativeSampler([1, -2]));
        Assert.Equal("counts", negative.ParamName);
        Assert.Contains("counts[1] = -2", negative.Message);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => new NegativeSampler([0, 0])).ParamName);
        Assert.Equal("power", Assert.Throws<ArgumentOutOfRangeException>(() => new NegativeSampler([1], -0.5)).ParamName);
        Assert.Equal("power", Assert.Throws<ArgumentOutOfRangeException>(() => new NegativeSampler([1], double.NaN)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => new NegativeSampler([1]).Sample(-1, Rng.Create(1))).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => new NegativeSampler([1]).Sample(1, null!)).ParamName);
    }
}
