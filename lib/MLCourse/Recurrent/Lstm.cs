using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Recurrent;

/// <summary>
/// The long short-term memory layer with the numbers of <c>torch.nn.LSTM(d, h)</c> (one layer, one direction, biases
/// on, no projection) on a batch of one. Introduced in notebook 11 (RNN, LSTM and GRU).
/// </summary>
/// <remarks>
/// <para>With a_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh (length 4h), split into four blocks in PyTorch's order:</para>
/// <para>i = σ(a_i) (input gate), f = σ(a_f) (forget gate), g = tanh(a_g) (cell candidate), o = σ(a_o) (output gate);
/// c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t).</para>
/// <para>Parameters: 4(dh + h² + 2h). The gates read x_t and h_{t−1} only (no peephole on c_{t−1}), so
/// ∂c_t/∂c_{t−1} = diag(f) along the cell path: with f = 1 and i = 0 the cell is carried unchanged and so is its
/// gradient (the "constant error carousel").</para>
/// </remarks>
public sealed class Lstm : RecurrentLayer
{
    private const int InputGate = 0, ForgetGate = 1, CellGate = 2, OutputGate = 3;

    /// <summary>A layer with PyTorch's initialisation, every parameter ~ U(−1/√h, 1/√h).</summary>
    /// <param name="inputSize">d, the width of each input x_t. Range: ≥ 1.</param>
    /// <param name="hiddenSize">h, the width of the hidden state, of the cell and of each gate. Range: ≥ 1.</param>
    /// <param name="random">The random source (e.g. <c>Rng.Create(seed)</c>); null uses <c>Rng.Create(0)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">inputSize or hiddenSize is below 1.</exception>
    public Lstm(int inputSize, int hiddenSize, System.Random? random = null) : base(inputSize, hiddenSize, 4, random) { }

    /// <summary>Runs the layer over one sequence.</summary>
    /// <param name="x">The inputs, T×d (row t is x_t).</param>
    /// <param name="h0">The initial hidden state (length h); null means zeros.</param>
    /// <param name="c0">The initial cell state (length h); null means zeros, independently of <paramref name="h0"/>.</param>
    /// <returns>Outputs, T×h (row t is h_t, PyTorch's <c>output[:, 0]</c>), H = h_T and C = c_T (PyTorch's
    /// <c>h_n[0, 0]</c> and <c>c_n[0, 0]</c>).</returns>
    /// <exception cref="ArgumentException">x is not T×d, or h0 or c0 does not have length h (the message names both shapes).</exception>
    public (Matrix<double> Outputs, Vector<double> H, Vector<double> C) Forward(Matrix<double> x, Vector<double>? h0 = null, Vector<double>? c0 = null)
    {
        var (outputs, _, h, c) = Run(x, h0, c0);
        return (outputs, h, c);
    }

