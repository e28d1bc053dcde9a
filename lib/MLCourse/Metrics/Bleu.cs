using MLCourse.Text;

namespace MLCourse.Metrics;

/// <summary>
/// What <see cref="Bleu.Sentence"/> does with an n-gram order that has no match (Chen and Cherry 2014, as NLTK 3.8's
/// <c>SmoothingFunction</c> implements them). Write m_n for the clipped matches and c_n for max(1, number of candidate
/// n-grams).
/// </summary>
public enum BleuSmoothing
{
    /// <summary>NLTK's <c>method0</c> (its default): p_n = m_n/c_n, and a zero p_n is replaced by the smallest normal
    /// double, 2.2250738585072014e-308, so that log p_n ≈ −708 drives the score to (almost) 0.</summary>
    None,

    /// <summary>NLTK's <c>method1</c>: a zero match count becomes ε, p_n = ε/c_n (ε = 0.1 by default).</summary>
    AddEpsilon,

    /// <summary>NLTK's <c>method2</c> (Lin and Och 2004): p_n = (m_n + 1)/(c_n + 1) for every n ≥ 2; p_1 = m_1/c_1.</summary>
    AddOne,

    /// <summary>NLTK's <c>method3</c> (NIST's geometric sequence): the k-th order with no match gets p_n = 1/(2^k c_n).</summary>
    Nist,
}

/// <summary>
/// Sentence-level BLEU (Papineni et al. 2002) with the numbers of NLTK 3.8's
/// <c>nltk.translate.bleu_score.sentence_bleu(references, candidate, weights, smoothing_function)</c>:
/// BLEU = BP · exp(Σ_n w_n log p_n), with modified (clipped) n-gram precisions p_n and the brevity penalty BP.
/// Introduced in notebook 11 (RNN, LSTM and GRU: evaluating a seq2seq model).
/// </summary>
/// <remarks>
/// <para><b>Clipped counts.</b> p_n = Σ_g min(count of g in the candidate, max over references of its count there) divided
/// by the number of n-grams of the candidate (at least 1): a word repeated more often than any reference has it earns
/// nothing extra ("the the the the" against "the cat" scores p_1 = 1/4, not 1).</para>
/// <para><b>Brevity penalty.</b> With c the candidate's length and r the length of the reference closest to c (the
/// shorter one on a tie), BP = 1 if c &gt; r, e^(1 − r/c) if 0 &lt; c ≤ r, and 0 for an empty candidate. Precision alone
/// would reward a candidate of one sure word.</para>
/// <para><b>Zero matches.</b> Without unigram matches the score is 0. A higher order without matches makes the geometric
/// mean (almost) 0 unless a <see cref="BleuSmoothing"/> is chosen; that is why short sentences are usually scored with
/// smoothing or at corpus level.</para>
/// <para>Tokens are compared as strings, ordinally. The argument order is (candidate, references); NLTK's is (references, candidate).</para>
/// </remarks>
public static class Bleu
{
    /// <summary>NLTK's stand-in for a zero precision without smoothing: Python's <c>sys.float_info.min</c>.</summary>
    public const double ZeroPrecision = 2.2250738585072014E-308;

    private static readonly double[] Bleu4 = [0.25, 0.25, 0.25, 0.25];

