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
/// probability 0.1. The loss is computed at the selected positions only (<see cref="Labels"/>). Introduced in notebook 12;
/// notebook 22 adds the labels of the loss and static vs dynamic masking (<see cref="DistinctMasksSeen"/>).
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
        Guard.Id(maskTokenId, vocabularySize, nameof(maskTokenId), "vocabularySize");
        ArgumentNullException.ThrowIfNull(random);
        Guard.InRange(selectProbability, 0, 1, nameof(selectProbability));
        Guard.InRange(maskProbability, 0, 1, nameof(maskProbability));
        Guard.InRange(randomProbability, 0, 1, nameof(randomProbability));
        if (maskProbability + randomProbability > 1)
            throw new ArgumentOutOfRangeException(nameof(randomProbability), randomProbability,
                $"maskProbability + randomProbability must be ≤ 1, got {maskProbability} + {randomProbability}.");
        Guard.Ids(tokens, vocabularySize, nameof(tokens), "vocabularySize");

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
    /// <summary>
    /// The labels of the masked-LM loss: the original token at every selected position (masked, randomised or left
    /// unchanged) and <paramref name="ignoreIndex"/> elsewhere, as Hugging Face's collator writes them. With
    /// <c>Loss.CrossEntropy(logits, labels)</c> the loss is then the mean over the selected positions only.
    /// </summary>
    /// <param name="tokens">The original (uncorrupted) token ids.</param>
    /// <param name="decisions">What <see cref="Corrupt"/> did to each position, as many as tokens.</param>
    /// <param name="ignoreIndex">The label of a position the loss skips (default −100, PyTorch's <c>ignore_index</c>).</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static int[] Labels(IReadOnlyList<int> tokens, IReadOnlyList<MaskDecision> decisions, int ignoreIndex = -100)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(decisions);
        Guard.SameLength(tokens.Count, nameof(tokens), decisions.Count, nameof(decisions));
        return tokens.Select((token, i) => decisions[i] == MaskDecision.NotSelected ? ignoreIndex : token).ToArray();
    }

    /// <summary>
    /// N = C(n, k), the number of different masks that select exactly <paramref name="masked"/> of <paramref name="length"/>
    /// positions (Google's BERT script masks exactly round(0.15·n)), as MathNet's <c>SpecialFunctions.Binomial</c> computes
    /// it (exp of log-factorials, rounded): exact for small N (C(10, 2) = 45), to about 12 significant digits for large ones
    /// (C(512, 77) ≈ 6.9×10⁹²), +∞ above ≈ 1.8×10³⁰⁸.
    /// Range: 0 ≤ masked ≤ length.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">length &lt; 1 or masked outside [0, length].</exception>
    public static double MaskPatterns(int length, int masked)
    {
        ValidatePattern(length, masked);
        return MathNet.Numerics.SpecialFunctions.Binomial(length, masked);
    }

    /// <summary>
    /// The expected number of distinct masks among <paramref name="epochs"/> independent uniform draws from
    /// <paramref name="patterns"/> equally likely ones: N(1 − (1 − 1/N)^E) (each pattern is missed by all E draws with
    /// probability (1 − 1/N)^E). Computed as −N·expm1(E·log1p(−1/N)), so it is E to full precision when N ≫ E (a
    /// 512-token sequence sees a new mask every epoch) and N when E ≫ N. Dynamic masking draws one mask per epoch; a
    /// static mask copied c times draws min(E, c). Range: N ≥ 1, E ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">patterns &lt; 1 or not a number, or epochs &lt; 0.</exception>
    public static double ExpectedDistinctMasks(double patterns, int epochs)
    {
        if (!(patterns >= 1))
            throw new ArgumentOutOfRangeException(nameof(patterns), patterns, $"patterns must be ≥ 1, got {patterns}.");
        Guard.NonNegative(epochs, nameof(epochs));
        if (epochs == 0) return 0;
        if (double.IsPositiveInfinity(patterns)) return epochs;
        return -patterns * Numerics.FloatingPoint.Expm1(epochs * Numerics.FloatingPoint.Log1p(-1 / patterns));
    }

    /// <summary>
    /// Simulates the masks one sequence of <paramref name="length"/> tokens sees in training, each selecting exactly
    /// <paramref name="masked"/> positions uniformly at random: element e − 1 of the result is the number of distinct masks
    /// seen in epochs 1 … e. <b>Dynamic masking</b> (RoBERTa; <paramref name="staticCopies"/> null) draws a new mask every
    /// epoch. <b>Static masking</b> draws <paramref name="staticCopies"/> masks once, at preprocessing, and epoch e uses copy
    /// (e − 1) mod c: c = 1 is one fixed mask, c = 10 is the dupe_factor of Google's BERT data script and RoBERTa's static
    /// baseline (10 masks over 40 epochs, each seen 4 times). Each draw is a partial Fisher–Yates shuffle of k steps.
    /// </summary>
    /// <param name="length">n ≥ 1 positions.</param>
    /// <param name="masked">k ∈ [0, n] positions per mask.</param>
    /// <param name="epochs">E ≥ 1 passes over the data.</param>
    /// <param name="random">The generator (e.g. <c>Rng.Create(seed)</c>).</param>
    /// <param name="staticCopies">null for dynamic masking; otherwise c ≥ 1 masks drawn once.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public static int[] DistinctMasksSeen(int length, int masked, int epochs, System.Random random, int? staticCopies = null)
    {
        ValidatePattern(length, masked);
        Guard.Positive(epochs, nameof(epochs));
        ArgumentNullException.ThrowIfNull(random);
        if (staticCopies is { } c) Guard.Positive(c, nameof(staticCopies));
        var draws = Math.Min(epochs, staticCopies ?? epochs);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var positions = new int[length];
        var mask = new char[length];
        var result = new int[epochs];
        for (var e = 0; e < epochs; e++)
        {
            if (e < draws)
            {
                for (var i = 0; i < length; i++) (positions[i], mask[i]) = (i, '0');
                for (var i = 0; i < masked; i++)
                {
                    var j = i + random.Next(length - i);
                    (positions[i], positions[j]) = (positions[j], positions[i]);
                    mask[positions[i]] = '1';
                }
                seen.Add(new string(mask));
            }
            result[e] = seen.Count;
        }
        return result;
    }

    private static void ValidatePattern(int length, int masked)
    {
        Guard.Positive(length, nameof(length));
        if (masked < 0 || masked > length)
            throw new ArgumentOutOfRangeException(nameof(masked), masked, $"masked must be in [0, {length}] (length = {length}), got {masked}.");
    }
}
