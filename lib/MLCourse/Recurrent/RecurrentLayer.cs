using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;

namespace MLCourse.Recurrent;

/// <summary>
/// What <see cref="Rnn"/>, <see cref="Lstm"/> and <see cref="Gru"/> share: PyTorch's four parameter tensors of a
/// one-layer, one-direction recurrent layer, stored and initialised as <c>torch.nn.RNN</c>/<c>LSTM</c>/<c>GRU</c> store
/// them, and the validation of a sequence and of an initial state. Introduced in notebook 11 (RNN, LSTM and GRU).
/// </summary>
/// <remarks>
/// <para>With d = <see cref="InputSize"/>, h = <see cref="HiddenSize"/> and k gate blocks (1 for the RNN, 4 for the LSTM,
/// 3 for the GRU), the parameters are <see cref="WeightIH"/> (kh×d), <see cref="WeightHH"/> (kh×h), <see cref="BiasIH"/>
/// and <see cref="BiasHH"/> (kh each), PyTorch's <c>weight_ih_l0</c>, <c>weight_hh_l0</c>, <c>bias_ih_l0</c>,
/// <c>bias_hh_l0</c>: k(dh + h² + 2h) numbers. Block j of the rows (rows jh … (j+1)h − 1) belongs to gate j, in
/// PyTorch's order. The two bias vectors only ever appear as a sum in the LSTM (and in the GRU's r and z gates), so one
/// of them is redundant there; PyTorch keeps both for cuDNN compatibility.</para>
/// <para>A sequence is a T×d matrix, one row per time step (PyTorch's input of shape (T, 1, d), a batch of one). The
/// parameter properties return the layer's own matrices and vectors ("live"): changing their entries changes the layer.</para>
/// </remarks>
public abstract class RecurrentLayer
{
    /// <summary>
    /// Allocates the parameters for <paramref name="gates"/> blocks and fills them as PyTorch's <c>reset_parameters</c>
    /// does: every entry ~ U(−1/√h, 1/√h), drawn in the order WeightIH, WeightHH, BiasIH, BiasHH.
    /// </summary>
    private protected RecurrentLayer(int inputSize, int hiddenSize, int gates, System.Random? random)
    {
        Guard.Positive(inputSize, nameof(inputSize));
        Guard.Positive(hiddenSize, nameof(hiddenSize));
        (InputSize, HiddenSize) = (inputSize, hiddenSize);
        var bound = 1 / Math.Sqrt(hiddenSize);
        random ??= Numerics.Rng.Create(0);
        WeightIH = Numerics.Rng.Uniform(gates * hiddenSize, inputSize, bound, random);
        WeightHH = Numerics.Rng.Uniform(gates * hiddenSize, hiddenSize, bound, random);
        BiasIH = Numerics.Rng.Uniform(gates * hiddenSize, bound, random);
        BiasHH = Numerics.Rng.Uniform(gates * hiddenSize, bound, random);
    }

    /// <summary>The input width d (PyTorch's <c>input_size</c>).</summary>
    public int InputSize { get; }

    /// <summary>The hidden width h (PyTorch's <c>hidden_size</c>): the length of the hidden state and of each gate.</summary>
    public int HiddenSize { get; }

    /// <summary>The input-to-hidden weights, kh×d, gate blocks stacked by rows in PyTorch's order (<c>weight_ih_l0</c>). Live.</summary>
    public Matrix<double> WeightIH { get; }

    /// <summary>The hidden-to-hidden weights, kh×h, gate blocks stacked by rows in PyTorch's order (<c>weight_hh_l0</c>). Live.</summary>
    public Matrix<double> WeightHH { get; }

    /// <summary>The input-side bias, length kh (<c>bias_ih_l0</c>). Live.</summary>
    public Vector<double> BiasIH { get; }

    /// <summary>The hidden-side bias, length kh (<c>bias_hh_l0</c>). Live.</summary>
    public Vector<double> BiasHH { get; }

    /// <summary>
    /// The number of trainable numbers, counted from the entries of the four live tensors: k(dh + h² + 2h), what
    /// <c>sum(p.numel() for p in layer.parameters())</c> gives in PyTorch.
    /// </summary>
    public int ParameterCount =>
        WeightIH.RowCount * WeightIH.ColumnCount + WeightHH.RowCount * WeightHH.ColumnCount + BiasIH.Count + BiasHH.Count;

    /// <summary>
    /// The input projections of every step at once, row t = W_ih x_t + b_ih (T×kh), after checking that
    /// <paramref name="x"/> is T×d.
    /// </summary>
    private protected Matrix<double> InputProjections(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount != InputSize)
            throw new ArgumentException(
                $"x is {Guard.Shape(x)} but WeightIH is {Guard.Shape(WeightIH)}: x must be T×{InputSize}, one row of inputSize = {InputSize} per time step.",
                nameof(x));
        var projections = x.TransposeAndMultiply(WeightIH);
        for (var t = 0; t < projections.RowCount; t++)
            projections.SetRow(t, projections.Row(t) + BiasIH);
        return projections;
    }

    /// <summary>
    /// Runs a recurrence with one state over <paramref name="x"/>: h_t = step(W_ih x_t + b_ih, h_{t−1}) from h_0 =
    /// <paramref name="h0"/> (zeros for null), with every h_t as a row of Outputs.
    /// </summary>
    private protected (Matrix<double> Outputs, Vector<double> H) Unroll(Matrix<double> x, Vector<double>? h0, Func<Vector<double>, Vector<double>, Vector<double>> step)
    {
        var projections = InputProjections(x);
        var h = InitialState(h0, nameof(h0));
        var outputs = Matrix<double>.Build.Dense(x.RowCount, HiddenSize);
        for (var t = 0; t < x.RowCount; t++)
        {
            h = step(projections.Row(t), h);
            outputs.SetRow(t, h);
        }
        return (outputs, h);
    }

    /// <summary>A copy of an initial state, or zeros for null, after checking its length is h.</summary>
    private protected Vector<double> InitialState(Vector<double>? state, string name)
    {
        if (state is null) return Vector<double>.Build.Dense(HiddenSize);
        Guard.Length(state, HiddenSize, name, $"hiddenSize = {HiddenSize}");
        return state.Clone();
    }

    /// <summary>Checks that an output gradient has the shape of the outputs, T×h.</summary>
    private protected void CheckOutputGradient(Matrix<double> outputGradient, Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (outputGradient.RowCount != x.RowCount || outputGradient.ColumnCount != HiddenSize)
            throw new ArgumentException(
                $"outputGradient is {Guard.Shape(outputGradient)} but the outputs of x ({Guard.Shape(x)}) are {x.RowCount}×{HiddenSize}: they must have the same shape.",
                nameof(outputGradient));
    }

    /// <summary>Rows <paramref name="gate"/>·h … (gate + 1)·h − 1 of a stacked gate vector: one gate's pre-activation.</summary>
    private protected Vector<double> Block(Vector<double> stacked, int gate) => stacked.SubVector(gate * HiddenSize, HiddenSize);

    /// <summary>The logistic function σ(a) = 1/(1 + e^(−a)), entry by entry (→ 0 without overflow for a → −∞).</summary>
    private protected static Vector<double> Sigmoid(Vector<double> a) => a.Map(Activation.Sigmoid);

    /// <summary>tanh, entry by entry.</summary>
    private protected static Vector<double> Tanh(Vector<double> a) => a.Map(Math.Tanh);
}
