using MathNet.Numerics.Distributions;
using MLCourse.Numerics;

namespace MLCourse.Data;

/// <summary>
/// Seeded synthetic data sets for claims that need a known generating distribution. Introduced in notebook 15 (a tree on
/// imbalanced data); notebook 23 (imbalanced data) uses the same set.
/// </summary>
public static class Synthetic
{
    /// <summary>
    /// Two overlapping Gaussian classes with a rare positive class: every <paramref name="positiveEvery"/>-th sample
    /// (i = 0, k, 2k, …) is positive, so exactly ⌈n/k⌉ of the n samples are (prevalence ≈ π = 1/k). Both features are
    /// i.i.d. N(0, 1); the positives' first feature is shifted by Δ = <paramref name="shift"/>, the second is noise.
    /// </summary>
    /// <remarks>
    /// The Bayes classifier for the prior π says positive when x₁ &gt; Δ/2 + ln((1 − π)/π)/Δ, with minority recall
    /// Φ(Δ/2 − ln((1 − π)/π)/Δ) (0.089 for π = 0.02, Δ = 1.75); with balanced class weights the boundary is Δ/2, recall
    /// Φ(Δ/2) = 0.809 and false-positive rate Φ(−Δ/2). Labels: 0 = "negative", 1 = "positive"; features "x1", "x2".
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">samples &lt; 1, positiveEvery &lt; 2, or shift not finite.</exception>
    public static LabelledData ImbalancedGaussians(int samples, int positiveEvery, double shift, int seed)
    {
        Guard.Positive(samples, nameof(samples));
        if (positiveEvery < 2) throw new ArgumentOutOfRangeException(nameof(positiveEvery), positiveEvery, $"positiveEvery must be ≥ 2, got {positiveEvery}.");
        Guard.Finite(shift, nameof(shift));
        var x = Rng.StandardNormal(samples, 2, Rng.Create(seed));
        var y = Enumerable.Range(0, samples).Select(i => i % positiveEvery == 0 ? 1 : 0).ToArray();
        for (var i = 0; i < samples; i += positiveEvery) x[i, 0] += shift;
        return new LabelledData(x, y, ["x1", "x2"], ["negative", "positive"]);
    }

    /// <summary>
    /// The minority recall Φ(Δ/2 − ln((1 − π)/π)/Δ) of the Bayes classifier on <see cref="ImbalancedGaussians"/> data with
    /// prevalence π = <paramref name="prevalence"/> and shift Δ = <paramref name="shift"/>; π = ½ gives the balanced
    /// rule's Φ(Δ/2).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">prevalence not in (0, 1), or shift not a finite number &gt; 0.</exception>
    public static double BayesRecall(double prevalence, double shift)
    {
        if (!(prevalence > 0 && prevalence < 1))
            throw new ArgumentOutOfRangeException(nameof(prevalence), prevalence, $"prevalence must be in (0, 1), got {prevalence}.");
        Guard.Positive(shift, nameof(shift));
        return Normal.CDF(0, 1, shift / 2 - Math.Log((1 - prevalence) / prevalence) / shift);
    }
}
