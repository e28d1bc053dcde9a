using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Optimization;

/// <summary>
/// Gradient clipping as PyTorch 1.13 does it (<c>torch.nn.utils.clip_grad_norm_</c> with norm_type 2 and
/// <c>torch.nn.utils.clip_grad_value_</c>): the gradients of all parameters are treated as one long vector, and each
/// vector of the list is modified in place. Introduced in notebook 07 (dropout, clipping and training stability).
/// </summary>
/// <remarks>
/// <para><b>By norm</b> keeps the direction of the whole gradient and caps its length near c: with the total norm
/// N = ‖(‖g₁‖, …, ‖g_k‖)‖ = √(Σ_i Σ_j g_ij²) (the norm of the concatenation), every vector is multiplied by
/// min(1, c/(N + 10⁻⁶)). The 10⁻⁶ keeps a zero gradient finite (no 0/0); it also makes the new norm
/// c·N/(N + 10⁻⁶), slightly below c, not exactly c as the textbook rule g ← c·g/‖g‖ gives.</para>
/// <para><b>By value</b> clamps every entry to [−c, c] separately: entries beyond c are cut, the others kept, so the
/// direction of the gradient changes whenever some but not all entries are cut.</para>
/// <para>NaN and infinite entries are not rejected; they propagate as in PyTorch (a NaN entry makes the total norm NaN
/// and every entry NaN; an infinite one makes the factor 0).</para>
/// </remarks>
public static class GradientClipping
{
    /// <summary>The constant PyTorch adds to the total norm in the denominator of the clipping factor.</summary>
    public const double NormEpsilon = 1e-6;

    /// <summary>
    /// Rescales the gradients in place so that their total L2 norm is at most about <paramref name="maxNorm"/>, as
    /// <c>torch.nn.utils.clip_grad_norm_(parameters, max_norm)</c>: with N the total norm of all entries of all vectors,
    /// the factor is clip_coef = maxNorm/(N + 10⁻⁶), and every vector is multiplied by it when clip_coef &lt; 1 (left
    /// untouched otherwise). The new total norm is then maxNorm·N/(N + 10⁻⁶).
    /// </summary>
    /// <param name="gradients">The gradient vectors (one per parameter tensor), modified in place. An empty list is allowed (returns 0).</param>
    /// <param name="maxNorm">c, the largest allowed total norm. Range: ≥ 0; +∞ never clips (PyTorch's idiom for only
    /// measuring the norm); 0 sets every gradient to 0.</param>
    /// <returns>The total norm N before clipping (PyTorch's return value).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="gradients"/> is null.</exception>
    /// <exception cref="ArgumentException">A vector of the list is null (ParamName <c>gradients</c>, the index named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNorm"/> is negative or NaN.</exception>
    public static double ClipByNorm(IReadOnlyList<Vector<double>> gradients, double maxNorm)
    {
        Validate(gradients, maxNorm, nameof(maxNorm));
        var sumOfSquaredNorms = 0.0;
        foreach (var g in gradients)
        {
            var norm = EuclideanNorm(g);
            sumOfSquaredNorms += norm * norm;
        }
        var totalNorm = Math.Sqrt(sumOfSquaredNorms);
        // PyTorch evaluates max_norm / (total_norm + 1e-6) as reciprocal(total_norm + 1e-6)·max_norm; clamp(…, max=1) keeps NaN.
        var clipCoefficient = Math.Min(1.0 / (totalNorm + NormEpsilon) * maxNorm, 1.0);
        if (clipCoefficient != 1.0)
            foreach (var g in gradients)
                g.MapInplace(x => x * clipCoefficient, Zeros.Include);
        return totalNorm;
    }

    /// <summary>
    /// Clamps every entry of every gradient to [−<paramref name="clipValue"/>, <paramref name="clipValue"/>] in place, as
    /// <c>torch.nn.utils.clip_grad_value_(parameters, clip_value)</c>. Entries inside the interval are unchanged; NaN stays NaN.
    /// </summary>
    /// <param name="gradients">The gradient vectors, modified in place.</param>
    /// <param name="clipValue">c, the largest allowed magnitude of one entry. Range: ≥ 0 (+∞ leaves the gradients unchanged).</param>
    /// <exception cref="ArgumentNullException"><paramref name="gradients"/> is null.</exception>
    /// <exception cref="ArgumentException">A vector of the list is null (ParamName <c>gradients</c>, the index named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clipValue"/> is negative or NaN.</exception>
    public static void ClipByValue(IReadOnlyList<Vector<double>> gradients, double clipValue)
    {
        Validate(gradients, clipValue, nameof(clipValue));
        foreach (var g in gradients)
            g.MapInplace(x => Math.Clamp(x, -clipValue, clipValue), Zeros.Include);
    }

    /// <summary>√(Σ gᵢ²), summed without rescaling as PyTorch does (so it overflows to +∞ where PyTorch's does).</summary>
    private static double EuclideanNorm(Vector<double> g)
    {
        var sum = 0.0;
        for (var i = 0; i < g.Count; i++) sum += g[i] * g[i];
        return Math.Sqrt(sum);
    }

    private static void Validate(IReadOnlyList<Vector<double>> gradients, double threshold, string thresholdName)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        for (var i = 0; i < gradients.Count; i++)
            if (gradients[i] is null)
                throw new ArgumentException($"gradients[{i}] is null: pass one vector per parameter tensor.", nameof(gradients));
        if (!(threshold >= 0))
            throw new ArgumentOutOfRangeException(thresholdName, threshold, $"{thresholdName} must be ≥ 0 (or +∞), got {threshold}.");
    }
}
