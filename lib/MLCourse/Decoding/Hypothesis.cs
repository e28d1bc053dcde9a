namespace MLCourse.Decoding;

/// <summary>
/// A generated continuation: the new tokens (the prompt is not included), their total log-probability under the model,
/// log P(x₁ … x_L | prompt) = Σ_t log P(x_t | prompt, x₁ … x_{t−1}), and whether it ended with the end token.
/// Introduced in notebook 14 (decoding).
/// </summary>
/// <param name="Tokens">The generated token ids, the end token included when <paramref name="Finished"/>.</param>
/// <param name="LogProbability">Σ log P of the generated tokens under the model (not under a warped sampling
/// distribution); 0 for no tokens, otherwise ≤ 0.</param>
/// <param name="Finished">True when the last token is the end token.</param>
public sealed record Hypothesis(IReadOnlyList<int> Tokens, double LogProbability, bool Finished)
{
    /// <summary>The number of generated tokens L (the end token counts).</summary>
    public int Length => Tokens.Count;

    /// <summary>
    /// The beam-search ranking score log P / L^α with length penalty α = <paramref name="lengthPenalty"/> (as
    /// transformers' <c>length_penalty</c>, whose default is 1). α = 0 ranks by the raw log-probability, which always
    /// favours shorter hypotheses (every token adds a term ≤ 0); α = 1 ranks by the mean log-probability per token.
    /// Range: α finite. An empty hypothesis scores 0.
    /// </summary>
    public double Score(double lengthPenalty)
    {
        Guard.Finite(lengthPenalty, nameof(lengthPenalty));
        return Length == 0 || lengthPenalty == 0 ? LogProbability : LogProbability / Math.Pow(Length, lengthPenalty);
    }
}
