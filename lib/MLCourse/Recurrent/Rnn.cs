using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Recurrent;

/// <summary>
/// The vanilla (Elman) recurrent layer with tanh, the numbers of <c>torch.nn.RNN(d, h)</c> (one layer,
/// <c>nonlinearity="tanh"</c>, biases on) on a batch of one:
/// h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh). Introduced in notebook 11 (RNN, LSTM and GRU).
/// </summary>
/// <remarks>
/// One gate block (k = 1): <see cref="RecurrentLayer.WeightIH"/> is h×d, <see cref="RecurrentLayer.WeightHH"/> h×h, the biases
/// have length h, dh + h² + 2h parameters. The step Jacobian is ∂h_t/∂h_{t−1} = diag(1 − h_t²)·W_hh, so a gradient
/// that travels k steps back is multiplied by k such matrices, each of spectral norm ≤ ‖W_hh‖₂: it vanishes
/// geometrically when ‖W_hh‖₂ &lt; 1 (and tanh′ ≤ 1 only makes it smaller).
/// </remarks>
public sealed class Rnn : RecurrentLayer
{
    /// <summary>A layer with PyTorch's initialisation, every parameter ~ U(−1/√h, 1/√h).</summary>
    /// <param name="inputSize">d, the width of each input x_t. Range: ≥ 1.</param>
    /// <param name="hiddenSize">h, the width of the hidden state. Range: ≥ 1.</param>
    /// <param name="random">The random source (e.g. <c>Rng.Create(seed)</c>); null uses <c>Rng.Create(0)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">inputSize or hiddenSize is below 1.</exception>
    public Rnn(int inputSize, int hiddenSize, System.Random? random = null) : base(inputSize, hiddenSize, 1, random) { }

    /// <summary>Runs the layer over one sequence.</summary>
    /// <param name="x">The inputs, T×d (row t is x_t).</param>
    /// <param name="h0">The initial hidden state (length h); null means zeros.</param>
    /// <returns>Outputs, T×h (row t is h_t, PyTorch's <c>output[:, 0]</c>), and H = h_T (PyTorch's <c>h_n[0, 0]</c>).</returns>
    /// <exception cref="ArgumentException">x is not T×d or h0 does not have length h (the message names both shapes).</exception>
    public (Matrix<double> Outputs, Vector<double> H) Forward(Matrix<double> x, Vector<double>? h0 = null) =>
        Unroll(x, h0, (input, h) => Tanh(input + WeightHH * h + BiasHH));

    /// <summary>
    /// Backpropagation through time for a loss L whose gradient with respect to the outputs is
    /// <paramref name="outputGradient"/> (row t = ∂L/∂h_t from the layer above, what <c>output.backward(G)</c> feeds
    /// PyTorch): with a_t the pre-activation and δ_t = (G_t + W_hhᵀ ∂L/∂a_{t+1}) ⊙ (1 − h_t²) = ∂L/∂a_t, it returns
    /// ∂L/∂x_t = W_ihᵀ δ_t and ∂L/∂h_0 = W_hhᵀ δ_1. The weights' gradients are not computed: this is the gradient that
    /// flows back through time, the one that vanishes or explodes.
    /// </summary>
    /// <param name="x">The inputs, T×d.</param>
    /// <param name="outputGradient">∂L/∂Outputs, T×h.</param>
    /// <param name="h0">The initial hidden state of the forward pass; null means zeros.</param>
    /// <returns>X = ∂L/∂x (T×d) and H0 = ∂L/∂h_0 (length h), as autograd gives <c>x.grad</c> and <c>h0.grad</c>.</returns>
    /// <exception cref="ArgumentException">A shape does not match (the message names both shapes).</exception>
    public (Matrix<double> X, Vector<double> H0) Backward(Matrix<double> x, Matrix<double> outputGradient, Vector<double>? h0 = null)
    {
        var outputs = Forward(x, h0).Outputs;
        CheckOutputGradient(outputGradient, x);
        var (inputGradient, dh) = (Matrix<double>.Build.Dense(x.RowCount, InputSize), Vector<double>.Build.Dense(HiddenSize));
        for (var t = x.RowCount - 1; t >= 0; t--)
        {
            var h = outputs.Row(t);
            var da = (outputGradient.Row(t) + dh).PointwiseMultiply(1 - h.PointwiseMultiply(h));
            inputGradient.SetRow(t, WeightIH.TransposeThisAndMultiply(da));
            dh = WeightHH.TransposeThisAndMultiply(da);
        }
        return (inputGradient, dh);
    }
}
