using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Decoding;

/// <summary>
/// The result of <see cref="Search.Beam"/>: the final hypotheses ranked best first, the beam after every step, and how
/// many candidate continuations were scored at every step.
/// </summary>
/// <param name="Hypotheses">Finished hypotheses and the beam left at the end, ranked by
/// <see cref="Hypothesis.Score"/> with the search's length penalty, best first.</param>
/// <param name="Beams">Beams[t] = the live (unfinished) hypotheses kept after step t + 1, best first.</param>
/// <param name="CandidatesScored">CandidatesScored[t] = the (hypothesis, token) candidates whose score the search compared
/// at step t + 1, counted as it compares them: every token of every live hypothesis, so 1·V at the first step and B·V
/// once the beam is full (fewer when fewer hypotheses are live).</param>
public sealed record BeamSearchResult(IReadOnlyList<Hypothesis> Hypotheses, IReadOnlyList<IReadOnlyList<Hypothesis>> Beams, IReadOnlyList<int> CandidatesScored)
{
    /// <summary>The highest-ranked hypothesis, <c>Hypotheses[0]</c>.</summary>
    public Hypothesis Best => Hypotheses[0];
}

/// <summary>
/// Deterministic decoding: greedy search and beam search over any <see cref="ILanguageModel"/>.
/// Introduced in notebook 14 (decoding).
/// </summary>
public static class Search
{
    /// <summary>
    /// Greedy decoding: at every step append argmax_v log P(v | context) (the lowest id among equal maxima, as
    /// <c>torch.argmax</c>), for <paramref name="maxNewTokens"/> steps or until <paramref name="endToken"/> is produced.
    /// Range: maxNewTokens ≥ 1; prompt non-empty; endToken, if given, a token id.
    /// </summary>
    public static Hypothesis Greedy(ILanguageModel model, IReadOnlyList<int> prompt, int maxNewTokens, int? endToken = null)
    {
        CheckArguments(model, prompt, maxNewTokens, endToken);
        var (context, generated, logProbability) = (prompt.ToList(), new List<int>(), 0.0);
        for (var step = 0; step < maxNewTokens; step++)
        {
            var logits = Next(model, context);
            var token = logits.MaximumIndex();
            logProbability += logits[token];
            context.Add(token);
            generated.Add(token);
            if (token == endToken) return new Hypothesis(generated, logProbability, Finished: true);
        }
        return new Hypothesis(generated, logProbability, Finished: false);
    }

