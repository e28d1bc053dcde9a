using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Numerics;

/// <summary>Information-theoretic quantities of discrete distributions, in nats (natural logarithm). Introduced in notebook 01.</summary>
public static class Information
{
    /// <summary>
    /// Shannon entropy H(p) = −Σ p_i log p_i, with 0·log 0 = 0. Range: 0 ≤ H ≤ log n; 0 for a one-hot p, log n for the uniform p.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, has a negative entry, or does not sum to 1 (±1e-9).</exception>
    public static double Entropy(Vector<double> p)
    {
        Guard.Distribution(p, nameof(p));
        return -p.Where(x => x > 0).Sum(x => x * Math.Log(x));
    }

    /// <summary>
    /// Kullback–Leibler divergence KL(p ‖ q) = Σ_i p_i log(p_i / q_i), with 0·log(0/q) = 0. KL ≥ 0, with equality only for
    /// p = q; it is not symmetric. +∞ where some p_i &gt; 0 has q_i = 0 (q cannot explain what p does). For the losses'
    /// batched form on log-probabilities see <c>Loss.KLDivergence</c>. Introduced in notebook 22 (the KL penalty of RLHF).
    /// </summary>
    /// <exception cref="ArgumentException">p or q is not a distribution (see <see cref="Entropy"/>), or their lengths differ.</exception>
    public static double KLDivergence(Vector<double> p, Vector<double> q)
    {
        Guard.Distribution(p, nameof(p));
        Guard.Distribution(q, nameof(q));
        Guard.SameLength(p, nameof(p), q, nameof(q));
        double total = 0;
        for (var i = 0; i < p.Count; i++)
            if (p[i] > 0) total += p[i] * (Math.Log(p[i]) - Math.Log(q[i]));
        return total;
    }
}
