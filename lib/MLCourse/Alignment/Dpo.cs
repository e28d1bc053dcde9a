using MathNet.Numerics.LinearAlgebra;
using LossFunctions = MLCourse.Losses.Loss;
using MLCourse.Activations;

namespace MLCourse.Alignment;

/// <summary>
/// Direct Preference Optimization (Rafailov et al. 2023), as the paper's reference code (<c>preference_loss</c> in
/// eric-mitchell/direct-preference-optimization) computes it: with h = [log π(y_w) − log π(y_l)] − [log π_ref(y_w) −
/// log π_ref(y_l)], the loss of a comparison is −log σ(βh), or with conservative label smoothing ε,
/// −(1 − ε)·log σ(βh) − ε·log σ(−βh). It is the Bradley–Terry loss of the implicit rewards r̂ = β log(π/π_ref): since the
/// KL-regularised optimum satisfies r = β log(π*/π_ref) + β log Z and Z cancels in a difference, at π = π* the DPO loss
/// equals the Bradley–Terry loss of r, with no reward model and no RL. Introduced in notebook 22.
/// </summary>
/// <remarks>
/// Inputs are sequence log-probabilities log π(y | x) (sums of token log-probabilities over the response), one per
/// comparison, for the policy and the frozen reference. They must be finite and ≤ 0. β is a finite number &gt; 0 (the
/// paper uses 0.1 to 0.5); ε ∈ [0, 0.5].
/// </remarks>
public static class Dpo
{
    /// <summary>The per-comparison losses (the reference code's <c>losses</c>, before <c>.mean()</c>).</summary>
    /// <param name="policyChosen">log π(y_w | x) under the policy (length N ≥ 1).</param>
    /// <param name="policyRejected">log π(y_l | x) under the policy.</param>
    /// <param name="referenceChosen">log π_ref(y_w | x) under the reference model.</param>
    /// <param name="referenceRejected">log π_ref(y_l | x) under the reference model.</param>
    /// <param name="beta">β &gt; 0: the KL weight of the objective DPO optimises.</param>
    /// <param name="labelSmoothing">ε ∈ [0, 0.5]: the assumed probability that a label is flipped (0: plain DPO).</param>
    /// <exception cref="ArgumentException">A vector is empty or the lengths differ (both named), a log-probability is
    /// above 0 or not finite, β ≤ 0, or ε ∉ [0, 0.5].</exception>
    public static Vector<double> Losses(Vector<double> policyChosen, Vector<double> policyRejected, Vector<double> referenceChosen,
        Vector<double> referenceRejected, double beta, double labelSmoothing = 0)
    {
        var margins = Margins(policyChosen, policyRejected, referenceChosen, referenceRejected, beta, labelSmoothing);
        return margins.Map(m => LossFunctions.BinaryCrossEntropyTerm(m, 1 - labelSmoothing));
    }

    /// <summary>The DPO loss: the mean of <see cref="Losses"/> over the N comparisons.</summary>
    /// <inheritdoc cref="Losses"/>
    public static double Loss(Vector<double> policyChosen, Vector<double> policyRejected, Vector<double> referenceChosen,
        Vector<double> referenceRejected, double beta, double labelSmoothing = 0) =>
        Losses(policyChosen, policyRejected, referenceChosen, referenceRejected, beta, labelSmoothing).Average();

    /// <summary>
    /// ∂<see cref="Loss"/>/∂policyChosen and ∂/∂policyRejected (the reference is frozen): with m = βh,
    /// ∂/∂log π(y_w) = β(σ(m) − (1 − ε))/N = β(ε − σ(−m))/N (computed so, which keeps its digits for large m), −β·σ(−m)/N
    /// for ε = 0, and the negative of it for log π(y_l). The weight
    /// σ(−m) = σ(r̂_l − r̂_w) is large when the implicit reward model ranks the pair wrongly.
    /// </summary>
    /// <inheritdoc cref="Losses"/>
    public static (Vector<double> Chosen, Vector<double> Rejected) LossGradient(Vector<double> policyChosen, Vector<double> policyRejected,
        Vector<double> referenceChosen, Vector<double> referenceRejected, double beta, double labelSmoothing = 0)
    {
        var margins = Margins(policyChosen, policyRejected, referenceChosen, referenceRejected, beta, labelSmoothing);
        var chosen = margins.Map(m => beta * (labelSmoothing - Activation.Sigmoid(-m)) / margins.Count);   // σ(m) − (1 − ε), without 1 − σ(m) cancelling
        return (chosen, -chosen);
    }

    /// <summary>
    /// The implicit rewards r̂ = β(log π − log π_ref) (the reference code's <c>chosen_rewards</c> / <c>rejected_rewards</c>):
    /// at π = π* they are the true rewards minus β log Z, the same shift for every response.
    /// </summary>
    /// <param name="policy">log π(y | x) for each response (finite, ≤ 0).</param>
    /// <param name="reference">log π_ref(y | x), as many.</param>
    /// <param name="beta">β &gt; 0.</param>
    /// <exception cref="ArgumentException">A vector is empty, the lengths differ, a log-probability is above 0 or not finite, or β ≤ 0.</exception>
    public static Vector<double> ImplicitRewards(Vector<double> policy, Vector<double> reference, double beta)
    {
        ValidateLogProbabilities(policy, nameof(policy), reference, nameof(reference));
        Guard.Positive(beta, nameof(beta));
        return beta * (policy - reference);
    }

    /// <summary>βh per comparison, after validating everything.</summary>
    private static Vector<double> Margins(Vector<double> policyChosen, Vector<double> policyRejected, Vector<double> referenceChosen,
        Vector<double> referenceRejected, double beta, double labelSmoothing)
    {
        ValidateLogProbabilities(policyChosen, nameof(policyChosen), policyRejected, nameof(policyRejected));
        ValidateLogProbabilities(policyChosen, nameof(policyChosen), referenceChosen, nameof(referenceChosen));
        ValidateLogProbabilities(policyChosen, nameof(policyChosen), referenceRejected, nameof(referenceRejected));
        Guard.Positive(beta, nameof(beta));
        Guard.InRange(labelSmoothing, 0, 0.5, nameof(labelSmoothing));
        return beta * ((policyChosen - policyRejected) - (referenceChosen - referenceRejected));
    }

    private static void ValidateLogProbabilities(Vector<double> a, string nameA, Vector<double> b, string nameB)
    {
        Guard.NotEmpty(a, nameA);
        Guard.SameLength(a, nameA, b, nameB);
        foreach (var (v, name) in new[] { (a, nameA), (b, nameB) })
            for (var i = 0; i < v.Count; i++)
                if (!(v[i] <= 0) || double.IsNegativeInfinity(v[i]))
                    throw new ArgumentException($"{name}[{i}] = {v[i]} is not a log-probability: it must be finite and ≤ 0.", name);
    }
}
