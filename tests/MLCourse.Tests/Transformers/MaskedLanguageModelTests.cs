using MLCourse.Transformers;

namespace MLCourse.Tests.Transformers;

public class MaskedLanguageModelTests
{
    [Fact]
    public void Proportions_are_85_12_1point5_1point5_percent_within_4_standard_errors()
    {
        const int n = 100_000, vocabulary = 1000, mask = 3;
        var random = Rng.Create(12);
        var tokens = Enumerable.Range(0, n).Select(i => 10 + i % 900).ToArray();

        var (_, decisions) = MaskedLanguageModel.Corrupt(tokens, vocabulary, mask, random);

        foreach (var (decision, p) in new[] { (MaskDecision.NotSelected, 0.85), (MaskDecision.Masked, 0.12), (MaskDecision.Randomized, 0.015), (MaskDecision.Unchanged, 0.015) })
        {
            var observed = decisions.Count(d => d == decision) / (double)n;
            Assert.True(Math.Abs(observed - p) <= 4 * Math.Sqrt(p * (1 - p) / n), $"{decision}: {observed} vs {p}");
        }
    }

    [Fact]
    public void Inputs_follow_the_decisions()
    {
        const int vocabulary = 50, mask = 0;
        var tokens = Enumerable.Range(0, 5000).Select(i => 1 + i % 49).ToArray();

        var (inputs, decisions) = MaskedLanguageModel.Corrupt(tokens, vocabulary, mask, Rng.Create(5));

        for (var i = 0; i < tokens.Length; i++)
        {
            switch (decisions[i])
            {
                case MaskDecision.Masked: Assert.Equal(mask, inputs[i]); break;
                case MaskDecision.Randomized: Assert.InRange(inputs[i], 0, vocabulary - 1); break;
                default: Assert.Equal(tokens[i], inputs[i]); break;
            }
        }
        Assert.Contains(MaskDecision.Randomized, decisions);
        Assert.True(decisions.Where((d, i) => d == MaskDecision.Randomized && inputs[i] != tokens[i]).Any());
    }

    [Fact]
    public void Edge_probabilities_give_all_or_nothing()
    {
        var tokens = Enumerable.Range(0, 200).Select(i => i % 7 + 1).ToArray();

        Assert.All(MaskedLanguageModel.Corrupt(tokens, 8, 0, Rng.Create(1), selectProbability: 0).Decisions, d => Assert.Equal(MaskDecision.NotSelected, d));
        Assert.All(MaskedLanguageModel.Corrupt(tokens, 8, 0, Rng.Create(1), selectProbability: 1, maskProbability: 1, randomProbability: 0).Inputs, x => Assert.Equal(0, x));
        Assert.All(MaskedLanguageModel.Corrupt(tokens, 8, 0, Rng.Create(1), 1, 0, 0).Decisions, d => Assert.Equal(MaskDecision.Unchanged, d));
        Assert.Empty(MaskedLanguageModel.Corrupt([], 8, 0, Rng.Create(1)).Inputs);
    }

