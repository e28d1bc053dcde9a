using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Data;

/// <summary>
/// Seeded synthetic data sets for claims that need a known generating distribution. Introduced in notebook 15 (a tree on
/// imbalanced data); notebook 23 (imbalanced data, clustering) uses the same set and adds scikit-learn's two moons and
/// Gaussian blobs.
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

    /// <summary>
    /// Two interleaving half circles, as scikit-learn's <c>make_moons(samples, shuffle=False, noise=noise)</c>: the first
    /// ⌊n/2⌋ points (label 0) lie on the upper half of the unit circle, (cos t, sin t), the other ⌈n/2⌉ (label 1) on the
    /// lower half circle (1 − cos t, ½ − sin t), each with t evenly spaced over [0, π]; then every coordinate gets
    /// N(0, noise²) noise. Each moon reaches into the other's hollow, so no straight line separates them and the blob-seeking
    /// linkages (complete, average, Ward) cut them wrongly, while single linkage follows them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">samples &lt; 2, or noise negative or not finite.</exception>
    public static LabelledData TwoMoons(int samples, double noise, int seed)
    {
        if (samples < 2) throw new ArgumentOutOfRangeException(nameof(samples), samples, $"samples must be ≥ 2 (one per moon at least), got {samples}.");
        Guard.NonNegative(noise, nameof(noise));
        var (upper, lower) = (samples / 2, samples - samples / 2);
        double Angle(int i, int count) => count == 1 ? 0 : i == count - 1 ? Math.PI : i * (Math.PI / (count - 1));   // numpy's linspace(0, π, count)
        var x = Matrix<double>.Build.Dense(samples, 2, (i, j) => i < upper
            ? (j == 0 ? Math.Cos(Angle(i, upper)) : Math.Sin(Angle(i, upper)))
            : (j == 0 ? 1 - Math.Cos(Angle(i - upper, lower)) : 1 - Math.Sin(Angle(i - upper, lower)) - 0.5));
        var y = Enumerable.Range(0, samples).Select(i => i < upper ? 0 : 1).ToArray();
        return new LabelledData(x + noise * Rng.StandardNormal(samples, 2, Rng.Create(seed)), y, ["x1", "x2"], ["upper moon", "lower moon"]);
    }

    /// <summary>
    /// Isotropic Gaussian blobs, as scikit-learn's <c>make_blobs(samples, centers=centers, cluster_std=σ, shuffle=False)</c>:
    /// the k centres (the rows of <paramref name="centers"/>) get ⌊n/k⌋ points each, the first n mod k one more, in order
    /// (label c for centre c), each point its centre plus N(0, σ²I) noise.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">samples &lt; k, or standardDeviation not a finite number &gt; 0.</exception>
    /// <exception cref="ArgumentException">centers empty or not finite.</exception>
    public static LabelledData Blobs(int samples, Matrix<double> centers, double standardDeviation, int seed)
    {
        Classical.Validation.FiniteRows(centers, nameof(centers), minimumRows: 1);
        var k = centers.RowCount;
        if (samples < k) throw new ArgumentOutOfRangeException(nameof(samples), samples, $"samples must be at least the {k} centres, got {samples}.");
        Guard.Positive(standardDeviation, nameof(standardDeviation));
        var y = Enumerable.Range(0, k).SelectMany(c => Enumerable.Repeat(c, samples / k + (c < samples % k ? 1 : 0))).ToArray();
        var noise = Rng.StandardNormal(samples, centers.ColumnCount, Rng.Create(seed));
        var x = Matrix<double>.Build.Dense(samples, centers.ColumnCount, (i, j) => centers[y[i], j] + standardDeviation * noise[i, j]);
        return new LabelledData(x, y, Enumerable.Range(1, centers.ColumnCount).Select(j => $"x{j}").ToArray(),
            Enumerable.Range(0, k).Select(c => $"centre {c}").ToArray());
    }
}
