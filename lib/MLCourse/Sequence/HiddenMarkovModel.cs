using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;
using MLCourse.Decoding;

namespace MLCourse.Sequence;

/// <summary>
/// A discrete hidden Markov model with N hidden states and M observation symbols: initial distribution
/// π_i = P(z₁ = i), transitions A_ij = P(z_{t+1} = j | z_t = i), emissions B_ik = P(x_t = k | z_t = i), so that
/// P(x, z) = π_{z₁} B_{z₁x₁} Π_{t≥2} A_{z_{t−1}z_t} B_{z_t x_t}. Every algorithm works in log space (log 0 = −∞, handled
/// without NaN), so sequences of thousands of observations neither underflow nor lose precision.
/// Introduced in notebook 17 (graphical models and sequence labelling).
/// </summary>
/// <remarks>
/// <para>Range: π and every row of A and B are probability distributions: entries finite and ≥ 0, summing to 1 within
/// ±1e-9 (they are used as given, not renormalised). Zeros are allowed: an impossible start, transition or emission.</para>
/// <para>Observations are symbol indices 0 … M − 1; a sequence needs at least one observation. Validation errors are
/// <see cref="ArgumentException"/>s (or subclasses) whose <c>ParamName</c> is <c>initial</c>, <c>transition</c>,
/// <c>emission</c> or <c>observations</c> and whose message states the sizes.</para>
/// </remarks>
public sealed class HiddenMarkovModel
{
    /// <summary>
    /// Viterbi's tie rule: among the candidates whose log-scores lie within TieTolerance·max(1, |best|) of the best, the
    /// lowest state index wins (at every back-pointer and for the last state). Mathematically equal scores, such as the
    /// weather example's 0.6·0.4·0.3 = 0.4·0.3·0.6, can differ in the last bit when computed in different orders; the
    /// tolerance makes them resolve the same way on every platform.
    /// </summary>
    public const double TieTolerance = 1e-12;

    private readonly Vector<double> initial;
    private readonly Matrix<double> transition, emission;
    private readonly double[] logInitial;
    private readonly double[,] logTransition, logEmission;

    /// <summary>A model with initial distribution π (length N), transitions A (N×N) and emissions B (N×M).</summary>
    /// <exception cref="ArgumentException">π is empty or not a distribution (<c>initial</c>); A is not N×N or a row is
    /// not a distribution (<c>transition</c>); B does not have N rows and at least one column, or a row is not a
    /// distribution (<c>emission</c>). Messages name the shapes and the offending row.</exception>
    public HiddenMarkovModel(Vector<double> initial, Matrix<double> transition, Matrix<double> emission)
    {
        Guard.Distribution(initial, nameof(initial));
        ArgumentNullException.ThrowIfNull(transition, nameof(transition));
        ArgumentNullException.ThrowIfNull(emission, nameof(emission));
        var n = initial.Count;
        if (transition.RowCount != n || transition.ColumnCount != n)
            throw new ArgumentException($"transition is {Guard.Shape(transition)} but must be {n}×{n}: initial has {n} states.", nameof(transition));
        Guard.RowStochastic(transition, nameof(transition));
        if (emission.RowCount != n || emission.ColumnCount == 0)
            throw new ArgumentException(
                $"emission is {Guard.Shape(emission)} but must be {n}×M with M ≥ 1: one row per state (initial has {n}), one column per symbol.", nameof(emission));
        Guard.RowStochastic(emission, nameof(emission));
        (this.initial, this.transition, this.emission) = (initial.Clone(), transition.Clone(), emission.Clone());
        logInitial = initial.Select(p => Math.Log(p)).ToArray();
        logTransition = transition.Map(Math.Log, Zeros.Include).ToArray();
        logEmission = emission.Map(Math.Log, Zeros.Include).ToArray();
    }

    /// <summary>N, the number of hidden states.</summary>
    public int States => initial.Count;

    /// <summary>M, the number of observation symbols.</summary>
    public int Symbols => emission.ColumnCount;

    /// <summary>A copy of π, the initial distribution.</summary>
    public Vector<double> Initial => initial.Clone();

    /// <summary>A copy of A, the N×N transition matrix (row i: the distribution of the next state after state i).</summary>
    public Matrix<double> Transition => transition.Clone();

    /// <summary>A copy of B, the N×M emission matrix (row i: the distribution of the symbol emitted in state i).</summary>
    public Matrix<double> Emission => emission.Clone();