    /// <summary>
    /// Beam search with beam width B = <paramref name="beamWidth"/>. The beam starts as the prompt alone. At every step
    /// each live hypothesis h is extended by every token v, scoring log P(h) + log P(v | prompt, h): live·V candidates
    /// (V at the first step, B·V later). Only the best B + 1 of each hypothesis can matter, so those are pre-selected
    /// per hypothesis (the notes' "top k words from each candidate, then the top k overall"; the same beam as
    /// ranking all B·V). The candidates are ranked by that sum (ties: earlier hypothesis, then lower
    /// id); a candidate ending in <paramref name="endToken"/> is set aside as finished if it ranks among the top B;
    /// the best B others form the next beam. Candidates of probability 0 (−∞) are never kept.
    /// The search stops after <paramref name="maxNewTokens"/> steps, or once B hypotheses have finished (transformers'
    /// <c>early_stopping=True</c>). The finished hypotheses and the last beam are then ranked by
    /// log P / L^α, α = <paramref name="lengthPenalty"/> (<see cref="Hypothesis.Score"/>).
    /// B = 1 is exactly <see cref="Greedy"/>. Without an end token every hypothesis has length maxNewTokens and the
    /// length penalty changes nothing. Range: beamWidth ≥ 1; maxNewTokens ≥ 1; lengthPenalty finite
    /// (transformers' default is 1; here 0, the raw log-probability).
    /// </summary>
    public static BeamSearchResult Beam(ILanguageModel model, IReadOnlyList<int> prompt, int beamWidth, int maxNewTokens,
        int? endToken = null, double lengthPenalty = 0)
    {
        CheckArguments(model, prompt, maxNewTokens, endToken);
        Guard.Positive(beamWidth, nameof(beamWidth));
        Guard.Finite(lengthPenalty, nameof(lengthPenalty));
        var live = new List<Hypothesis> { new([], 0, Finished: false) };
        var (finished, beams, scored) = (new List<Hypothesis>(), new List<IReadOnlyList<Hypothesis>>(), new List<int>());
        for (var step = 0; step < maxNewTokens && live.Count > 0; step++)
        {
            var (candidates, compared) = (new List<(double Score, int Beam, int Token)>(), 0);
            for (var b = 0; b < live.Count; b++)
            {
                var logits = Next(model, [.. prompt, .. live[b].Tokens]);
                foreach (var token in TopTokens(logits, beamWidth + 1, ref compared))
                    candidates.Add((live[b].LogProbability + logits[token], b, token));
            }
            scored.Add(compared);
            candidates.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Beam != y.Beam ? x.Beam.CompareTo(y.Beam) : x.Token.CompareTo(y.Token));
            var next = new List<Hypothesis>();
            for (var rank = 0; rank < candidates.Count && next.Count < beamWidth; rank++)
            {
                var (score, b, token) = candidates[rank];
                var extended = new Hypothesis([.. live[b].Tokens, token], score, Finished: token == endToken);
                if (!extended.Finished) next.Add(extended);
                else if (rank < beamWidth) finished.Add(extended);
            }
            beams.Add(next);
            live = next;
            if (finished.Count >= beamWidth) break;
        }
        var ranked = finished.Concat(live).OrderByDescending(h => h.Score(lengthPenalty)).ToList();   // stable
        return new BeamSearchResult(ranked, beams, scored);
    }

    /// <summary>
    /// The ids of the <paramref name="count"/> largest finite entries, largest first, the lower id first among equal
    /// values. Beam search needs only these per hypothesis: the walk down the ranked candidates stops after B that do
    /// not end, so it reaches at most B + 1 candidates of any one hypothesis (B, and one end token).
    /// <paramref name="compared"/> grows by one for every entry compared (all of them).
    /// </summary>
    private static List<int> TopTokens(Vector<double> vector, int count, ref int compared)
    {
        var logits = vector.ToArray();
        var top = new List<int>(count + 1);
        for (var v = 0; v < logits.Length; v++)
        {
            compared++;
            if (double.IsNegativeInfinity(logits[v]) || (top.Count == count && logits[v] <= logits[top[^1]])) continue;
            var at = top.Count;
            while (at > 0 && logits[top[at - 1]] < logits[v]) at--;
            top.Insert(at, v);
            if (top.Count > count) top.RemoveAt(count);
        }
        return top;
    }

    /// <summary>The model's next-token log-probabilities, checked to be a vector of length V without NaN.</summary>
    internal static Vector<double> Next(ILanguageModel model, IReadOnlyList<int> context)
    {
        var logits = model.NextLogProbabilities(context);
        if (logits is null || logits.Count != model.VocabularySize)
            throw new InvalidOperationException($"The model returned {logits?.Count ?? 0} log-probabilities for a vocabulary of {model.VocabularySize}.");
        if (logits.AsArray() is { } values ? Array.Exists(values, double.IsNaN) : logits.Any(double.IsNaN)) throw new InvalidOperationException("The model returned a NaN log-probability.");
        return logits;
    }

    internal static void CheckArguments(ILanguageModel model, IReadOnlyList<int> prompt, int maxNewTokens, int? endToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Count == 0) throw new ArgumentException("prompt must contain at least one token.", nameof(prompt));
        Guard.Positive(maxNewTokens, nameof(maxNewTokens));
        if (endToken is int end) Guard.Id(end, model.VocabularySize, nameof(endToken), "token ids, the model's VocabularySize");
    }
}
