using System.Text.RegularExpressions;
using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Text;

/// <summary>How <see cref="TfidfVectorizer"/> normalises each document's row (scikit-learn's <c>norm</c>).</summary>
public enum TfidfNorm
{
    /// <summary>No normalisation (<c>norm=None</c>).</summary>
    None,

    /// <summary>Divide by the sum of absolute values (<c>norm="l1"</c>).</summary>
    L1,

    /// <summary>Divide by the Euclidean length, so every non-empty row has unit length (<c>norm="l2"</c>, the default).</summary>
    L2,
}

/// <summary>
/// TF-IDF features as <c>sklearn.feature_extraction.text.TfidfVectorizer</c> (scikit-learn 1.2) computes them with its
/// defaults: tokens of two or more word characters, lower-cased; term frequency tf(t, d) = the raw count of term t in
/// document d; smooth inverse document frequency idf(t) = ln((1 + n)/(1 + df(t))) + 1, where df(t) counts the documents
/// containing t; the row tf·idf of each document scaled to unit Euclidean length. The vocabulary (the columns) is every
/// term of the fitted documents, sorted. Introduced in notebook 18 (evaluation metrics).
/// </summary>
/// <remarks>
/// The "+ 1" keeps a term that occurs in every document (idf = 1) instead of zeroing it; "smooth" adds one imaginary
/// document containing every term, so no df is 0. Without smoothing idf(t) = ln(n/df(t)) + 1. With sublinear tf the
/// count c is replaced by 1 + ln c. Terms of a transformed document that are not in the vocabulary are ignored; a
/// document with no known term gives a zero row. The tokenizer is scikit-learn's default pattern <c>\b\w\w+\b</c> on
/// the lower-cased text with .NET's <c>\w</c> (letters, digits, underscore, combining marks), which agrees with Python's for
/// letters, digits and underscores; the vocabulary is sorted by ordinal (code unit) order, as Python sorts strings.
/// </remarks>
public sealed partial class TfidfVectorizer
{
    private Dictionary<string, int>? columns;
    private string[] vocabulary = [];
    private Vector<double>? idf;

    /// <summary>Configures the vectorizer; call <see cref="Fit"/> (or <see cref="FitTransform"/>) next. The defaults are scikit-learn's.</summary>
    /// <param name="ngramMin">The shortest word n-gram used as a term (scikit-learn's <c>ngram_range[0]</c>, default 1). Range: ≥ 1.</param>
    /// <param name="ngramMax">The longest (<c>ngram_range[1]</c>, default 1). Range: ≥ ngramMin.</param>
    /// <param name="smoothIdf">idf = ln((1 + n)/(1 + df)) + 1 (default) instead of ln(n/df) + 1.</param>
    /// <param name="sublinearTf">Use 1 + ln(count) instead of the count (default false).</param>
    /// <param name="norm">Row normalisation (default <see cref="TfidfNorm.L2"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">ngramMin &lt; 1 or ngramMax &lt; ngramMin.</exception>
    public TfidfVectorizer(int ngramMin = 1, int ngramMax = 1, bool smoothIdf = true, bool sublinearTf = false, TfidfNorm norm = TfidfNorm.L2)
    {
        NGrams.ValidateRange(ngramMin, nameof(ngramMin), ngramMax, nameof(ngramMax));
        (NgramMin, NgramMax, SmoothIdf, SublinearTf, Norm) = (ngramMin, ngramMax, smoothIdf, sublinearTf, norm);
    }

    /// <summary>The shortest n-gram used as a term.</summary>
    public int NgramMin { get; }

    /// <summary>The longest n-gram used as a term.</summary>
    public int NgramMax { get; }

    /// <summary>Whether the idf is smoothed.</summary>
    public bool SmoothIdf { get; }

    /// <summary>Whether tf is 1 + ln(count).</summary>
    public bool SublinearTf { get; }

    /// <summary>The row normalisation.</summary>
    public TfidfNorm Norm { get; }

    /// <summary>The terms, sorted: column j of <see cref="Transform"/> is <c>Vocabulary[j]</c> (scikit-learn's <c>get_feature_names_out()</c>).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public IReadOnlyList<string> Vocabulary => idf is null ? throw NotFitted() : vocabulary;

