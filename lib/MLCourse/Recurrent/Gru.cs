using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Recurrent;

/// <summary>
/// The gated recurrent unit with the numbers of <c>torch.nn.GRU(d, h)</c> (one layer, one direction, biases on) on a
/// batch of one. Introduced in notebook 11 (RNN, LSTM and GRU).
/// </summary>
/// <remarks>
/// <para>With the input part W_ih x_t + b_ih and the hidden part W_hh h_{t−1} + b_hh (length 3h each), split into three
/// blocks in PyTorch's order r, z, n:</para>
/// <para>r = σ(W_ir x + b_ir + W_hr h + b_hr) (reset gate), z = σ(W_iz x + b_iz + W_hz h + b_hz) (update gate),
/// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)) (candidate), h′ = (1 − z) ⊙ n + z ⊙ h.</para>
/// <para>PyTorch (and cuDNN) multiply r with W_hn h + b_hn, after the matrix product; Cho et al. (2014) and d2l write
/// n = tanh(W_in x + W_hn (r ⊙ h) + b), with r before it. The two agree when r is 0 or 1 and differ in between.
/// z = 1 keeps the old state (h′ = h), z = 0 takes the candidate; with z = 0 and r = 1 the GRU is the tanh
/// <see cref="Rnn"/> with weights W_in, W_hn and biases b_in, b_hn. Parameters: 3(dh + h² + 2h).</para>
/// </remarks>
public sealed class Gru : RecurrentLayer
{
    private const int ResetGate = 0, UpdateGate = 1, Candidate = 2;

    /// <summary>A layer with PyTorch's initialisation, every parameter ~ U(−1/√h, 1/√h).</summary>
    /// <param name="inputSize">d, the width of each input x_t. Range: ≥ 1.</param>
    /// <param name="hiddenSize">h, the width of the hidden state and of each gate. Range: ≥ 1.</param>
    /// <param name="random">The random source (e.g. <c>Rng.Create(seed)</c>); null uses <c>Rng.Create(0)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">inputSize or hiddenSize is below 1.</exception>
    public Gru(int inputSize, int hiddenSize, System.Random? random = null) : base(inputSize, hiddenSize, 3, random) { }

    /// <summary>Runs the layer over one sequence.</summary>
    /// <param name="x">The inputs, T×d (row t is x_t).</param>
    /// <param name="h0">The initial hidden state (length h); null means zeros.</param>
    /// <returns>Outputs, T×h (row t is h_t, PyTorch's <c>output[:, 0]</c>), and H = h_T (PyTorch's <c>h_n[0, 0]</c>).</returns>
    /// <exception cref="ArgumentException">x is not T×d or h0 does not have length h (the message names both shapes).</exception>
    public (Matrix<double> Outputs, Vector<double> H) Forward(Matrix<double> x, Vector<double>? h0 = null) => Unroll(x, h0, Step);

    /// <summary>One step: h′ = (1 − z) ⊙ n + z ⊙ h from the input part W_ih x + b_ih and the previous state h.</summary>
    private Vector<double> Step(Vector<double> input, Vector<double> h)
    {
        var hidden = WeightHH * h + BiasHH;
        var r = Sigmoid(Block(input, ResetGate) + Block(hidden, ResetGate));
        var z = Sigmoid(Block(input, UpdateGate) + Block(hidden, UpdateGate));
        var n = Tanh(Block(input, Candidate) + r.PointwiseMultiply(Block(hidden, Candidate)));
        return (1 - z).PointwiseMultiply(n) + z.PointwiseMultiply(h);
    }
}
