using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Recurrent;

/// <summary>
/// A bidirectional LSTM, the numbers of <c>torch.nn.LSTM(d, h, bidirectional=True)</c> (one layer) on a batch of one,
/// from zero initial states: one <see cref="Lstm"/> reads x_1 … x_T, a second, with its own parameters, reads
/// x_T … x_1, and the output at position t is the concatenation [→h_t ; ←h_t] (length 2h). Introduced in notebook 11.
/// </summary>
/// <remarks>
/// →h_t depends on x_1 … x_t and ←h_t on x_t … x_T, so each half sees one side of the sentence and the concatenation
/// sees all of it. The two directions never exchange information inside the layer, so they can run in parallel (the
/// wall time of one LSTM on parallel hardware, twice the work); a second BiLSTM layer on top mixes them.
/// PyTorch's parameters <c>weight_ih_l0</c>, … belong to <see cref="ForwardDirection"/> and <c>weight_ih_l0_reverse</c>,
/// … to <see cref="ReverseDirection"/>.
/// </remarks>
public sealed class BiLstm
{
    /// <summary>A layer whose two directions are initialised like <see cref="Lstm"/>, the forward one first, from one random source.</summary>
    /// <param name="inputSize">d, the width of each input x_t. Range: ≥ 1.</param>
    /// <param name="hiddenSize">h, the width of each direction's state; outputs have 2h columns. Range: ≥ 1.</param>
    /// <param name="random">The random source (e.g. <c>Rng.Create(seed)</c>); null uses <c>Rng.Create(0)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">inputSize or hiddenSize is below 1.</exception>
    public BiLstm(int inputSize, int hiddenSize, System.Random? random = null)
    {
        random ??= Numerics.Rng.Create(0);
        ForwardDirection = new Lstm(inputSize, hiddenSize, random);
        ReverseDirection = new Lstm(inputSize, hiddenSize, random);
    }

    /// <summary>The LSTM that reads the sequence from first to last (PyTorch's <c>…_l0</c> parameters). Live.</summary>
    public Lstm ForwardDirection { get; }

    /// <summary>The LSTM that reads the sequence from last to first (PyTorch's <c>…_l0_reverse</c> parameters). Live.</summary>
    public Lstm ReverseDirection { get; }

    /// <summary>Both directions' parameters, 2·4(dh + h² + 2h).</summary>
    public int ParameterCount => ForwardDirection.ParameterCount + ReverseDirection.ParameterCount;

    /// <summary>Runs both directions over one sequence from zero states.</summary>
    /// <param name="x">The inputs, T×d.</param>
    /// <returns>Outputs, T×2h (row t = [→h_t ; ←h_t], PyTorch's <c>output[:, 0]</c>); HForward = →h_T and
    /// HReverse = ←h_1, the reverse direction's last state (PyTorch's <c>h_n[0, 0]</c> and <c>h_n[1, 0]</c>).</returns>
    /// <exception cref="ArgumentException">x is not T×d (the message names both shapes).</exception>
    public (Matrix<double> Outputs, Vector<double> HForward, Vector<double> HReverse) Forward(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var forward = ForwardDirection.Forward(x);
        var reverse = ReverseDirection.Forward(Reversed(x));
        return (forward.Outputs.Append(Reversed(reverse.Outputs)), forward.H, reverse.H);
    }

    private static Matrix<double> Reversed(Matrix<double> m) =>
        Matrix<double>.Build.DenseOfRows(Enumerable.Range(0, m.RowCount).Select(t => m.Row(m.RowCount - 1 - t)));
}
