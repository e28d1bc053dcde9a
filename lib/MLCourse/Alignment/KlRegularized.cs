using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;
using MLCourse.Numerics;

namespace MLCourse.Alignment;

/// <summary>
/// The KL-regularised objective of RLHF over the responses y of one prompt: J(π) = E_{y∼π}[r(y)] − β·KL(π ‖ π_ref), the
/// reward minus β times how far the policy moved from the reference (the SFT model). It has the closed-form maximiser
/// π*(y) = π_ref(y)·e^{r(y)/β}/Z with Z = Σ_y π_ref(y)·e^{r(y)/β}, and J(π*) = β log Z: for every π,
/// J(π) = β log Z − β·KL(π ‖ π*) (Gibbs' variational principle). β → 0 puts all mass on argmax r (within π_ref's
/// support); β → ∞ keeps π_ref. DPO inverts the optimum, r = β log(π*/π_ref) + β log Z. Introduced in notebook 22.
/// </summary>
/// <remarks>
/// Policies are probability vectors over a finite set of responses (validated: entries ≥ 0, sum 1 ± 1e-9); responses with
/// π_ref = 0 get π* = 0. Rewards must be finite, β a finite number &gt; 0.
/// </remarks>
public static class KlRegularized
{
    /// <summary>π* = softmax(log π_ref + r/β), the maximiser of <see cref="Objective"/>.</summary>
    /// <param name="reference">π_ref, a distribution over the responses.</param>
    /// <param name="rewards">r(y), one finite reward per response.</param>
    /// <param name="beta">β &gt; 0, the weight of the KL penalty.</param>
    /// <exception cref="ArgumentException">reference is not a distribution, the lengths differ, a reward is not finite, or β ≤ 0.</exception>
    public static Vector<double> OptimalPolicy(Vector<double> reference, Vector<double> rewards, double beta) =>
        Softmax.Apply(Tilted(reference, rewards, beta));

    /// <summary>J(π*) = β log Z = β log Σ_y π_ref(y) e^{r(y)/β}, computed with log-sum-exp (no overflow for small β).</summary>
    /// <inheritdoc cref="OptimalPolicy"/>
    public static double OptimalValue(Vector<double> reference, Vector<double> rewards, double beta) =>
        beta * Softmax.LogSumExp(Tilted(reference, rewards, beta));

    /// <summary>
    /// J(π) = Σ_y π(y) r(y) − β·KL(π ‖ π_ref). −∞ if π puts mass where π_ref has none.
    /// </summary>
    /// <param name="policy">π, a distribution over the responses.</param>
    /// <param name="reference">π_ref, a distribution over the same responses.</param>
    /// <param name="rewards">r(y), one finite reward per response.</param>
    /// <param name="beta">β &gt; 0.</param>
    /// <exception cref="ArgumentException">policy or reference is not a distribution, the lengths differ, a reward is not finite, or β ≤ 0.</exception>
    public static double Objective(Vector<double> policy, Vector<double> reference, Vector<double> rewards, double beta)
    {
        Validate(reference, rewards, beta);
        Guard.Distribution(policy, nameof(policy));
        Guard.SameLength(reference, nameof(reference), policy, nameof(policy));
        return policy.DotProduct(rewards) - beta * Information.KLDivergence(policy, reference);
    }

    /// <summary>log π_ref + r/β (−∞ where π_ref = 0): the logits of π*.</summary>
    private static Vector<double> Tilted(Vector<double> reference, Vector<double> rewards, double beta)
    {
        Validate(reference, rewards, beta);
        return Vector<double>.Build.Dense(reference.Count, i => Math.Log(reference[i]) + rewards[i] / beta);
    }

    private static void Validate(Vector<double> reference, Vector<double> rewards, double beta)
    {
        Guard.Distribution(reference, nameof(reference));
        Guard.SameLength(reference, nameof(reference), rewards, nameof(rewards));
        for (var i = 0; i < rewards.Count; i++)
            if (!double.IsFinite(rewards[i]))
                throw new ArgumentException($"rewards[{i}] = {rewards[i]} is not a finite number.", nameof(rewards));
        Guard.Positive(beta, nameof(beta));
    }
}
