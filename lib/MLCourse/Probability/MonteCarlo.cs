namespace MLCourse.Probability;

/// <summary>
/// Monte-Carlo estimates with their standard errors. From n independent draws x₁ … xₙ of X the estimate of E[X] is the
/// sample mean x̄ = Σxᵢ/n, and its standard error is s/√n with s² = Σ(xᵢ − x̄)²/(n − 1) the sample variance: the n
/// variances add and the factor 1/n multiplies the sum's variance by 1/n², so Var(x̄) = Var(X)/n. For an indicator
/// (0/1, an event's hits) x̄ is the proportion p̂ and s/√n = √(p̂(1 − p̂)/(n − 1)). By the central limit theorem the true
/// value lies within ±2 standard errors of x̄ about 95% of the time, within ±4 all but 6 times in 100 000.
/// Sums are accumulated with Welford's update, which stays accurate when the values share a large offset.
/// Introduced in notebook 19 (probability puzzles).
/// </summary>
public static class MonteCarlo
{
    /// <summary>The sample mean of <paramref name="samples"/> and its standard error s/√n (s with the n − 1 denominator).</summary>
    /// <exception cref="ArgumentException">Fewer than 2 samples (a standard error needs two), or a sample that is not finite (its index is named).</exception>
    public static (double Mean, double StandardError) Estimate(IReadOnlyList<double> samples)
    {
        Validate(samples, nameof(samples));
        var accumulator = new Welford();
        for (var i = 0; i < samples.Count; i++) accumulator.Add(samples[i]);
        return (accumulator.Mean, accumulator.StandardError);
    }

    /// <summary>
    /// The proportion p̂ of true values in <paramref name="hits"/> (the Monte-Carlo estimate of an event's probability) and
    /// its standard error √(p̂(1 − p̂)/(n − 1)): <see cref="Estimate(IReadOnlyList{double})"/> of the 0/1 indicators.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 hits.</exception>
    public static (double Mean, double StandardError) Estimate(IReadOnlyList<bool> hits) => Estimate(Indicators(hits));

    /// <summary>
    /// The running estimate, for a convergence plot: the mean and standard error of the first k samples for
    /// k = <paramref name="every"/>, 2·<paramref name="every"/>, …, and finally k = n if n is not a multiple of
    /// <paramref name="every"/>. The last entry equals <see cref="Estimate(IReadOnlyList{double})"/> of all samples.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 samples or a non-finite one (<paramref name="samples"/>);
    /// <paramref name="every"/> &lt; 2 or more than the number of samples.</exception>
    public static IReadOnlyList<(int Count, double Mean, double StandardError)> Running(IReadOnlyList<double> samples, int every)
    {
        Validate(samples, nameof(samples));
        if (every < 2 || every > samples.Count)
            throw new ArgumentOutOfRangeException(nameof(every), every, $"every must be in [2, {samples.Count}] (the number of samples), got {every}.");
        var estimates = new List<(int, double, double)>(samples.Count / every + 1);
        var accumulator = new Welford();
        for (var i = 0; i < samples.Count; i++)
        {
            accumulator.Add(samples[i]);
            if ((i + 1) % every == 0 || i == samples.Count - 1) estimates.Add((i + 1, accumulator.Mean, accumulator.StandardError));
        }
        return estimates;
    }

    /// <summary><see cref="Running(IReadOnlyList{double}, int)"/> of the 0/1 indicators of <paramref name="hits"/>: the running proportion.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 hits; <paramref name="every"/> &lt; 2 or more than their number.</exception>
    public static IReadOnlyList<(int Count, double Mean, double StandardError)> Running(IReadOnlyList<bool> hits, int every) =>
        Running(Indicators(hits), every);

    /// <summary>The 0/1 values of <paramref name="hits"/>, after checking there are at least two (the error names <c>hits</c>).</summary>
    private static double[] Indicators(IReadOnlyList<bool> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count < 2)
            throw new ArgumentException($"hits has {hits.Count} values; a standard error needs at least 2.", nameof(hits));
        var values = new double[hits.Count];
        for (var i = 0; i < values.Length; i++) values[i] = hits[i] ? 1 : 0;
        return values;
    }

    private static void Validate(IReadOnlyList<double> samples, string name)
    {
        ArgumentNullException.ThrowIfNull(samples, name);
        if (samples.Count < 2)
            throw new ArgumentException($"{name} has {samples.Count} values; a standard error needs at least 2.", name);
        for (var i = 0; i < samples.Count; i++)
            if (!double.IsFinite(samples[i]))
                throw new ArgumentException($"{name}[{i}] is {samples[i]}; every sample must be a finite number.", name);
    }

    /// <summary>Welford's running mean and sum of squared deviations: mean += (x − mean)/k, m2 += (x − mean_old)(x − mean_new).</summary>
    private struct Welford
    {
        private int _count;
        private double _m2;

        public double Mean { get; private set; }

        public readonly double StandardError => Math.Sqrt(_m2 / (_count - 1) / _count);

        public void Add(double x)
        {
            _count++;
            var delta = x - Mean;
            Mean += delta / _count;
            _m2 += delta * (x - Mean);
        }
    }
}