    /// <summary>
    /// The most probable state path z* = argmax_z P(x, z) and its log-probability log max_z P(x, z), by dynamic
    /// programming in log space: δ₁(i) = log π_i + log B_{i,x₁}, δ_t(j) = max_i [δ_{t−1}(i) + log A_ij] + log B_{j,x_t},
    /// then back-pointers from the best last state. O(T·N²) instead of the Nᵀ paths of a brute-force search.
    /// Ties: the lowest state index (see <see cref="TieTolerance"/>). If every path has probability 0 the log-probability
    /// is −∞ and the path is the one the tie rule picks.
    /// </summary>
    /// <exception cref="ArgumentException">observations is empty or has a symbol outside [0, M) (<c>observations</c>).</exception>
    public (int[] Path, double LogProbability) Viterbi(int[] observations)
    {
        CheckObservations(observations);
        var (length, n) = (observations.Length, States);
        var (delta, next, scores) = (new double[n], new double[n], new double[n]);
        var back = new int[length, n];
        for (var i = 0; i < n; i++) delta[i] = logInitial[i] + logEmission[i, observations[0]];
        for (var t = 1; t < length; t++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var i = 0; i < n; i++) scores[i] = delta[i] + logTransition[i, j];
                var (argmax, best) = Best(scores);
                (back[t, j], next[j]) = (argmax, best + logEmission[j, observations[t]]);
            }
            (delta, next) = (next, delta);
        }
        var (last, logProbability) = Best(delta);
        var path = new int[length];
        path[^1] = last;
        for (var t = length - 1; t > 0; t--) path[t - 1] = back[t, path[t]];
        return (path, logProbability);
    }

    /// <summary>
    /// log P(x) = log Σ_z P(x, z), by the forward algorithm in log space (the log-sum-exp of the last row of
    /// <see cref="LogForward"/>). −∞ when x is impossible under the model; finite for long sequences whose probability
    /// underflows a double (600 observations of a 3-symbol HMM: P(x) ≈ 10⁻²⁸⁵, a few hundred more and it is below 10⁻³²⁴).
    /// </summary>
    /// <exception cref="ArgumentException">observations is empty or has a symbol outside [0, M) (<c>observations</c>).</exception>
    public double LogLikelihood(int[] observations)
    {
        var alpha = LogForward(observations);
        return Softmax.LogSumExp(alpha.Row(alpha.RowCount - 1));
    }

    /// <summary>
    /// The forward table in log space, T×N: entry (t, i) is log α_t(i) = log P(x₁, …, x_t, z_t = i), with
    /// α₁(i) = π_i B_{i,x₁} and α_t(j) = [Σ_i α_{t−1}(i) A_ij] B_{j,x_t} (rows are 0-based: row 0 is t = 1).
    /// </summary>
    /// <exception cref="ArgumentException">observations is empty or has a symbol outside [0, M) (<c>observations</c>).</exception>
    public Matrix<double> LogForward(int[] observations)
    {
        CheckObservations(observations);
        var (length, n) = (observations.Length, States);
        var alpha = Matrix<double>.Build.Dense(length, n);
        for (var i = 0; i < n; i++) alpha[0, i] = logInitial[i] + logEmission[i, observations[0]];
        var terms = new double[n];
        for (var t = 1; t < length; t++)
            for (var j = 0; j < n; j++)
            {
                for (var i = 0; i < n; i++) terms[i] = alpha[t - 1, i] + logTransition[i, j];
                alpha[t, j] = LogSum(terms) + logEmission[j, observations[t]];
            }
        return alpha;
    }

    /// <summary>
    /// The backward table in log space, T×N: entry (t, i) is log β_t(i) = log P(x_{t+1}, …, x_T | z_t = i), with
    /// β_T(i) = 1 and β_t(i) = Σ_j A_ij B_{j,x_{t+1}} β_{t+1}(j). For every t, Σ_i α_t(i) β_t(i) = P(x).
    /// </summary>
    /// <exception cref="ArgumentException">observations is empty or has a symbol outside [0, M) (<c>observations</c>).</exception>
    public Matrix<double> LogBackward(int[] observations)
    {
        CheckObservations(observations);
        var (length, n) = (observations.Length, States);
        var beta = Matrix<double>.Build.Dense(length, n);   // last row: log 1 = 0
        var terms = new double[n];
        for (var t = length - 2; t >= 0; t--)
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++) terms[j] = logTransition[i, j] + logEmission[j, observations[t + 1]] + beta[t + 1, j];
                beta[t, i] = LogSum(terms);
            }
        return beta;
    }

    /// <summary>
    /// The posterior marginals, T×N: entry (t, i) is γ_t(i) = P(z_t = i | x) = α_t(i) β_t(i) / P(x) (forward–backward),
    /// computed as the softmax of row t of log α + log β (whose log-sum-exp is log P(x) at every t), so each row sums to 1.
    /// The argmax of each row is posterior (maximum-marginal) decoding, which maximises the expected number of correctly
    /// labelled positions, where Viterbi maximises the probability of the whole path.
    /// </summary>
    /// <exception cref="ArgumentException">observations is empty, has a symbol outside [0, M), or has probability 0 under
    /// the model, so that the posterior is undefined (<c>observations</c>).</exception>
    public Matrix<double> Posterior(int[] observations)
    {
        var alpha = LogForward(observations);
        var logLikelihood = Softmax.LogSumExp(alpha.Row(alpha.RowCount - 1));
        if (double.IsNegativeInfinity(logLikelihood))
            throw new ArgumentException("observations has probability 0 under this model: the posterior P(z_t | x) is undefined.", nameof(observations));
        var gamma = alpha + LogBackward(observations);   // row t: log α_t(i) + log β_t(i), whose log-sum-exp is log P(x)
        for (var t = 0; t < gamma.RowCount; t++)
            gamma.SetRow(t, Softmax.Apply(gamma.Row(t)));   // normalised row by row, so that each sums to 1 to rounding
        return gamma;
    }

    /// <summary>
    /// log P(x, z) = log π_{z₁} + log B_{z₁x₁} + Σ_{t≥2} (log A_{z_{t−1}z_t} + log B_{z_t x_t}) for one state path
    /// <paramref name="states"/>: the term a brute-force search sums (forward) or maximises (Viterbi) over all Nᵀ paths.
    /// −∞ if the path or an emission along it is impossible.
    /// </summary>
    /// <exception cref="ArgumentException">observations is empty or has a symbol outside [0, M) (<c>observations</c>);
    /// states has a different length or a state outside [0, N) (<c>states</c>).</exception>
    public double LogJointProbability(int[] states, int[] observations)
    {
        CheckObservations(observations);
        ArgumentNullException.ThrowIfNull(states, nameof(states));
        Guard.SameLength(observations.Length, nameof(observations), states.Length, nameof(states));
        Guard.Ids(states, States, nameof(states), $"the model has {States} states");
        var sum = logInitial[states[0]] + logEmission[states[0], observations[0]];
        for (var t = 1; t < states.Length; t++)
            sum += logTransition[states[t - 1], states[t]] + logEmission[states[t], observations[t]];
        return sum;
    }

    /// <summary>
    /// Draws a state path and its observations from the model: z₁ ~ π, x_t ~ B_{z_t,·}, z_{t+1} ~ A_{z_t,·}, each draw by
    /// inversion with one <see cref="System.Random.NextDouble"/> (<see cref="Sampling.Draw(Vector{double}, System.Random)"/>),
    /// in the order z₁, x₁, z₂, x₂, …. A seeded <paramref name="random"/> (<see cref="Numerics.Rng.Create"/>) makes it
    /// reproducible. Every sequence drawn has probability &gt; 0. Range: length ≥ 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">length &lt; 1.</exception>
    public (int[] States, int[] Observations) Sample(int length, System.Random random)
    {
        Guard.Positive(length, nameof(length));
        ArgumentNullException.ThrowIfNull(random);
        var (states, observations) = (new int[length], new int[length]);
        for (var t = 0; t < length; t++)
        {
            states[t] = Sampling.Draw(t == 0 ? initial : transition.Row(states[t - 1]), random);
            observations[t] = Sampling.Draw(emission.Row(states[t]), random);
        }
        return (states, observations);
    }

    /// <summary>The first index whose score is within the tie tolerance of the largest, and its score.</summary>
    private static (int Index, double Score) Best(double[] scores)
    {
        var max = scores.Max();
        if (double.IsNegativeInfinity(max)) return (0, max);
        var threshold = max - TieTolerance * Math.Max(1, Math.Abs(max));
        var index = Array.FindIndex(scores, s => s >= threshold);
        return (index, scores[index]);
    }

    private static double LogSum(double[] terms) => Softmax.LogSumExp(Vector<double>.Build.Dense(terms));

    private void CheckObservations(int[] observations)
    {
        ArgumentNullException.ThrowIfNull(observations, nameof(observations));
        if (observations.Length == 0)
            throw new ArgumentException("observations is empty: give at least one observation.", nameof(observations));
        Guard.Ids(observations, Symbols, nameof(observations), $"the emission matrix is {States}×{Symbols}: symbols 0 … {Symbols - 1}");
    }
}
