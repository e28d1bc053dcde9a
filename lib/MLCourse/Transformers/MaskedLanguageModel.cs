namespace MLCourse.Transformers;

/// <summary>What BERT's masked-language-model corruption did to one input position. Introduced in notebook 12.</summary>
public enum MaskDecision
{
    /// <summary>Not selected (probability 1 − 0.15): the input keeps its token and the loss ignores the position.</summary>
    NotSelected,

    /// <summary>Selected and replaced by [MASK] (0.15 × 0.8 = 12% of all tokens).</summary>
    Masked,

    /// <summary>Selected and replaced by a token drawn uniformly from the vocabulary (0.15 × 0.1 = 1.5%); the draw can hit the original token.</summary>
    Randomized,

    /// <summary>Selected but left as it is (0.15 × 0.1 = 1.5%); the model must still predict it.</summary>
    Unchanged,
}

/// <summary>
/// BERT's masked-language-model input corruption, as PyTorch implementations (Hugging Face's
/// <c>DataCollatorForLanguageModeling</c>) do it: every token is selected independently with probability 0.15; a
/// selected token becomes [MASK] with probability 0.8, a uniformly random token with probability 0.1, and stays with
/// probability 0.1. The loss is computed at the selected positions only. Introduced in notebook 12.
/// </summary>
/// <remarks>
/// Google's original data script instead picks exactly round(0.15·n) positions per sequence (the proportions are
/// the same on average). Special tokens ([CLS], [SEP], padding) are never selected in real pipelines; pass only
/// ordinary tokens here.
/// </remarks>
public static class MaskedLanguageModel
{
    /// <summary>
    /// Corrupts <paramref name="tokens"/>: returns the model's input ids and, per position, what was done. Two uniform
    /// draws per token (select, then which replacement) and one more for a random replacement, from <paramref name="random"/>.
    /// Ranges: tokens and maskTokenId in [0, vocabularySize); probabilities in [0, 1] with
    /// maskProbability + randomProbability ≤ 1 (the rest is "unchanged").
    /// </summary>
    /// <exception cref="ArgumentException">An id or a probability is out of range (the argument, and for a token its index, is named).</exception>
    public static (int[] Inputs, MaskDecision[] Decisions) Corrupt(IReadOnlyList<int> tokens, int vocabularySize, int maskTokenId,
        System.Random random, double selectProbability = 0.15, double maskProbability = 0.8, double randomProbability = 0.1)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Guard.Positive(vocabularySize, nameof(vocabularySize));
        if (maskTokenId < 0 || maskTokenId >= vocabularySize)
            throw new ArgumentOutOfRangeException(nameof(maskTokenId), maskTokenId, $"maskTokenId must be in [0, {vocabularySize}) (vocabularySize), got {maskTokenId}.");
        ArgumentNullException.ThrowIfNull(random);
        Guard.InRange(selectProbability, 0, 1, nameof(selectProbability));
        Guard.InRange(maskProbability, 0, 1, nameof(maskProbability));
        Guard.InRange(randomProbability, 0, 1, nameof(randomProbability));
        if (maskProbability + randomProbability > 1)
            throw new ArgumentOutOfRangeException(nameof(randomProbability), randomProbability,
                $"maskProbability + randomProbability must be ≤ 1, got {maskProbability} + {randomProbability}.");
        for (var i = 0; i < tokens.Count; i++)
            if (tokens[i] < 0 || tokens[i] >= vocabularySize)
                throw new ArgumentOutOfRangeException(nameof(tokens), tokens[i], $"tokens[{i}] = {tokens[i]} is not in [0, {vocabularySize}) (vocabularySize).");

        var inputs = new int[tokens.Count];
        var decisions = new MaskDecision[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            inputs[i] = tokens[i];
            if (!(random.NextDouble() < selectProbability)) continue;
            var u = random.NextDouble();
            if (u < maskProbability) (inputs[i], decisions[i]) = (maskTokenId, MaskDecision.Masked);
            else if (u < maskProbability + randomProbability) (inputs[i], decisions[i]) = (random.Next(vocabularySize), MaskDecision.Randomized);
            else decisions[i] = MaskDecision.Unchanged;
        }
        return (inputs, decisions);
    }
}
