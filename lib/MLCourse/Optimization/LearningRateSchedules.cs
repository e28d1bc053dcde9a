namespace MLCourse.Optimization;

/// <summary>
/// Learning-rate warm-up schedules: the learning rate to use at optimizer step t = 1, 2, … (t is the same 1-based
/// counter as Adam's t). Set it before each step with <c>optimizer.LearningRate = …</c>.
/// Introduced in notebook 05 (05-optimizers).
/// </summary>
/// <remarks>
/// Libraries differ in whether the first step is counted as 0 or 1 (Hugging Face's linear schedule evaluates the same
/// formulas at t − 1, so its first step has learning rate 0); here the first step is t = 1 and already moves.
/// </remarks>
public static class LearningRateSchedules
{
    /// <summary>
    /// Linear warm-up to a constant: α_t = peak·min(1, t/warmupSteps). Rises by peak/warmupSteps per step and reaches
    /// the peak at t = warmupSteps. Ranges: step ≥ 1, warmupSteps ≥ 1, peak ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range (the message names it).</exception>
    public static double LinearWarmup(int step, int warmupSteps, double peak)
    {
        Validate(step, warmupSteps, peak);
        return peak * Math.Min(1.0, (double)step / warmupSteps);
    }

    /// <summary>
    /// Linear warm-up, then linear decay to 0 (BERT's schedule): α_t = peak·t/warmupSteps for t ≤ warmupSteps, then
    /// peak·(totalSteps − t)/(totalSteps − warmupSteps), reaching 0 at t = totalSteps and staying 0 after it.
    /// Continuous at t = warmupSteps. Ranges: step ≥ 1, 1 ≤ warmupSteps &lt; totalSteps, peak ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range (the message names it).</exception>
    public static double LinearWarmupThenDecay(int step, int warmupSteps, int totalSteps, double peak)
    {
        Validate(step, warmupSteps, peak);
        if (totalSteps <= warmupSteps)
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"totalSteps must be > warmupSteps ({warmupSteps}), got {totalSteps}.");
        return step <= warmupSteps
            ? peak * step / warmupSteps
            : peak * Math.Max(0.0, (double)(totalSteps - step) / (totalSteps - warmupSteps));
    }

    /// <summary>
    /// The Transformer's ("Noam") schedule, Vaswani et al. 2017, eq. (3):
    /// α_t = factor·d_model^−0.5·min(t^−0.5, t·warmupSteps^−1.5). It rises linearly for t ≤ warmupSteps, peaks at
    /// t = warmupSteps with factor·(d_model·warmupSteps)^−0.5, then decays like 1/√t. Ranges: step ≥ 1, dModel ≥ 1,
    /// warmupSteps ≥ 1, factor &gt; 0 (the paper uses factor 1, d_model 512, warmupSteps 4000).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range (the message names it).</exception>
    public static double Noam(int step, int dModel, int warmupSteps, double factor = 1)
    {
        Guard.Positive(step, nameof(step));
        Guard.Positive(dModel, nameof(dModel));
        Guard.Positive(warmupSteps, nameof(warmupSteps));
        Guard.Positive(factor, nameof(factor));
        return factor * Math.Pow(dModel, -0.5) * Math.Min(Math.Pow(step, -0.5), step * Math.Pow(warmupSteps, -1.5));
    }

    private static void Validate(int step, int warmupSteps, double peak)
    {
        Guard.Positive(step, nameof(step));
        Guard.Positive(warmupSteps, nameof(warmupSteps));
        Guard.NonNegative(peak, nameof(peak));
    }
}
