using MathNet.Numerics.LinearAlgebra;
using MLCourse.Losses;

namespace MLCourse.Metrics;

/// <summary>
/// The perplexity of a language model on a text of N tokens: PPL = exp(−(1/N) Σ_t log p(x_t | x_&lt;t)), the exponential
/// of the mean cross-entropy (in nats). It is the size of the uniform distribution that would be as surprised by the
/// text: a model uniform over V tokens has PPL = V, a model that gives every token probability 1 has PPL = 1, and a
/// model that gives some token probability 0 has PPL = ∞. Introduced in notebook 11 (RNN, LSTM and GRU).
/// </summary>
/// <remarks>Range: PPL ∈ [1, ∞]. The base does not matter as long as it is the same twice: 2^(mean CE in bits) is the same number.</remarks>
public static class Perplexity
{
    /// <summary>
    /// exp(<see cref="Loss.CrossEntropy(Matrix{double}, int[], double, int)"/>): the perplexity of N×V next-token logits
    /// against the N tokens that came next, skipping the positions whose target is <paramref name="ignoreIndex"/>
    /// (padding), exactly as <c>torch.exp(F.cross_entropy(logits, targets, ignore_index=…))</c>.
    /// </summary>
    /// <param name="logits">N×V scores, row t for the token at position t.</param>
    /// <param name="targets">N token ids in [0, V), or <paramref name="ignoreIndex"/>.</param>
    /// <param name="ignoreIndex">Targets equal to it are left out (default −100, PyTorch's). All ignored gives NaN.</param>
    /// <exception cref="ArgumentException">A shape does not match or a target is out of range (see <see cref="Loss.CrossEntropy(Matrix{double}, int[], double, int)"/>).</exception>
    public static double FromLogits(Matrix<double> logits, int[] targets, int ignoreIndex = Loss.DefaultIgnoreIndex) =>
        Math.Exp(Loss.CrossEntropy(logits, targets, 0, ignoreIndex));

    /// <summary>exp(−mean of <paramref name="logProbabilities"/>), the log-probabilities log p(x_t | x_&lt;t) a model gave the tokens that came.</summary>
    /// <param name="logProbabilities">One natural log-probability per token, each ≤ 0; −∞ (probability 0) gives PPL = ∞.</param>
    /// <exception cref="ArgumentException">The sequence is empty or holds a value above 0 or NaN (the message names its position).</exception>
    public static double FromLogProbabilities(IEnumerable<double> logProbabilities)
    {
        ArgumentNullException.ThrowIfNull(logProbabilities);
        var (sum, count) = (0.0, 0);
        foreach (var logP in logProbabilities)
        {
            if (!(logP <= 0))
                throw new ArgumentException($"logProbabilities[{count}] = {logP} is not a log-probability (it must be ≤ 0).", nameof(logProbabilities));
            (sum, count) = (sum + logP, count + 1);
        }
        if (count == 0) throw new ArgumentException("logProbabilities must not be empty.", nameof(logProbabilities));
        return Math.Exp(-sum / count);
    }
}
