using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Regularization;

/// <summary>
/// Dropout with PyTorch's convention (<c>torch.nn.Dropout(p)</c>): <b>p is the probability of dropping</b> an entry
/// (setting it to 0), 1 − p the probability of keeping it. Introduced in notebook 07 (dropout, clipping and training
/// stability).
/// </summary>
/// <remarks>
/// <para><b>Inverted dropout</b> (the default, what PyTorch and every modern framework do): in training mode each entry
/// is y = m·x/(1 − p) with an independent mask m ~ Bernoulli(1 − p), so E[y] = x and Var(y) = x²·p/(1 − p); in
/// evaluation mode y = x, nothing is scaled at test time. (As in PyTorch, the kept entries are x·(1/(1 − p)).)</para>
/// <para><b>Non-inverted dropout</b> (<c>inverted: false</c>, the original formulation of Srivastava et al. 2014): in
/// training y = m·x without scaling, so E[y] = (1 − p)·x, and evaluation must multiply by the keep probability,
/// y = (1 − p)·x, to match that expectation.</para>
/// <para>Masks come from the given <see cref="System.Random"/>: one <see cref="System.Random.NextDouble"/> per entry,
/// entry dropped when it is &lt; p, entries visited row by row. So a seeded generator reproduces the masks, and a
/// matrix gives the same masks as its rows passed one after another as vectors. Range: p ∈ [0, 1).</para>
/// </remarks>
public sealed class Dropout
{
    private readonly System.Random random;

    /// <summary>A dropout layer in training mode.</summary>
    /// <param name="p">The drop probability (PyTorch's <c>p</c>, default there 0.5). Range: [0, 1); p = 0 never drops.
    /// (PyTorch also accepts p = 1, which zeroes everything; inverted scaling 1/(1 − p) is then undefined.)</param>
    /// <param name="random">The source of the masks, e.g. <c>MLCourse.Numerics.Rng.Create(seed)</c>.</param>
    /// <param name="inverted">True (default): scale kept entries by 1/(1 − p) in training, identity in evaluation.
    /// False: no scaling in training, multiply by 1 − p in evaluation.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1) or NaN.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public Dropout(double p, System.Random random, bool inverted = true)
    {
        Guard.InRangeHalfOpen(p, 0, 1, nameof(p));
        ArgumentNullException.ThrowIfNull(random);
        (P, this.random, Inverted) = (p, random, inverted);
    }

    /// <summary>The drop probability p ∈ [0, 1).</summary>
    public double P { get; }

    /// <summary>Whether this is inverted dropout (scaling in training) rather than the original (scaling in evaluation).</summary>
    public bool Inverted { get; }

    /// <summary>True (the default): drop entries at random (PyTorch's <c>model.train()</c>). False: evaluation mode
    /// (<c>model.eval()</c>), deterministic, no randomness consumed.</summary>
    public bool Training { get; set; } = true;

    /// <summary>The factor a kept entry is multiplied by in training: 1/(1 − p) when inverted, else 1.</summary>
    public double TrainingScale => Inverted ? 1 / (1 - P) : 1;

    /// <summary>The factor every entry is multiplied by in evaluation: 1 when inverted, else 1 − p.</summary>
    public double EvaluationScale => Inverted ? 1 : 1 - P;

    /// <summary>Applies dropout to every entry of <paramref name="x"/> (see the class remarks). Returns a new vector.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public Vector<double> Forward(Vector<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Vector<double>.Build.Dense(x.Count);
        for (var i = 0; i < x.Count; i++) y[i] = Apply(x[i]);
        return y;
    }

    /// <summary>
    /// Applies dropout to every entry of <paramref name="x"/> (a batch, one row per sample), each entry with its own
    /// mask, drawn row by row: x ⊙ <see cref="Mask"/>(rows, columns). Returns a new matrix.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public Matrix<double> Forward(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.PointwiseMultiply(Mask(x.RowCount, x.ColumnCount));   // x·0 for a dropped entry, as PyTorch's x·mask (NaN stays NaN)
    }

    /// <summary>
    /// The factors <see cref="Forward(Matrix{double})"/> multiplies a <paramref name="rows"/>×<paramref name="columns"/>
    /// batch by, drawn the same way (row by row, consuming the same random numbers): in training 0 for a dropped entry and
    /// <see cref="TrainingScale"/> for a kept one; in evaluation <see cref="EvaluationScale"/> everywhere. A network's
    /// backward pass multiplies the upstream gradient by the same mask (notebook 21). Range: rows, columns ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> or <paramref name="columns"/> is negative.</exception>
    public Matrix<double> Mask(int rows, int columns)
    {
        Guard.NonNegative(rows, nameof(rows));
        Guard.NonNegative(columns, nameof(columns));
        var mask = Matrix<double>.Build.Dense(rows, columns);
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                mask[i, j] = Apply(1.0);
        return mask;
    }

    private double Apply(double x) =>
        !Training ? x * EvaluationScale
        : random.NextDouble() < P ? x * 0.0 : x * TrainingScale;   // x·0 as PyTorch's x·mask (NaN stays NaN)
}
