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
}
