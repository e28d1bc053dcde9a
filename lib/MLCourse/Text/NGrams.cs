namespace MLCourse.Text;

/// <summary>
/// n-grams: every run of n consecutive items of a sequence. A sequence of L items has max(0, L − n + 1) n-grams, the
/// windows starting at positions 0 … L − n. Which items are counted matters: <see cref="Words(IReadOnlyList{string}, int, string)"/> slides over tokens
/// (words, after a tokenizer or a Chinese word segmenter), <see cref="Characters"/> over characters. Introduced in
/// notebook 18 (evaluation metrics: n-grams and TF-IDF).
/// </summary>
public static class NGrams
{
    /// <summary>
    /// The word n-grams of a token sequence, each n consecutive tokens joined by <paramref name="separator"/> (a space,
    /// as scikit-learn's word analyzer joins them), in order of their start position.
    /// </summary>
    /// <param name="tokens">The tokens, in order.</param>
    /// <param name="n">The gram length. Range: n ≥ 1.</param>
    /// <param name="separator">What goes between the tokens of a gram (default a space; "" glues Chinese words together).</param>
    /// <returns>max(0, L − n + 1) grams for L tokens.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1.</exception>
    public static IReadOnlyList<string> Words(IReadOnlyList<string> tokens, int n, string separator = " ")
    {
        Guard.Positive(n, nameof(n));
        return Words(tokens, n, n, separator);
    }

    /// <summary>
    /// The word n-grams for every n from <paramref name="minN"/> to <paramref name="maxN"/>: all the minN-grams first,
    /// then the (minN + 1)-grams, … (scikit-learn's <c>ngram_range=(minN, maxN)</c>, in the order its analyzer lists them).
    /// </summary>
    /// <param name="tokens">The tokens, in order.</param>
    /// <param name="minN">The shortest gram. Range: minN ≥ 1.</param>
    /// <param name="maxN">The longest gram. Range: maxN ≥ minN.</param>
    /// <param name="separator">What goes between the tokens of a gram (default a space).</param>
    /// <returns>Σₙ max(0, L − n + 1) grams for L tokens.</returns>
    /// <exception cref="ArgumentOutOfRangeException">minN &lt; 1 or maxN &lt; minN.</exception>
    public static IReadOnlyList<string> Words(IReadOnlyList<string> tokens, int minN, int maxN, string separator = " ")
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(separator);
        ValidateRange(minN, nameof(minN), maxN, nameof(maxN));
        var grams = new List<string>();
        for (var n = minN; n <= maxN; n++)
            for (var start = 0; start + n <= tokens.Count; start++)
                grams.Add(string.Join(separator, Enumerable.Range(start, n).Select(i => tokens[i])));
        return grams;
    }

    /// <summary>
    /// The character n-grams of a text: every n consecutive characters, in order of their start position, counting
    /// Unicode code points (as Python does), so a character outside the Basic Multilingual Plane is one character.
    /// Spaces and punctuation are characters too; scikit-learn's <c>analyzer="char"</c> gives the same grams after
    /// lower-casing and collapsing runs of white space.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="n">The gram length. Range: n ≥ 1.</param>
    /// <returns>max(0, L − n + 1) grams for a text of L characters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1.</exception>
    public static IReadOnlyList<string> Characters(string text, int n)
    {
        ArgumentNullException.ThrowIfNull(text);
        Guard.Positive(n, nameof(n));
        var characters = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        return Words(characters, n, separator: "");
    }

    /// <summary>An n-gram range: min ≥ 1 and max ≥ min, each failure naming the caller's argument.</summary>
    internal static void ValidateRange(int min, string minName, int max, string maxName)
    {
        Guard.Positive(min, minName);
        if (max < min) throw new ArgumentOutOfRangeException(maxName, max, $"{maxName} must be ≥ {minName} = {min}, got {max}.");
    }
}
