namespace MLCourse.Probability;

/// <summary>
/// Exact probabilities on a finite space of equally likely outcomes, by counting: P(A) = |A| / |Ω| and
/// P(A | B) = P(A ∩ B) / P(B) = |A ∩ B| / |B|. List the space with <see cref="Numerics.Enumeration"/>.
/// Introduced in notebook 19 (probability puzzles: the Tuesday boy).
/// </summary>
public static class Counting
{
    /// <summary>
    /// P(<paramref name="event"/> | <paramref name="given"/>) when every outcome is equally likely: Total = the number of
    /// outcomes satisfying <paramref name="given"/>, Favourable = how many of those also satisfy <paramref name="event"/>,
    /// Probability = Favourable / Total. Pass <c>_ =&gt; true</c> as <paramref name="given"/> for an unconditional
    /// probability. (An outcome listed twice counts twice: list a space of equally likely outcomes.)
    /// </summary>
    /// <exception cref="ArgumentException">No outcome satisfies <paramref name="given"/>: the condition has probability 0.</exception>
    public static (int Favourable, int Total, double Probability) Conditional<T>(IEnumerable<T> outcomes, Func<T, bool> @event, Func<T, bool> given)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(@event, nameof(@event));
        ArgumentNullException.ThrowIfNull(given);
        var (favourable, total) = (0, 0);
        foreach (var outcome in outcomes)
        {
            if (!given(outcome)) continue;
            total++;
            if (@event(outcome)) favourable++;
        }
        if (total == 0) throw new ArgumentException("No outcome satisfies the condition: P(given) = 0, so P(event | given) is undefined.", nameof(given));
        return (favourable, total, (double)favourable / total);
    }
}
