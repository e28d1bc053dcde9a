using MathNet.Numerics.LinearAlgebra;
using LossFunctions = MLCourse.Losses.Loss;
using MLCourse.Activations;

namespace MLCourse.Alignment;

/// <summary>
/// The Bradley–Terry preference model behind RLHF's reward model (InstructGPT, Ouyang et al. 2022):
/// P(y_w ≻ y_l) = σ(r_w − r_l), so the reward model is trained on the loss −log σ(r_w − r_l) of the response a labeller
/// preferred (w, "chosen") over the one they did not (l, "rejected"). Only differences of rewards enter: adding a
/// constant to every reward changes nothing, so rewards are identified up to a shift. Introduced in notebook 22 (LLM
/// training objectives and alignment).
/// </summary>
/// <remarks>
/// −log σ(m) is computed as max(−m, 0) + log1p(e^(−|m|)) (the BCE-with-logits form), exact for margins of any size.
/// Bad arguments throw <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> names the argument.
/// </remarks>
public static class BradleyTerry
{
    /// <summary>P(chosen ≻ rejected) = σ(r_chosen − r_rejected). Range: finite rewards; the result is in [0, 1].</summary>
    public static double Probability(double chosenReward, double rejectedReward) => Activation.Sigmoid(chosenReward - rejectedReward);

    /// <summary>
    /// The per-comparison losses −log σ(r_w,i − r_l,i) (<c>-F.logsigmoid(chosen - rejected)</c>, reduction "none").
    /// log 2 at equal rewards; → 0 as the margin grows, ≈ −margin for a large negative margin.
    /// </summary>
    /// <param name="chosen">Rewards r_w of the preferred responses (length N ≥ 1).</param>
    /// <param name="rejected">Rewards r_l of the other responses, as many.</param>
    /// <exception cref="ArgumentException">A vector is empty, or the lengths differ.</exception>
    public static Vector<double> Losses(Vector<double> chosen, Vector<double> rejected)
    {
        ValidatePairs(chosen, rejected);
        return Vector<double>.Build.Dense(chosen.Count, i => LossFunctions.BinaryCrossEntropyTerm(chosen[i] - rejected[i], 1));
    }

    /// <summary>The reward-model loss, the mean of <see cref="Losses"/> over the N comparisons.</summary>
    /// <inheritdoc cref="Losses"/>
    public static double Loss(Vector<double> chosen, Vector<double> rejected) => Losses(chosen, rejected).Average();

    /// <summary>
    /// ∂<see cref="Loss"/>/∂chosen and ∂/∂rejected: −σ(r_l,i − r_w,i)/N and +σ(r_l,i − r_w,i)/N. The push on a pair is
    /// the probability the model currently gives the wrong order: pairs already ranked right with a wide margin barely move.
    /// </summary>
    /// <inheritdoc cref="Losses"/>
    public static (Vector<double> Chosen, Vector<double> Rejected) LossGradient(Vector<double> chosen, Vector<double> rejected)
    {
        ValidatePairs(chosen, rejected);
        var wrong = Vector<double>.Build.Dense(chosen.Count, i => Activation.Sigmoid(rejected[i] - chosen[i]) / chosen.Count);
        return (-wrong, wrong);
    }

    /// <summary>
    /// InstructGPT's reward-model loss over ranked lists: labellers rank K responses to a prompt (K = 4 … 9), which gives
    /// C(K, 2) comparisons; the loss of a prompt is −(1/C(K, 2))·Σ_{i&lt;j} log σ(r_i − r_j) over its pairs (i ranked above j),
    /// and the result is the mean over prompts (each prompt one batch element, as the paper does to avoid overfitting).
    /// </summary>
    /// <param name="rankings">One vector per prompt: the rewards of its K ≥ 2 responses, best-ranked first.</param>
    /// <exception cref="ArgumentException">No ranking, or a ranking with fewer than 2 responses (its index is named).</exception>
    public static double RankedLoss(IReadOnlyList<Vector<double>> rankings)
    {
        ValidateRankings(rankings);
        double total = 0;
        foreach (var ranking in rankings)
        {
            double prompt = 0;
            for (var i = 0; i < ranking.Count; i++)
                for (var j = i + 1; j < ranking.Count; j++) prompt += LossFunctions.BinaryCrossEntropyTerm(ranking[i] - ranking[j], 1);
            total += prompt / Pairs(ranking.Count);
        }
        return total / rankings.Count;
    }

