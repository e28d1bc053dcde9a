using System.Globalization;

namespace MLCourse.Runner.Outputs.Site;

/// <summary>
/// The tokenizer of the site's search, for the index (here) and for queries (the same rules in <c>assets/search.js</c>;
/// the site test compares the two): lower-cased, text splits into runs of word characters (Unicode letters, marks and
/// digits) and runs of CJK ideographs, everything else separates. A word run is a token unless it is one character long
/// or a stop word (<see cref="StopWords"/>); a CJK run gives its overlapping character bigrams (归一化 → 归一, 一化), or
/// itself when it is a single character, so that a Chinese term matches wherever its characters stand next to each other.
/// </summary>
public static class SearchTokenizer
{
    /// <summary>English words too common to search for.</summary>
    public static IReadOnlySet<string> StopWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "an", "and", "are", "as", "at", "be", "by", "do", "does", "for", "from", "how", "in", "into", "is", "it", "its",
        "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "which", "why", "with",
    };

    /// <summary>True for a CJK ideograph: the unified ideographs, extension A and the compatibility ideographs (one UTF-16 unit each).</summary>
    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>The tokens of <paramref name="text"/>, in order, repeats kept.</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant();
        var tokens = new List<string>();
        for (var i = 0; i < lower.Length;)
        {
            var start = i;
            if (IsCjk(lower[i]))
            {
                while (i < lower.Length && IsCjk(lower[i])) i++;
                if (i - start == 1) tokens.Add(lower[start..i]);
                for (var k = start; k + 1 < i; k++) tokens.Add(lower.Substring(k, 2));
            }
            else if (IsWord(lower[i]))
            {
                while (i < lower.Length && IsWord(lower[i]) && !IsCjk(lower[i])) i++;
                var word = lower[start..i];
                if (word.Length > 1 && !StopWords.Contains(word)) tokens.Add(word);
            }
            else
            {
                i++;
            }
        }
        return tokens;
    }

    /// <summary>A letter, a mark or a digit (JavaScript's <c>[\p{L}\p{M}\p{N}]</c>); never a lone surrogate.</summary>
    private static bool IsWord(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
            or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
