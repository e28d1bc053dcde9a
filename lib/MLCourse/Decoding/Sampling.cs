using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;

namespace MLCourse.Decoding;

/// <summary>
/// Sampling-based decoding: warp the model's logits (temperature, top-k, top-p), renormalise with a softmax, draw the
/// next token, repeat. Every random draw comes from the <see cref="System.Random"/> passed in, so a seeded generator
/// (<see cref="Numerics.Rng.Create"/>) makes the output reproducible. Introduced in notebook 14 (decoding).
/// </summary>
public static class Sampling
{
    /// <summary>
    /// The warped logits in transformers' order: temperature (when T ≠ 1), then top-k (when given), then top-p (when
    /// given). Because temperature does not reorder the logits, the top-k set does not depend on T, but the nucleus does.
    /// Range: T &gt; 0; k ≥ 1; 0 &lt; p ≤ 1 (see <see cref="LogitsWarpers"/>).
    /// </summary>
    public static Vector<double> Warp(Vector<double> logits, double temperature = 1, int? topK = null, double? topP = null)
    {
        LogitsWarpers.CheckLogits(logits, nameof(logits));
        CheckSettings(temperature, topK, topP);
        var warped = temperature == 1 ? logits.Clone() : LogitsWarpers.Temperature(logits, temperature);
        if (topK is int k) warped = LogitsWarpers.TopK(warped, k);
        if (topP is double p) warped = LogitsWarpers.TopP(warped, p);
        return warped;
    }

    /// <summary>softmax(<see cref="Warp"/>(logits)): the distribution the next token is drawn from; 0 for removed tokens.</summary>
    public static Vector<double> Distribution(Vector<double> logits, double temperature = 1, int? topK = null, double? topP = null) =>
        Softmax.Apply(Warp(logits, temperature, topK, topP));

    /// <summary>
    /// One draw from the categorical distribution <paramref name="probabilities"/> by inversion: u ~ U[0, 1) from
    /// <paramref name="random"/>, return the first i with p₀ + … + p_i &gt; u. A token of probability 0 is never drawn.
    /// </summary>
    /// <exception cref="ArgumentException">probabilities is empty, has a negative or NaN entry, or does not sum to 1 (±1e-9).</exception>
    public static int Draw(Vector<double> probabilities, System.Random random) => Draw(probabilities, 1, random)[0];

    /// <summary>
    /// <paramref name="count"/> independent draws, as <paramref name="count"/> calls of
    /// <see cref="Draw(Vector{double}, System.Random)"/> (the same numbers from the same generator), but the cumulative
    /// sums are built once and each draw is a binary search. Range: count ≥ 1.
    /// </summary>
    public static int[] Draw(Vector<double> probabilities, int count, System.Random random)
    {
        Guard.NotEmpty(probabilities, nameof(probabilities));
        Guard.Positive(count, nameof(count));
        ArgumentNullException.ThrowIfNull(random);
        var p = probabilities.ToArray();
        if (Array.Exists(p, x => !(x >= 0)))
            throw new ArgumentException("probabilities must be non-negative and not NaN.", nameof(probabilities));
        var cumulative = new double[p.Length];
        for (var i = 0; i < p.Length; i++) cumulative[i] = (i == 0 ? 0 : cumulative[i - 1]) + p[i];
        if (Math.Abs(cumulative[^1] - 1) > 1e-9)
            throw new ArgumentException($"probabilities must sum to 1, but sum to {cumulative[^1]:R}.", nameof(probabilities));
        var last = Array.FindLastIndex(p, x => x > 0);
        var draws = new int[count];
        for (var n = 0; n < count; n++)
        {
            var u = random.NextDouble();
            var (low, high) = (0, last);   // the first i with cumulative[i] > u; it has p_i > 0 because cumulative[i − 1] ≤ u
            while (low < high)
            {
                var mid = (low + high) / 2;
                if (cumulative[mid] > u) high = mid; else low = mid + 1;
            }
            draws[n] = low;   // low = last also when u fell into the rounding gap above the total
        }
        return draws;
    }

    /// <summary>
    /// Generates up to <paramref name="maxNewTokens"/> tokens after <paramref name="prompt"/>, each drawn from
    /// <see cref="Distribution"/> of the model's next-token log-probabilities; stops early after
    /// <paramref name="endToken"/>. The returned log-probability is the model's (unwarped) log P of the tokens drawn.
    /// Range: maxNewTokens ≥ 1; the warper ranges of <see cref="Warp"/>.
    /// </summary>
    public static Hypothesis Generate(ILanguageModel model, IReadOnlyList<int> prompt, int maxNewTokens, System.Random random,
        double temperature = 1, int? topK = null, double? topP = null, int? endToken = null)
    {
        Search.CheckArguments(model, prompt, maxNewTokens, endToken);
        ArgumentNullException.ThrowIfNull(random);
        CheckSettings(temperature, topK, topP);
        var (context, generated, logProbability) = (prompt.ToList(), new List<int>(), 0.0);
        for (var step = 0; step < maxNewTokens; step++)
        {
            var logits = Search.Next(model, context);
            var token = Draw(Distribution(logits, temperature, topK, topP), random);
            logProbability += logits[token];
            context.Add(token);
            generated.Add(token);
            if (token == endToken) return new Hypothesis(generated, logProbability, Finished: true);
        }
        return new Hypothesis(generated, logProbability, Finished: false);
    }

    private static void CheckSettings(double temperature, int? topK, double? topP)
    {
        Guard.Positive(temperature, nameof(temperature));
        if (topK is int k) Guard.Positive(k, nameof(topK));
        if (topP is double p && !(p > 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(topP), p, $"topP must be in (0, 1], got {p}.");
    }
}