    /// <summary>
    /// ∂<see cref="RankedLoss"/>/∂rewards, one vector per prompt: response i gets −σ(r_j − r_i) from every j ranked below it
    /// and +σ(r_i − r_k) from every k ranked above it, divided by C(K, 2) and the number of prompts. Each vector sums to 0.
    /// </summary>
    /// <inheritdoc cref="RankedLoss"/>
    public static Vector<double>[] RankedLossGradient(IReadOnlyList<Vector<double>> rankings)
    {
        ValidateRankings(rankings);
        var gradients = new Vector<double>[rankings.Count];
        for (var p = 0; p < rankings.Count; p++)
        {
            var ranking = rankings[p];
            var scale = 1.0 / (Pairs(ranking.Count) * rankings.Count);
            var gradient = Vector<double>.Build.Dense(ranking.Count);
            for (var i = 0; i < ranking.Count; i++)
                for (var j = i + 1; j < ranking.Count; j++)
                {
                    var push = Activation.Sigmoid(ranking[j] - ranking[i]) * scale;
                    gradient[i] -= push;
                    gradient[j] += push;
                }
            gradients[p] = gradient;
        }
        return gradients;
    }

    /// <summary>
    /// Draws <paramref name="comparisons"/> comparisons among K items with true rewards <paramref name="rewards"/>: each
    /// picks a pair i ≠ j uniformly and lets i win with probability σ(r_i − r_j).
    /// </summary>
    /// <param name="rewards">K ≥ 2 finite true rewards.</param>
    /// <param name="comparisons">How many comparisons, ≥ 1.</param>
    /// <param name="random">The generator (e.g. <c>Rng.Create(seed)</c>); three draws per comparison.</param>
    /// <returns>The winner and the loser of each comparison (item indices).</returns>
    /// <exception cref="ArgumentException">Fewer than 2 rewards, a reward not finite, or comparisons &lt; 1.</exception>
    public static (int[] Winners, int[] Losers) Simulate(Vector<double> rewards, int comparisons, System.Random random)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        if (rewards.Count < 2) throw new ArgumentException($"rewards has {rewards.Count} item(s); a comparison needs at least 2.", nameof(rewards));
        for (var i = 0; i < rewards.Count; i++) Guard.Finite(rewards[i], nameof(rewards));
        Guard.Positive(comparisons, nameof(comparisons));
        ArgumentNullException.ThrowIfNull(random);
        var (winners, losers) = (new int[comparisons], new int[comparisons]);
        for (var c = 0; c < comparisons; c++)
        {
            var i = random.Next(rewards.Count);
            var j = random.Next(rewards.Count - 1);
            if (j >= i) j++;
            (winners[c], losers[c]) = random.NextDouble() < Probability(rewards[i], rewards[j]) ? (i, j) : (j, i);
        }
        return (winners, losers);
    }

    /// <summary>
    /// The maximum-likelihood rewards of K items from observed comparisons: argmax Σ_c log σ(r_{w_c} − r_{l_c}) with
    /// r_reference = 0 (the shift the likelihood cannot see), by Newton's method on the K − 1 free rewards with step halving
    /// (the log-likelihood is concave). The standard errors are the square roots of the diagonal of the inverse observed
    /// information (−Hessian) at the optimum, the reference's 0.
    /// </summary>
    /// <param name="items">K ≥ 2 items, indexed 0 … K − 1.</param>
    /// <param name="winners">The winner of each comparison.</param>
    /// <param name="losers">The loser of each comparison, as many; never the winner.</param>
    /// <param name="reference">The item whose reward is fixed to 0.</param>
    /// <param name="tolerance">Stop when no reward moves by more than this in a Newton step (&gt; 0).</param>
    /// <param name="maxIterations">At most this many Newton steps (≥ 1).</param>
    /// <exception cref="ArgumentException">An index is out of range, a comparison pits an item against itself, or the
    /// maximum-likelihood rewards do not exist: that happens exactly when the items split into two groups one of which
    /// never loses to the other (e.g. an item that won every comparison it was in), and the message names such an item.</exception>
    /// <exception cref="InvalidOperationException">Newton's method did not converge within maxIterations steps.</exception>
    public static BradleyTerryFit Fit(int items, int[] winners, int[] losers, int reference = 0, double tolerance = 1e-10, int maxIterations = 100)
    {
        var wins = CountWins(items, winners, losers);
        Guard.Id(reference, items, nameof(reference), "an item");
        RequireStronglyConnected(wins, items, nameof(winners));
        Guard.Positive(tolerance, nameof(tolerance));
        Guard.Positive(maxIterations, nameof(maxIterations));
        var rewards = Vector<double>.Build.Dense(items);
        var free = Enumerable.Range(0, items).Where(i => i != reference).ToArray();
        var logLikelihood = LogLikelihood(wins, rewards);
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var (gradient, information) = GradientAndInformation(wins, rewards, free);
            var step = information.Solve(gradient);
            var (candidate, candidateLogLikelihood, scale) = (rewards, logLikelihood, 1.0);
            for (var halving = 0; halving < 60; halving++, scale /= 2)
            {
                candidate = rewards.Clone();
                for (var f = 0; f < free.Length; f++) candidate[free[f]] += scale * step[f];
                candidateLogLikelihood = LogLikelihood(wins, candidate);
                if (candidateLogLikelihood >= logLikelihood) break;
            }
            var moved = (candidate - rewards).InfinityNorm();
            (rewards, logLikelihood) = (candidate, candidateLogLikelihood);
            if (moved <= tolerance)
            {
                var covariance = GradientAndInformation(wins, rewards, free).Information.Inverse();
                var errors = Vector<double>.Build.Dense(items);
                for (var f = 0; f < free.Length; f++) errors[free[f]] = Math.Sqrt(covariance[f, f]);
                return new BradleyTerryFit(rewards, errors, iteration, logLikelihood);
            }
        }
        throw new InvalidOperationException($"Newton's method did not converge in {maxIterations} steps (tolerance {tolerance}).");
    }

    /// <summary>Σ_c log σ(r_{w_c} − r_{l_c}) for given rewards: the quantity <see cref="Fit"/> maximises.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 rewards, an index out of range, or a comparison of an item with itself.</exception>
    public static double LogLikelihood(Vector<double> rewards, int[] winners, int[] losers)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        if (rewards.Count < 2) throw new ArgumentException($"rewards has {rewards.Count} item(s); a comparison needs at least 2.", nameof(rewards));
        return LogLikelihood(CountWins(rewards.Count, winners, losers), rewards);
    }

    private static double LogLikelihood(int[,] wins, Vector<double> rewards)
    {
        double total = 0;
        for (var i = 0; i < rewards.Count; i++)
            for (var j = 0; j < rewards.Count; j++)
                if (wins[i, j] > 0) total -= wins[i, j] * LossFunctions.BinaryCrossEntropyTerm(rewards[i] - rewards[j], 1);
        return total;
    }

    /// <summary>The gradient of the log-likelihood and the information −Hessian, restricted to the free items.</summary>
    private static (Vector<double> Gradient, Matrix<double> Information) GradientAndInformation(int[,] wins, Vector<double> rewards, int[] free)
    {
        var k = rewards.Count;
        var (gradient, information) = (Vector<double>.Build.Dense(k), Matrix<double>.Build.Dense(k, k));
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
            {
                if (wins[i, j] == 0) continue;
                var (pWin, pLose) = (Activation.Sigmoid(rewards[i] - rewards[j]), Activation.Sigmoid(rewards[j] - rewards[i]));
                gradient[i] += wins[i, j] * pLose;
                gradient[j] -= wins[i, j] * pLose;
                var w = wins[i, j] * pWin * pLose;
                information[i, i] += w;
                information[j, j] += w;
                information[i, j] -= w;
                information[j, i] -= w;
            }
        var g = Vector<double>.Build.Dense(free.Length, f => gradient[free[f]]);
        var h = Matrix<double>.Build.Dense(free.Length, free.Length, (a, b) => information[free[a], free[b]]);
        return (g, h);
    }

    /// <summary>Validates the comparisons and counts wins[i, j], how often i beat j.</summary>
    private static int[,] CountWins(int items, int[] winners, int[] losers)
    {
        if (items < 2) throw new ArgumentOutOfRangeException(nameof(items), items, $"items must be ≥ 2, got {items}.");
        ArgumentNullException.ThrowIfNull(winners);
        ArgumentNullException.ThrowIfNull(losers);
        Guard.SameLength(winners.Length, nameof(winners), losers.Length, nameof(losers));
        if (winners.Length == 0) throw new ArgumentException("winners must hold at least one comparison.", nameof(winners));
        var wins = new int[items, items];
        for (var c = 0; c < winners.Length; c++)
        {
            if (winners[c] < 0 || winners[c] >= items)
                throw new ArgumentException($"winners[{c}] = {winners[c]} is not an item in [0, {items}).", nameof(winners));
            if (losers[c] < 0 || losers[c] >= items)
                throw new ArgumentException($"losers[{c}] = {losers[c]} is not an item in [0, {items}).", nameof(losers));
            if (winners[c] == losers[c])
                throw new ArgumentException($"comparison {c} pits item {winners[c]} against itself (winners[{c}] = losers[{c}]).", nameof(losers));
            wins[winners[c], losers[c]]++;
        }
        return wins;
    }

    /// <summary>
    /// The MLE exists iff the "beat" graph (an edge i → j when i beat j at least once) is strongly connected (Zermelo 1929;
    /// Ford 1957): otherwise some group never loses to the rest and its rewards can grow without bound.
    /// </summary>
    private static void RequireStronglyConnected(int[,] wins, int items, string name)
    {
        foreach (var forward in new[] { true, false })
        {
            var reached = new bool[items];
            var stack = new Stack<int>([0]);
            reached[0] = true;
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                for (var j = 0; j < items; j++)
                {
                    if (reached[j] || (forward ? wins[i, j] : wins[j, i]) == 0) continue;
                    reached[j] = true;
                    stack.Push(j);
                }
            }
            var missing = Array.IndexOf(reached, false);
            if (missing >= 0)
                throw new ArgumentException(forward
                    ? $"The maximum-likelihood rewards do not exist: item {missing} is never beaten by item 0, directly or through a chain of wins, so its reward relative to item 0's could grow without bound."
                    : $"The maximum-likelihood rewards do not exist: item {missing} never beats item 0, directly or through a chain of wins, so its reward relative to item 0's could fall without bound.", name);
        }
    }

    private static double Pairs(int k) => k * (k - 1) / 2.0;

    private static void ValidatePairs(Vector<double> chosen, Vector<double> rejected)
    {
        Guard.NotEmpty(chosen, nameof(chosen));
        Guard.SameLength(chosen, nameof(chosen), rejected, nameof(rejected));
    }

    private static void ValidateRankings(IReadOnlyList<Vector<double>> rankings)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        if (rankings.Count == 0) throw new ArgumentException("rankings must hold at least one prompt's ranking.", nameof(rankings));
        for (var p = 0; p < rankings.Count; p++)
            if (rankings[p] is null || rankings[p].Count < 2)
                throw new ArgumentException($"rankings[{p}] has {rankings[p]?.Count ?? 0} response(s); a ranking needs at least 2.", nameof(rankings));
    }
}

/// <summary>The result of <see cref="BradleyTerry.Fit"/>.</summary>
/// <param name="Rewards">The maximum-likelihood rewards, the reference item's 0.</param>
/// <param name="StandardErrors">Their asymptotic standard errors (relative to the reference, whose error is 0).</param>
/// <param name="Iterations">Newton steps taken.</param>
/// <param name="LogLikelihood">Σ_c log σ(r_{w_c} − r_{l_c}) at the optimum.</param>
public sealed record BradleyTerryFit(Vector<double> Rewards, Vector<double> StandardErrors, int Iterations, double LogLikelihood);
