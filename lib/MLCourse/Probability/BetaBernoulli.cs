namespace MLCourse.Probability;

/// <summary>
/// The Beta–Bernoulli model of a coin (the conjugate pair behind the Beta–Binomial distribution): a Beta(α, β) belief about its probability p of heads, density
/// p^(α−1)(1 − p)^(β−1)/B(α, β). The Beta family is conjugate to coin tosses: after h heads and t tails the posterior,
/// ∝ prior × likelihood p^h(1 − p)^t, is Beta(α + h, β + t) (<see cref="Update"/>). The maximum-likelihood estimate is
/// h/n (<see cref="MaximumLikelihood"/>); the MAP estimate is the posterior's mode, (h + α − 1)/(n + α + β − 2)
/// (<see cref="Mode"/> of the posterior). α = β = 1 is the uniform prior, whose MAP is the MLE.
/// Introduced in notebook 16 (classical models).
/// </summary>
public sealed class BetaBernoulli
{
    /// <summary>A Beta(α, β) belief.</summary>
    /// <exception cref="ArgumentOutOfRangeException">alpha or beta not a finite number &gt; 0.</exception>
    public BetaBernoulli(double alpha, double beta)
    {
        Guard.Positive(alpha, nameof(alpha));
        Guard.Positive(beta, nameof(beta));
        (Alpha, Beta) = (alpha, beta);
    }

    /// <summary>α: one more than the prior's "pseudo-heads".</summary>
    public double Alpha { get; }

    /// <summary>β: one more than the prior's "pseudo-tails".</summary>
    public double Beta { get; }

    /// <summary>The posterior Beta(α + h, β + t) after <paramref name="heads"/> heads and <paramref name="tails"/> tails.</summary>
    /// <exception cref="ArgumentOutOfRangeException">heads or tails negative.</exception>
    public BetaBernoulli Update(int heads, int tails)
    {
        Guard.NonNegative(heads, nameof(heads));
        Guard.NonNegative(tails, nameof(tails));
        return new BetaBernoulli(Alpha + heads, Beta + tails);
    }

    /// <summary>The mean α/(α + β): the posterior predictive probability that the next toss is heads.</summary>
    public double Mean => Alpha / (Alpha + Beta);

    /// <summary>
    /// The mode, the MAP estimate when this is a posterior: (α − 1)/(α + β − 2) for α, β &gt; 1; 0 when α ≤ 1 &lt; β or
    /// α &lt; 1 = β (the density is largest at 0); 1 in the mirrored cases.
    /// </summary>
    /// <exception cref="InvalidOperationException">α = β = 1 (the uniform density: every p is a mode) or α, β &lt; 1 (modes at both 0 and 1).</exception>
    public double Mode
    {
        get
        {
            if (Alpha > 1 && Beta > 1) return (Alpha - 1) / (Alpha + Beta - 2);
            if (Alpha <= 1 && Beta > 1 || Alpha < 1 && Beta == 1) return 0;
            if (Beta <= 1 && Alpha > 1 || Beta < 1 && Alpha == 1) return 1;
            throw new InvalidOperationException($"Beta({Alpha}, {Beta}) has no unique mode: {(Alpha == 1 && Beta == 1 ? "it is uniform" : "its density is infinite at both 0 and 1")}.");
        }
    }

    /// <summary>The density at <paramref name="p"/> (0 outside [0, 1]).</summary>
    public double Density(double p) => MathNet.Numerics.Distributions.Beta.PDF(Alpha, Beta, p);

    /// <summary>The maximum-likelihood estimate h/(h + t), the fraction of heads.</summary>
    /// <exception cref="ArgumentOutOfRangeException">heads or tails negative.</exception>
    /// <exception cref="ArgumentException">No tosses (heads + tails = 0): the likelihood is flat.</exception>
    public static double MaximumLikelihood(int heads, int tails)
    {
        Guard.NonNegative(heads, nameof(heads));
        Guard.NonNegative(tails, nameof(tails));
        if (heads + tails == 0) throw new ArgumentException("With no tosses every p is equally likely: there is no MLE.", nameof(heads));
        return (double)heads / (heads + tails);
    }
}
