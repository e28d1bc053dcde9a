namespace MLCourse.Embeddings;

/// <summary>
/// The training examples word2vec builds from a token sequence with a window of w words on each side.
/// Skip-gram predicts each context word from the centre word: one (centre, context) pair per context word, 2w per
/// centre word away from the ends, fewer within w tokens of either end. CBOW (continuous bag of words) predicts the
/// centre word from its whole context at once: one example per centre word, whose input is the average of the context
/// words' vectors. Introduced in notebook 10 (word2vec).
/// </summary>
/// <remarks>The window is fixed; word2vec.c draws a smaller window b ∈ [1, w] for each centre word, which weights near
/// words more. Ids are passed through as they are (any int): the builders only look at positions.</remarks>
public static class SkipGram
{
    /// <summary>
    /// The skip-gram pairs (centre id, context id) of <paramref name="tokens"/>: for each position i in order, the tokens
    /// at positions i − w … i + w other than i that exist, left to right. A sequence of n ≥ w + 1 tokens gives
    /// 2wn − w(w + 1) pairs. Range: window w ≥ 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">window &lt; 1.</exception>
    public static (int Center, int Context)[] Pairs(IReadOnlyList<int> tokens, int window)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Guard.Positive(window, nameof(window));
        return Enumerable.Range(0, tokens.Count)
            .SelectMany(i => ContextPositions(tokens.Count, i, window).Select(j => (tokens[i], tokens[j]))).ToArray();
    }

    /// <summary>
    /// The CBOW examples of <paramref name="tokens"/>: for each position i that has at least one context word, the
    /// context ids (positions i − w … i + w other than i that exist, left to right) and the centre id to predict. One
    /// example per centre word: n examples for n ≥ 2 tokens. Range: window w ≥ 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">window &lt; 1.</exception>
    public static (int[] Context, int Center)[] CbowExamples(IReadOnlyList<int> tokens, int window)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Guard.Positive(window, nameof(window));
        return Enumerable.Range(0, tokens.Count)
            .Select(i => (Context: ContextPositions(tokens.Count, i, window).Select(j => tokens[j]).ToArray(), Center: tokens[i]))
            .Where(e => e.Context.Length > 0).ToArray();
    }

    /// <summary>The positions i − w … i + w other than i inside a sequence of <paramref name="length"/> tokens, left to right.</summary>
    internal static IEnumerable<int> ContextPositions(int length, int i, int window)
    {
        for (var j = Math.Max(0, i - window); j <= Math.Min(length - 1, i + window); j++)
            if (j != i) yield return j;
    }
}