    [Fact]
    public void The_same_seed_gives_the_same_corruption()
    {
        var tokens = Enumerable.Range(0, 300).Select(i => i % 20).ToArray();

        Assert.Equal(MaskedLanguageModel.Corrupt(tokens, 20, 1, Rng.Create(9)).Inputs, MaskedLanguageModel.Corrupt(tokens, 20, 1, Rng.Create(9)).Inputs);
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        int[] tokens = [1, 2, 7];
        var random = Rng.Create(1);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.Corrupt(tokens, 5, 0, random));
        Assert.Equal("tokens", e.ParamName);
        Assert.Contains("tokens[2] = 7 is not in [0, 5)", e.Message);
        Assert.Equal("maskTokenId", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.Corrupt(tokens, 8, 8, random)).ParamName);
        Assert.Equal("vocabularySize", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.Corrupt(tokens, 0, 0, random)).ParamName);
        Assert.Equal("selectProbability", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.Corrupt(tokens, 8, 0, random, 1.5)).ParamName);
        Assert.Equal("maskProbability", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.Corrupt(tokens, 8, 0, random, 0.15, -0.1)).ParamName);
        Assert.Equal("randomProbability", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.Corrupt(tokens, 8, 0, random, 0.15, 0.8, double.NaN)).ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.Corrupt(tokens, 8, 0, random, 0.15, 0.8, 0.3));
        Assert.Equal("randomProbability", e.ParamName);
        Assert.Contains("0.8 + 0.3", e.Message);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => MaskedLanguageModel.Corrupt(tokens, 8, 0, null!)).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentNullException>(() => MaskedLanguageModel.Corrupt(null!, 8, 0, random)).ParamName);
    }
    [Fact]
    public void Labels_keep_the_selected_tokens_and_ignore_the_rest()
    {
        var tokens = new[] { 7, 8, 9, 10 };
        var decisions = new[] { MaskDecision.NotSelected, MaskDecision.Masked, MaskDecision.Randomized, MaskDecision.Unchanged };

        Assert.Equal([-100, 8, 9, 10], MaskedLanguageModel.Labels(tokens, decisions));
        Assert.Equal([0, 8, 9, 10], MaskedLanguageModel.Labels(tokens, decisions, ignoreIndex: 0));
        var e = Assert.Throws<ArgumentException>(() => MaskedLanguageModel.Labels(tokens, decisions[..3]));
        Assert.Equal("decisions", e.ParamName);
    }

    [Fact]
    public void Mask_patterns_are_binomial_coefficients()
    {
        Assert.Equal(45, MaskedLanguageModel.MaskPatterns(10, 2));
        Assert.Equal(1, MaskedLanguageModel.MaskPatterns(7, 0));
        Assert.Equal(6.857722954865089e+92, MaskedLanguageModel.MaskPatterns(512, 77), 6.857722954865089e+92 * 1e-11);   // math.comb(512, 77)
        Assert.Equal("masked", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.MaskPatterns(5, 6)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.MaskPatterns(0, 0)).ParamName);
    }

    [Fact]
    public void Expected_distinct_masks_follow_the_coupon_formula_at_both_ends()
    {
        Assert.Equal(26.684489746933785, MaskedLanguageModel.ExpectedDistinctMasks(45, 40), 12);
        Assert.Equal(40, MaskedLanguageModel.ExpectedDistinctMasks(MaskedLanguageModel.MaskPatterns(512, 77), 40), 12);
        Assert.Equal(1, MaskedLanguageModel.ExpectedDistinctMasks(1, 5));
        Assert.Equal(0, MaskedLanguageModel.ExpectedDistinctMasks(45, 0));
        Assert.Equal(3, MaskedLanguageModel.ExpectedDistinctMasks(double.PositiveInfinity, 3));
        Assert.Equal("patterns", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.ExpectedDistinctMasks(0.5, 3)).ParamName);
        Assert.Equal("epochs", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.ExpectedDistinctMasks(4, -1)).ParamName);
    }

    [Fact]
    public void Simulated_distinct_masks_match_the_formula_within_4_standard_errors()
    {
        const int sentences = 3000, epochs = 40;
        var random = Rng.Create(22);
        var finals = Enumerable.Range(0, sentences).Select(_ => (double)MaskedLanguageModel.DistinctMasksSeen(10, 2, epochs, random)[^1]).ToArray();
        var (mean, sd) = (finals.Average(), Math.Sqrt(finals.Select(x => x * x).Average() - finals.Average() * finals.Average()));

        Assert.True(Math.Abs(mean - MaskedLanguageModel.ExpectedDistinctMasks(45, epochs)) < 4 * sd / Math.Sqrt(sentences), $"{mean}");
    }

    [Fact]
    public void Static_masks_repeat_and_dynamic_ones_are_all_new_for_long_sequences()
    {
        var random = Rng.Create(3);
        var dynamic = MaskedLanguageModel.DistinctMasksSeen(512, 77, 40, random);
        var copies = MaskedLanguageModel.DistinctMasksSeen(512, 77, 40, random, staticCopies: 10);
        var single = MaskedLanguageModel.DistinctMasksSeen(10, 2, 40, random, staticCopies: 1);

        Assert.Equal(Enumerable.Range(1, 40).ToArray(), dynamic);
        Assert.Equal(Enumerable.Range(1, 40).Select(e => Math.Min(e, 10)).ToArray(), copies);
        Assert.All(single, d => Assert.Equal(1, d));
        Assert.All(MaskedLanguageModel.DistinctMasksSeen(4, 4, 6, random), d => Assert.Equal(1, d));   // only one mask exists
        Assert.Equal("staticCopies", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.DistinctMasksSeen(4, 2, 6, random, 0)).ParamName);
        Assert.Equal("epochs", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.DistinctMasksSeen(4, 2, 0, random)).ParamName);
        Assert.Equal("masked", Assert.Throws<ArgumentOutOfRangeException>(() => MaskedLanguageModel.DistinctMasksSeen(4, 5, 2, random)).ParamName);
    }
}
