using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Decoding;

/// <summary>
/// A bigram language model: the next token depends on the previous token only, P(w | context) = P(w | v) with v the
/// last token of the context. Trained by counting with add-k (Lidstone) smoothing,
/// P(w | v) = (c(v, w) + k) / (c(v) + kV), where c(v, w) counts "v w" in the training tokens and c(v) = Σ_w c(v, w).
/// Introduced in notebook 14 (decoding).
/// </summary>
/// <remarks>
/// Because the state is the last token only, the most likely continuation of a fixed length has an exact dynamic
/// programme (<see cref="MostLikelyContinuation"/>, the Viterbi algorithm), which greedy and beam search approximate.
/// </remarks>
public sealed class BigramModel : ILanguageModel
{
    private readonly double[][] logProbabilities;

    private BigramModel(double[][] logProbabilities) => this.logProbabilities = logProbabilities;

    /// <inheritdoc />
    public int VocabularySize => logProbabilities.Length;

    /// <summary>
    /// Counts the bigrams of <paramref name="tokens"/> and smooths them with add-<paramref name="smoothing"/>.
    /// Every row is a proper distribution; a token that never precedes another (e.g. the corpus's last token, if it
    /// occurs only there) gets the uniform distribution 1/V. Range: smoothing k &gt; 0 (k = 1 is Laplace smoothing);
    /// tokens are ids in [0, <paramref name="vocabularySize"/>), at least two of them.
    /// </summary>
    public static BigramModel Train(IReadOnlyList<int> tokens, int vocabularySize, double smoothing)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Guard.Positive(vocabularySize, nameof(vocabularySize));
        Guard.Positive(smoothing, nameof(smoothing));
        if (tokens.Count < 2) throw new ArgumentException($"tokens has {tokens.Count} token(s); a bigram needs at least 2.", nameof(tokens));
        Guard.Ids(tokens, vocabularySize, nameof(tokens), "vocabularySize");
        var counts = new Dictionary<int, int>[vocabularySize];
        for (var v = 0; v < vocabularySize; v++) counts[v] = [];
        for (var i = 1; i < tokens.Count; i++) counts[tokens[i - 1]][tokens[i]] = counts[tokens[i - 1]].GetValueOrDefault(tokens[i]) + 1;
        var rows = new double[vocabularySize][];
        for (var v = 0; v < vocabularySize; v++)
        {
            var logDenominator = Math.Log(counts[v].Values.Sum() + smoothing * vocabularySize);
            rows[v] = new double[vocabularySize];
            Array.Fill(rows[v], Math.Log(smoothing) - logDenominator);   // unseen pairs: k / (c(v) + kV)
            foreach (var (w, c) in counts[v]) rows[v][w] = Math.Log(c + smoothing) - logDenominator;
        }
        return new BigramModel(rows);
    }

    /// <summary>
    /// A model with the given transition matrix, <c>transitions[v, w]</c> = P(w | v) (row-stochastic), e.g. a small
    /// hand-made example. Zeros are allowed (log-probability −∞: that continuation is impossible).
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square, has a negative or non-finite entry, or a row does
    /// not sum to 1 (±1e-9); the message names the row.</exception>
    public static BigramModel FromProbabilities(Matrix<double> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        if (transitions.RowCount != transitions.ColumnCount || transitions.RowCount == 0)
            throw new ArgumentException($"transitions is {Guard.Shape(transitions)} but must be square V×V with V ≥ 1.", nameof(transitions));
        Guard.RowStochastic(transitions, nameof(transitions));
        return new BigramModel(transitions.EnumerateRows().Select(r => r.Select(p => Math.Log(p)).ToArray()).ToArray());
    }

    /// <summary>P(<paramref name="next"/> | <paramref name="previous"/>). Range: both ids in [0, V).</summary>
    public double Probability(int previous, int next)
    {
        CheckId(previous, nameof(previous));
        CheckId(next, nameof(next));
        return Math.Exp(logProbabilities[previous][next]);
    }

    /// <summary>log P(· | <paramref name="previous"/>) as a new vector of length V. Range: previous in [0, V).</summary>
    public Vector<double> NextLogProbabilities(int previous)
    {
        CheckId(previous, nameof(previous));
        return Vector<double>.Build.DenseOfArray((double[])logProbabilities[previous].Clone());
    }

    /// <inheritdoc />
    /// <remarks>Only the last token of <paramref name="context"/> matters.</remarks>
    public Vector<double> NextLogProbabilities(IReadOnlyList<int> context)
    {
        CheckContext(context, nameof(context));
        return NextLogProbabilities(context[^1]);
    }

    /// <summary>
    /// The exact most likely continuation of exactly <paramref name="length"/> tokens after <paramref name="context"/>,
    /// argmax over all V^L sequences of Σ_t log P(x_t | x_{t−1}), by dynamic programming (Viterbi) in O(L·V²):
    /// δ₁(w) = log P(w | last), δ_t(w) = max_v δ_{t−1}(v) + log P(w | v), then backtracking. Ties go to the lower id.
    /// No end token: every sequence has the same length. Range: length ≥ 1.
    /// </summary>
    public Hypothesis MostLikelyContinuation(IReadOnlyList<int> context, int length)
    {
        CheckContext(context, nameof(context));
        Guard.Positive(length, nameof(length));
        var vocabulary = VocabularySize;
        var delta = (double[])logProbabilities[context[^1]].Clone();
        var back = new int[length][];
        for (var t = 1; t < length; t++)
        {
            var (next, from) = (new double[vocabulary], new int[vocabulary]);
            Array.Fill(next, double.NegativeInfinity);
            for (var v = 0; v < vocabulary; v++)
            {
                if (double.IsNegativeInfinity(delta[v])) continue;
                var row = logProbabilities[v];
                for (var w = 0; w < vocabulary; w++)
                    if (delta[v] + row[w] > next[w]) (next[w], from[w]) = (delta[v] + row[w], v);
            }
            (delta, back[t]) = (next, from);
        }
        var last = 0;
        for (var w = 1; w < vocabulary; w++) if (delta[w] > delta[last]) last = w;
        var tokens = new int[length];
        tokens[length - 1] = last;
        for (var t = length - 1; t > 0; t--) tokens[t - 1] = back[t][tokens[t]];
        return new Hypothesis(tokens, delta[last], Finished: false);
    }

    private void CheckId(int id, string name) => Guard.Id(id, VocabularySize, name, "token ids, VocabularySize");

    private void CheckContext(IReadOnlyList<int> context, string name)
    {
        ArgumentNullException.ThrowIfNull(context, name);
        if (context.Count == 0) throw new ArgumentException($"{name} must contain at least one token.", name);
        CheckId(context[^1], name);
    }
}
