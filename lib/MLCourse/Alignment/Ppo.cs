using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Alignment;

/// <summary>
/// PPO's clipped surrogate objective (Schulman et al. 2017, eq. 7), the policy step of InstructGPT's RLHF:
/// L^CLIP = E_t[min(ρ_t·A_t, clip(ρ_t, 1 − ε, 1 + ε)·A_t)] with ρ_t = π(a_t | s_t)/π_old(a_t | s_t) and advantage A_t.
/// The minimum makes it a pessimistic bound: once ρ has moved past 1 + ε (for A &gt; 0) or below 1 − ε (for A &lt; 0) the
/// objective is flat in ρ, so a step gains nothing by moving the policy further from the one that collected the data.
/// Introduced in notebook 22.
/// </summary>
public static class Ppo
{
    /// <summary>The mean over samples of min(ρ·A, clip(ρ, 1 − ε, 1 + ε)·A) (to be maximised).</summary>
    /// <param name="ratios">ρ_t ≥ 0, the probability ratios π/π_old (length N ≥ 1).</param>
    /// <param name="advantages">A_t, finite advantages, as many.</param>
    /// <param name="epsilon">ε ∈ (0, 1), the clip range (PPO: 0.2).</param>
    /// <exception cref="ArgumentException">A vector is empty, the lengths differ, a ratio is negative or not finite, an advantage is not finite, or ε ∉ (0, 1).</exception>
    public static double ClippedSurrogate(Vector<double> ratios, Vector<double> advantages, double epsilon = 0.2)
    {
        Validate(ratios, advantages, epsilon);
        double total = 0;
        for (var i = 0; i < ratios.Count; i++)
            total += Math.Min(ratios[i] * advantages[i], Math.Clamp(ratios[i], 1 - epsilon, 1 + epsilon) * advantages[i]);
        return total / ratios.Count;
    }

    /// <summary>
    /// ∂<see cref="ClippedSurrogate"/>/∂ratios: A_t/N where the unclipped term ρA is the smaller one (or both are equal inside
    /// [1 − ε, 1 + ε]), 0 where the clipped term is strictly smaller (ρ &gt; 1 + ε with A &gt; 0, ρ &lt; 1 − ε with A &lt; 0).
    /// </summary>
    /// <inheritdoc cref="ClippedSurrogate"/>
    public static Vector<double> ClippedSurrogateGradient(Vector<double> ratios, Vector<double> advantages, double epsilon = 0.2)
    {
        Validate(ratios, advantages, epsilon);
        var n = ratios.Count;
        return Vector<double>.Build.Dense(n, i =>
            ratios[i] * advantages[i] <= Math.Clamp(ratios[i], 1 - epsilon, 1 + epsilon) * advantages[i] ? advantages[i] / n : 0);
    }

    private static void Validate(Vector<double> ratios, Vector<double> advantages, double epsilon)
    {
        Guard.NotEmpty(ratios, nameof(ratios));
        Guard.SameLength(ratios, nameof(ratios), advantages, nameof(advantages));
        for (var i = 0; i < ratios.Count; i++)
        {
            Guard.NonNegative(ratios[i], nameof(ratios));
            Guard.Finite(advantages[i], nameof(advantages));
        }
        if (!(epsilon > 0 && epsilon < 1))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon must be in (0, 1), got {epsilon}.");
    }
}