    /// <summary>The sentence BLEU of <paramref name="candidate"/> against one or more <paramref name="references"/>.</summary>
    /// <param name="candidate">The candidate (hypothesis) tokens.</param>
    /// <param name="references">One or more reference token lists.</param>
    /// <param name="weights">w_1 … w_N, one per n-gram order; default (¼, ¼, ¼, ¼), BLEU-4. Range: each finite and ≥ 0, at least one.</param>
    /// <param name="smoothing">What to do with an order without matches (default none, NLTK's default).</param>
    /// <param name="epsilon">ε of <see cref="BleuSmoothing.AddEpsilon"/>. Range: ε &gt; 0.</param>
    /// <returns>BLEU in [0, 1]: 1 for a candidate equal to a reference, 0 without a single matching word.</returns>
    /// <exception cref="ArgumentException">No reference, a null reference, no weight or a negative or non-finite weight, ε ≤ 0.</exception>
    public static double Sentence(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references,
        IReadOnlyList<double>? weights = null, BleuSmoothing smoothing = BleuSmoothing.None, double epsilon = 0.1)
    {
        weights ??= Bleu4;
        if (weights.Count == 0) throw new ArgumentException("weights must hold at least one weight (one per n-gram order).", nameof(weights));
        for (var n = 0; n < weights.Count; n++)
            if (!(weights[n] >= 0) || double.IsPositiveInfinity(weights[n]))
                throw new ArgumentOutOfRangeException(nameof(weights), weights[n], $"weights[{n}] must be a finite number ≥ 0, got {weights[n]}.");
        Guard.Positive(epsilon, nameof(epsilon));
        var counts = Enumerable.Range(1, weights.Count).Select(n => ModifiedPrecision(candidate, references, n)).ToArray();
        var brevity = BrevityPenalty(candidate.Count, ClosestReferenceLength(candidate, references));
        if (counts[0].Matches == 0) return 0;
        var logSum = 0.0;
        var missing = 0;   // orders without matches so far (NIST's k)
        for (var n = 0; n < counts.Length; n++)
        {
            var (matches, total) = (counts[n].Matches, Math.Max(1, counts[n].Total));
            var p = smoothing switch
            {
                BleuSmoothing.AddOne when n > 0 => (matches + 1.0) / (total + 1),
                _ when matches > 0 => (double)matches / total,
                BleuSmoothing.AddEpsilon => epsilon / total,
                BleuSmoothing.Nist => 1 / (Math.Pow(2, ++missing) * total),
                _ => ZeroPrecision,
            };
            logSum += weights[n] * Math.Log(p);
        }
        return brevity * Math.Exp(logSum);
    }

    /// <summary>
    /// The clipped n-gram matches of <paramref name="candidate"/> and its number of n-grams: Matches = Σ_g min(count_cand(g),
    /// max_ref count_ref(g)), Total = max(0, L − n + 1) (NLTK's <c>modified_precision</c> divides by max(1, Total)).
    /// </summary>
    /// <param name="candidate">The candidate tokens.</param>
    /// <param name="references">One or more reference token lists.</param>
    /// <param name="n">The n-gram order. Range: n ≥ 1.</param>
    /// <exception cref="ArgumentException">No reference or a null reference; n &lt; 1.</exception>
    public static (int Matches, int Total) ModifiedPrecision(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references, int n)
    {
        CheckArguments(candidate, references);
        Guard.Positive(n, nameof(n));
        var counts = Counts(candidate, n);
        var referenceCounts = references.Select(r => Counts(r, n)).ToList();
        var matches = counts.Sum(g => Math.Min(g.Value, referenceCounts.Max(r => r.GetValueOrDefault(g.Key))));
        return (matches, counts.Values.Sum());
    }

    /// <summary>The length of the reference closest in length to the candidate; of two equally close, the shorter (NLTK's <c>closest_ref_length</c>).</summary>
    /// <exception cref="ArgumentException">No reference or a null reference.</exception>
    public static int ClosestReferenceLength(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references)
    {
        CheckArguments(candidate, references);
        return references.Select(r => r.Count).MinBy(length => (Math.Abs(length - candidate.Count), length));
    }

    /// <summary>BP = 1 if c &gt; r, e^(1 − r/c) if 0 &lt; c ≤ r, 0 if c = 0 (NLTK's <c>brevity_penalty</c>). Range: lengths ≥ 0.</summary>
    /// <param name="candidateLength">c, the candidate's length.</param>
    /// <param name="referenceLength">r, the closest reference length.</param>
    public static double BrevityPenalty(int candidateLength, int referenceLength)
    {
        Guard.NonNegative(candidateLength, nameof(candidateLength));
        Guard.NonNegative(referenceLength, nameof(referenceLength));
        if (candidateLength > referenceLength) return 1;
        return candidateLength == 0 ? 0 : Math.Exp(1 - (double)referenceLength / candidateLength);
    }

    /// <summary>The n-grams of a token list and their counts; tokens are joined by U+001F, which tokens do not contain.</summary>
    private static Dictionary<string, int> Counts(IReadOnlyList<string> tokens, int n) =>
        NGrams.Words(tokens, n, "\u001F").GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static void CheckArguments(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0) throw new ArgumentException("references must hold at least one reference.", nameof(references));
        for (var k = 0; k < references.Count; k++)
            if (references[k] is null) throw new ArgumentException($"references[{k}] is null.", nameof(references));
    }
}