    /// <summary>
    /// Backpropagation through time for a loss L whose gradient with respect to the outputs is
    /// <paramref name="outputGradient"/> (row t = ∂L/∂h_t from the layer above, what <c>output.backward(G)</c> feeds
    /// PyTorch). Going back from t = T, with dh = G_t + (gradient from step t + 1) and dc the cell gradient carried back:
    /// dc += dh ⊙ o ⊙ (1 − tanh² c_t); the pre-activation gradients are dh ⊙ tanh c_t ⊙ o(1 − o) for o, dc ⊙ g ⊙ i(1 − i)
    /// for i, dc ⊙ c_{t−1} ⊙ f(1 − f) for f and dc ⊙ i ⊙ (1 − g²) for g; stacked as da, ∂L/∂x_t = W_ihᵀ da, the gradient
    /// passed to h_{t−1} is W_hhᵀ da and the one passed to c_{t−1} is dc ⊙ f. The weights' gradients are not computed:
    /// this is the gradient that flows back through time.
    /// </summary>
    /// <param name="x">The inputs, T×d.</param>
    /// <param name="outputGradient">∂L/∂Outputs, T×h.</param>
    /// <param name="h0">The initial hidden state of the forward pass; null means zeros.</param>
    /// <param name="c0">The initial cell state of the forward pass; null means zeros.</param>
    /// <returns>X = ∂L/∂x (T×d), H0 = ∂L/∂h_0 and C0 = ∂L/∂c_0 (length h), as autograd gives <c>x.grad</c>,
    /// <c>h0.grad</c>, <c>c0.grad</c>.</returns>
    /// <exception cref="ArgumentException">A shape does not match (the message names both shapes).</exception>
    public (Matrix<double> X, Vector<double> H0, Vector<double> C0) Backward(
        Matrix<double> x, Matrix<double> outputGradient, Vector<double>? h0 = null, Vector<double>? c0 = null)
    {
        var (_, steps, _, _) = Run(x, h0, c0);
        CheckOutputGradient(outputGradient, x);
        var inputGradient = Matrix<double>.Build.Dense(x.RowCount, InputSize);
        var (dhNext, dc) = (Vector<double>.Build.Dense(HiddenSize), Vector<double>.Build.Dense(HiddenSize));
        for (var t = x.RowCount - 1; t >= 0; t--)
        {
            var s = steps[t];
            var dh = outputGradient.Row(t) + dhNext;
            var tanhC = Tanh(s.C);
            dc += dh.PointwiseMultiply(s.O).PointwiseMultiply(1 - tanhC.PointwiseMultiply(tanhC));
            var da = Vector<double>.Build.Dense(4 * HiddenSize);
            da.SetSubVector(InputGate * HiddenSize, HiddenSize, dc.PointwiseMultiply(s.G).PointwiseMultiply(SigmoidDerivative(s.I)));
            da.SetSubVector(ForgetGate * HiddenSize, HiddenSize, dc.PointwiseMultiply(s.PreviousC).PointwiseMultiply(SigmoidDerivative(s.F)));
            da.SetSubVector(CellGate * HiddenSize, HiddenSize, dc.PointwiseMultiply(s.I).PointwiseMultiply(1 - s.G.PointwiseMultiply(s.G)));
            da.SetSubVector(OutputGate * HiddenSize, HiddenSize, dh.PointwiseMultiply(tanhC).PointwiseMultiply(SigmoidDerivative(s.O)));
            inputGradient.SetRow(t, WeightIH.TransposeThisAndMultiply(da));
            dhNext = WeightHH.TransposeThisAndMultiply(da);
            dc = dc.PointwiseMultiply(s.F);
        }
        return (inputGradient, dhNext, dc);
    }

    /// <summary>σ′(a) = σ(1 − σ), written in terms of the gate's value σ.</summary>
    private static Vector<double> SigmoidDerivative(Vector<double> gate) => gate.PointwiseMultiply(1 - gate);

    /// <summary>One step's gates and states, kept for the backward pass.</summary>
    private readonly record struct Step(Vector<double> I, Vector<double> F, Vector<double> G, Vector<double> O, Vector<double> PreviousC, Vector<double> C);

    private (Matrix<double> Outputs, Step[] Steps, Vector<double> H, Vector<double> C) Run(Matrix<double> x, Vector<double>? h0, Vector<double>? c0)
    {
        var projections = InputProjections(x);
        var (h, c) = (InitialState(h0, nameof(h0)), InitialState(c0, nameof(c0)));
        var outputs = Matrix<double>.Build.Dense(x.RowCount, HiddenSize);
        var steps = new Step[x.RowCount];
        for (var t = 0; t < x.RowCount; t++)
        {
            var a = projections.Row(t) + WeightHH * h + BiasHH;
            var (i, f, g, o) = (Sigmoid(Block(a, InputGate)), Sigmoid(Block(a, ForgetGate)), Tanh(Block(a, CellGate)), Sigmoid(Block(a, OutputGate)));
            var next = f.PointwiseMultiply(c) + i.PointwiseMultiply(g);
            steps[t] = new Step(i, f, g, o, c, next);
            c = next;
            h = o.PointwiseMultiply(Tanh(c));
            outputs.SetRow(t, h);
        }
        return (outputs, steps, h, c);
    }
}
