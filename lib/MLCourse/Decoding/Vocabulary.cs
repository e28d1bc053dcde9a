using System.Text;
using System.Text.RegularExpressions;

namespace MLCourse.Decoding;

/// <summary>
/// Word-level tokens and their ids: the vocabulary of a small language model. Ids are assigned in ordinal (byte-wise)
/// order of the token strings, so the same text always gives the same ids. Introduced in notebook 14 (decoding).
/// </summary>
public sealed partial class Vocabulary
{
    private readonly string[] tokens;
    private readonly Dictionary<string, int> ids;

    private Vocabulary(string[] tokens)
    {
        this.tokens = tokens;
        ids = tokens.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>
    /// Splits <paramref name="text"/> into lower-case word tokens: runs of letters a–z with inner apostrophes
    /// ("dinah'll", "ma'am") and the punctuation marks <c>. , ; : ! ?</c> as tokens of their own. Everything else
    /// (quotes, dashes, brackets, digits, underscores, line breaks) only separates tokens; hyphenated words split
    /// ("rabbit-hole" → "rabbit", "hole").
    /// </summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Token().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
    }

    /// <summary>The vocabulary of the distinct tokens in <paramref name="tokens"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="tokens"/> is empty or contains an empty token.</exception>
    public static Vocabulary Build(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var distinct = tokens.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0) throw new ArgumentException("tokens must contain at least one token.", nameof(tokens));
        if (distinct.Any(string.IsNullOrEmpty)) throw new ArgumentException("tokens must not contain null or empty tokens.", nameof(tokens));
        return new Vocabulary(distinct);
    }

    /// <summary>The number of distinct tokens V.</summary>
    public int Count => tokens.Length;

    /// <summary>The tokens in id order.</summary>
    public IReadOnlyList<string> Tokens => tokens;

    /// <summary>The id of <paramref name="token"/>.</summary>
    /// <exception cref="KeyNotFoundException">The token is not in the vocabulary (the message names it).</exception>
    public int Id(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return ids.TryGetValue(token, out var id) ? id : throw new KeyNotFoundException($"'{token}' is not in the vocabulary ({Count} tokens).");
    }

    /// <summary>The token with id <paramref name="id"/>. Range: 0 ≤ id &lt; <see cref="Count"/>.</summary>
    public string Token(int id)
    {
        Guard.Id(id, Count, nameof(id), "the vocabulary's size");
        return tokens[id];
    }

    /// <summary>The ids of <paramref name="text"/>'s tokens (<see cref="Tokenize"/>, then <see cref="Id"/>).</summary>
    public IReadOnlyList<int> Encode(string text) => Tokenize(text).Select(Id).ToList();

    /// <summary>
    /// The tokens of <paramref name="tokenIds"/> as readable text: words separated by spaces, punctuation attached to
    /// the word before it ("alice, and she").
    /// </summary>
    public string Decode(IEnumerable<int> tokenIds)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        var text = new StringBuilder();
        foreach (var token in tokenIds.Select(Token))
        {
            if (text.Length > 0 && !IsPunctuation(token)) text.Append(' ');
            text.Append(token);
        }
        return text.ToString();
    }

    /// <summary>Whether <paramref name="token"/> is one of the punctuation tokens <c>. , ; : ! ?</c>.</summary>
    public static bool IsPunctuation(string token) => token is "." or "," or ";" or ":" or "!" or "?";

    [GeneratedRegex(@"[a-z]+(?:'[a-z]+)*|[.,;:!?]")]
    private static partial Regex Token();
}