    /// <summary>idf(t) of every term, in vocabulary order (scikit-learn's <c>idf_</c>).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> Idf => idf?.Clone() ?? throw NotFitted();

    /// <summary>
    /// scikit-learn's default tokenizer: the text lower-cased, then every match of <c>\b\w\w+\b</c>, so one-character
    /// words ("a", "I") and punctuation are dropped. A Chinese sentence without spaces is one token: segment it first.
    /// </summary>
    /// <param name="document">The text.</param>
    /// <returns>The tokens, in order.</returns>
    public static IReadOnlyList<string> Tokenize(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return TokenPattern().Matches(document.ToLowerInvariant()).Select(m => m.Value).ToArray();
    }

    /// <summary>The terms of one document: the word n-grams of its tokens, from <see cref="NgramMin"/> to <see cref="NgramMax"/>.</summary>
    /// <param name="document">The text.</param>
    /// <returns>The terms, with repetitions, in the order scikit-learn's analyzer lists them.</returns>
    public IReadOnlyList<string> Analyze(string document) => NGrams.Words(Tokenize(document), NgramMin, NgramMax);

    /// <summary>Learns the vocabulary and the idf of every term from <paramref name="documents"/>; returns this instance.</summary>
    /// <param name="documents">The corpus, at least one document.</param>
    /// <exception cref="ArgumentException">No documents, or no document has a term (an empty vocabulary, as scikit-learn refuses).</exception>
    public TfidfVectorizer Fit(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0) throw new ArgumentException("documents is empty: give at least one document.", nameof(documents));
        var documentFrequency = documents.SelectMany(d => Analyze(d).Distinct()).CountBy(t => t, StringComparer.Ordinal)
            .ToDictionary(StringComparer.Ordinal);
        var sorted = documentFrequency.Keys.Order(StringComparer.Ordinal).ToArray();
        if (sorted.Length == 0)
            throw new ArgumentException("Empty vocabulary: no document has a token of two or more word characters.", nameof(documents));
        var (n, offset) = (documents.Count, SmoothIdf ? 1.0 : 0.0);
        idf = Vector<double>.Build.DenseOfEnumerable(sorted.Select(t => Math.Log((n + offset) / (documentFrequency[t] + offset)) + 1));
        vocabulary = sorted;
        columns = sorted.Select((t, j) => (t, j)).ToDictionary(p => p.t, p => p.j, StringComparer.Ordinal);
        return this;
    }

    /// <summary>The TF-IDF matrix of <paramref name="documents"/>: row i is document i, column j the term <c>Vocabulary[j]</c>.</summary>
    /// <param name="documents">Any documents (terms outside the vocabulary are ignored).</param>
    /// <returns>A documents × vocabulary matrix, each row normalised by <see cref="Norm"/> (zero rows stay zero).</returns>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Matrix<double> Transform(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var (index, weights) = (columns ?? throw NotFitted(), idf!);
        var x = Matrix<double>.Build.Dense(documents.Count, vocabulary.Length);
        for (var i = 0; i < documents.Count; i++)
        {
            foreach (var term in Analyze(documents[i]))
                if (index.TryGetValue(term, out var j)) x[i, j] += 1;
            var row = x.Row(i);
            if (SublinearTf) row.MapInplace(c => c > 0 ? 1 + Math.Log(c) : 0);
            row = row.PointwiseMultiply(weights);
            var length = Norm switch { TfidfNorm.L1 => row.L1Norm(), TfidfNorm.L2 => row.L2Norm(), _ => 1 };
            x.SetRow(i, length > 0 ? row / length : row);
        }
        return x;
    }

    /// <summary><see cref="Fit"/> then <see cref="Transform"/> on the same documents.</summary>
    /// <inheritdoc cref="Fit" path="/param"/>
    /// <inheritdoc cref="Fit" path="/exception"/>
    public Matrix<double> FitTransform(IReadOnlyList<string> documents) => Fit(documents).Transform(documents);

    private static InvalidOperationException NotFitted() => new("Call Fit first: the vocabulary and idf are learned from a corpus.");

    [GeneratedRegex(@"\b\w\w+\b")]
    private static partial Regex TokenPattern();
}
