using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;

namespace MLCourse.Decoding;

/// <summary>
/// The logits warpers of sampling-based decoding, with the semantics of Hugging Face transformers'
/// <c>TemperatureLogitsWarper</c>, <c>TopKLogitsWarper</c> and <c>TopPLogitsWarper</c> (min_tokens_to_keep = 1,
/// filter_value = −∞). Each returns a new logit vector in which removed tokens are −∞, so that
/// <see cref="Softmax.Apply"/> gives them probability exactly 0 and renormalises the rest.
/// Introduced in notebook 14 (decoding).
/// </summary>
/// <remarks>
/// Logits may contain −∞ (tokens already ruled out) but not NaN or +∞. transformers applies the three in the order
/// temperature → top-k → top-p (<see cref="Sampling.Warp"/>).
/// </remarks>
public static class LogitsWarpers
{
    /// <summary>
    /// z / T. T → 0 concentrates softmax(z / T) on the largest logit(s) (greedy); T = 1 leaves the model unchanged;
    /// T → ∞ flattens it towards uniform over the tokens with finite logits. Does not change the order of the logits.
    /// Range: temperature T &gt; 0, finite.
    /// </summary>
    public static Vector<double> Temperature(Vector<double> logits, double temperature)
    {
        CheckLogits(logits, nameof(logits));
        Guard.Positive(temperature, nameof(temperature));
        return logits / temperature;
    }

    /// <summary>
    /// Keeps the tokens whose logit is ≥ the k-th largest logit and sets the others to −∞ (transformers:
    /// <c>scores &lt; topk(scores, k).values[-1]</c> are removed). So exactly k tokens survive when the k-th and
    /// (k+1)-th largest logits differ, and more than k when tokens tie with the k-th: ties at the cut-off are all kept.
    /// k ≥ V keeps everything. Range: k ≥ 1.
    /// </summary>
    public static Vector<double> TopK(Vector<double> logits, int k)
    {
        CheckLogits(logits, nameof(logits));
        Guard.Positive(k, nameof(k));
        var values = logits.ToArray();
        Array.Sort(values);   // ascending: the k-th largest is values[V − k]
        var threshold = values[logits.Count - Math.Min(k, logits.Count)];
        return logits.Map(z => z < threshold ? double.NegativeInfinity : z);
    }

    /// <summary>
    /// Nucleus (top-p) filtering as transformers computes it: sort the logits in ascending order (a stable sort, so
    /// among equal logits the lower token id comes first), take the softmax of the sorted logits and its cumulative
    /// sums C₁ ≤ … ≤ C_V, remove every position with C_j ≤ 1 − p except the last (the most likely token is always
    /// kept). Algebraically the kept set is the smallest set of most likely tokens whose total probability is ≥ p:
    /// the m largest with D_{m−1} &lt; p ≤ D_m, where D_m is the sum of the m largest probabilities. Among tokens
    /// that tie at the cut-off, the ones with the higher ids are kept (a convention: the size of the set is what
    /// the definition fixes). p = 1 keeps every token of non-zero probability. Range: 0 &lt; p ≤ 1.
    /// </summary>
    public static Vector<double> TopP(Vector<double> logits, double p)
    {
        CheckLogits(logits, nameof(logits));
        if (!(p > 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, $"p must be in (0, 1], got {p}.");
        var values = logits.ToArray();
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(order, (a, b) => values[a] != values[b] ? values[a].CompareTo(values[b]) : a.CompareTo(b));   // ascending, stable
        var sorted = Softmax.Apply(Vector<double>.Build.DenseOfEnumerable(order.Select(i => values[i])));
        var result = logits.Clone();
        var cumulative = 0.0;
        for (var j = 0; j < order.Length - 1; j++)
        {
            cumulative += sorted[j];
            if (cumulative <= 1 - p) result[order[j]] = double.NegativeInfinity;
        }
        return result;
    }

    /// <summary>The number of tokens a warped logit vector keeps (entries above −∞).</summary>
    public static int KeptCount(Vector<double> warpedLogits)
    {
        ArgumentNullException.ThrowIfNull(warpedLogits);
        return warpedLogits.Count(z => !double.IsNegativeInfinity(z));
    }

    internal static void CheckLogits(Vector<double> logits, string name)
    {
        Guard.NotEmpty(logits, name);
        if (logits.Any(z => double.IsNaN(z) || double.IsPositiveInfinity(z)))
            throw new ArgumentException($"{name} must not contain NaN or +∞ (−∞ marks a token that is already ruled out).", name);
        if (logits.All(double.IsNegativeInfinity))
            throw new ArgumentException($"{name} rules out every token (all −∞): there is nothing to decode.", name);
    }
}
