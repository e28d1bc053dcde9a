using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;

namespace MLCourse.Networks;

/// <summary>
/// A multilayer perceptron: linear layers of sizes d₀ → d₁ → … → d_L with one activation f after every hidden layer
/// and none after the last, trained by full-batch gradient descent on the mean squared error
/// (<c>nn.Sequential(nn.Linear, f, …, nn.Linear)</c> with <c>nn.MSELoss()</c> and <c>torch.optim.SGD</c>).
/// Introduced in notebook 08 (activations).
/// </summary>
/// <remarks>
/// <para>Layer l maps the N×d_{l−1} batch H_{l−1} (one example per row; H₀ = x) to Z_l = H_{l−1}W_lᵀ + b_l and
/// H_l = f(Z_l), with W_l of shape d_l×d_{l−1} (PyTorch's out×in layout); the output is Z_L.</para>
/// <para>The weights and biases start as <c>nn.Linear</c> initialises them, i.i.d. U(−1/√d_{l−1}, 1/√d_{l−1}), drawn from
/// the given generator layer by layer (weight, then bias), so a seed fixes the network. <see cref="Weights"/> and
/// <see cref="Biases"/> are the live parameters: change them in place to set a network by hand.</para>
/// </remarks>
public sealed class Mlp
{
    private readonly Matrix<double>[] _weights;
    private readonly Vector<double>[] _biases;

    /// <summary>A network with layer sizes <paramref name="sizes"/> (input size first, at least two sizes, each ≥ 1).</summary>
    /// <param name="sizes">d₀, d₁, …, d_L.</param>
    /// <param name="activation">The function after every hidden layer (<see cref="ActivationFunction.Identity"/> makes the whole network linear).</param>
    /// <param name="random">The generator the initial parameters are drawn from.</param>
    /// <param name="bias">Whether the layers have biases (<c>nn.Linear(…, bias=…)</c>).</param>
    /// <exception cref="ArgumentException">Fewer than two sizes, or a size below 1.</exception>
    public Mlp(IReadOnlyList<int> sizes, ActivationFunction activation, System.Random random, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(random);
        if (sizes.Count < 2)
            throw new ArgumentException($"sizes has {sizes.Count} entries: give at least the input and the output size.", nameof(sizes));
        foreach (var size in sizes) Guard.Positive(size, nameof(sizes));
        (Sizes, Activation, HasBias) = (sizes.ToArray(), activation, bias);
        var layers = sizes.Count - 1;
        (_weights, _biases) = (new Matrix<double>[layers], bias ? new Vector<double>[layers] : []);
        for (var l = 0; l < layers; l++)
        {
            (_weights[l], var b) = Dense.Initialise(sizes[l + 1], sizes[l], random, bias);
            if (b is not null) _biases[l] = b;
        }
    }

    /// <summary>The layer sizes d₀ … d_L.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>The activation after each hidden layer.</summary>
    public ActivationFunction Activation { get; }

    /// <summary>Whether the layers have biases.</summary>
    public bool HasBias { get; }

    /// <summary>The live weights W₁ … W_L, W_l of shape d_l×d_{l−1}.</summary>
    public IReadOnlyList<Matrix<double>> Weights => _weights;

    /// <summary>The live biases b₁ … b_L (b_l of length d_l); empty without biases.</summary>
    public IReadOnlyList<Vector<double>> Biases => _biases;

    /// <summary>The number of trainable numbers, counted from the built weight matrices and bias vectors.</summary>
    public int ParameterCount => _weights.Sum(w => w.RowCount * w.ColumnCount) + _biases.Sum(b => b.Count);

    /// <summary>The outputs Z_L (N×d_L) for the N×d₀ batch <paramref name="x"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have d₀ columns (both shapes are named).</exception>
    public Matrix<double> Forward(Matrix<double> x) => Batch(Pass(x).Z[^1], x.RowCount);

    /// <summary>The pre-activations Z₁ … Z_{L−1} of the hidden layers (N×d_l each) for the batch <paramref name="x"/>: a ReLU unit j of layer l is inactive on example i when Z_l[i, j] ≤ 0.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have d₀ columns.</exception>
    public IReadOnlyList<Matrix<double>> PreActivations(Matrix<double> x) => Pass(x).Z[..^1].Select(z => Batch(z, x.RowCount)).ToArray();

    /// <summary>
    /// The mean squared error ℓ = (1/(N·d_L))·Σ(Z_L − y)² of the batch and its gradients with respect to every weight and
    /// bias, by backpropagation: δ_L = 2(Z_L − y)/(N·d_L), ∂ℓ/∂W_l = δ_lᵀH_{l−1}, ∂ℓ/∂b_l = Σ_rows δ_l,
    /// δ_{l−1} = (δ_l W_l) ⊙ f′(Z_{l−1}).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have d₀ columns, or <paramref name="y"/> is not N×d_L (both shapes are named).</exception>
    public MlpGradients Gradients(Matrix<double> x, Matrix<double> y)
    {
        var (h, z) = Pass(x);
        ArgumentNullException.ThrowIfNull(y);
        if (y.RowCount != x.RowCount || y.ColumnCount != Sizes[^1])
            throw new ArgumentException($"y is {Guard.Shape(y)} but the network's output for x ({Guard.Shape(x)}) is {x.RowCount}×{Sizes[^1]}.", nameof(y));
        var n = x.RowCount;
        var (output, target) = (z[^1], ColumnMajor(y));
        var (loss, delta) = (0.0, new double[output.Length]);
        for (var i = 0; i < output.Length; i++)
        {
            var residual = output[i] - target[i];
            loss += residual * residual;
            delta[i] = 2 * residual / output.Length;
        }
        var (weights, biases) = (new Matrix<double>[_weights.Length], HasBias ? new Vector<double>[_weights.Length] : []);
        for (var l = _weights.Length - 1; l >= 0; l--)
        {
            var (outputs, inputs) = (Sizes[l + 1], Sizes[l]);
            weights[l] = Matrix<double>.Build.Dense(outputs, inputs, Dense.WeightGradient(delta, h[l], n, outputs, inputs));
            if (HasBias) biases[l] = Vector<double>.Build.Dense(Dense.BiasGradient(delta, n, outputs));
            if (l > 0) delta = Backward(delta, l, z[l - 1], n);
        }
        return new MlpGradients(loss / output.Length, weights, biases);
    }

    /// <summary>One full-batch gradient-descent step θ ← θ − η·∂ℓ/∂θ on the mean squared error; returns the loss before the step.</summary>
    /// <exception cref="ArgumentException">A shape does not fit (see <see cref="Gradients"/>), or <paramref name="learningRate"/> is not a finite number &gt; 0.</exception>
    public double Step(Matrix<double> x, Matrix<double> y, double learningRate)
    {
        Guard.Positive(learningRate, nameof(learningRate));
        var gradients = Gradients(x, y);
        for (var l = 0; l < _weights.Length; l++)
        {
            _weights[l].Subtract(learningRate * gradients.Weights[l], _weights[l]);
            if (HasBias) _biases[l].Subtract(learningRate * gradients.Biases[l], _biases[l]);
        }
        return gradients.Loss;
    }

    // The passes run on column-major arrays (an N×d batch is d contiguous columns of N), through the loops of Dense.

    /// <summary>The forward pass: the layer inputs H₀ … H_{L−1} and the pre-activations Z₁ … Z_L, column-major N×d_l arrays.</summary>
    private (double[][] H, double[][] Z) Pass(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount != Sizes[0])
            throw new ArgumentException($"x is {Guard.Shape(x)} but the network's input size is {Sizes[0]}: x must be N×{Sizes[0]}.", nameof(x));
        var n = x.RowCount;
        var (h, z) = (new double[_weights.Length][], new double[_weights.Length][]);
        var input = ColumnMajor(x);
        for (var l = 0; l < _weights.Length; l++)
        {
            var result = Dense.Forward(input, n, ColumnMajor(_weights[l]), Sizes[l + 1], Sizes[l], HasBias ? ColumnMajor(_biases[l]) : null);
            (h[l], z[l]) = (input, result);
            if (l < _weights.Length - 1) input = Array.ConvertAll(result, v => Activation.Value(v));
        }
        return (h, z);
    }

    /// <summary>δ_{l−1} = (δ_l W_l) ⊙ f′(Z_{l−1}) for layer index <paramref name="l"/> (0-based; W_l is _weights[l]).</summary>
    private double[] Backward(double[] delta, int l, double[] zBelow, int n)
    {
        var result = Dense.InputGradient(delta, n, ColumnMajor(_weights[l]), Sizes[l + 1], Sizes[l]);
        for (var i = 0; i < result.Length; i++) result[i] *= Activation.Derivative(zBelow[i]);
        return result;
    }

    private static double[] ColumnMajor(Matrix<double> m) => m.AsColumnMajorArray() ?? m.ToColumnMajorArray();

    private static double[] ColumnMajor(Vector<double> v) => v.AsArray() ?? v.ToArray();

    private static Matrix<double> Batch(double[] values, int rows) => Matrix<double>.Build.Dense(rows, values.Length / rows, values);
}

/// <summary>The loss of a batch and its gradients, one entry per layer (<see cref="Mlp.Gradients"/>).</summary>
/// <param name="Loss">The mean squared error of the batch.</param>
/// <param name="Weights">∂ℓ/∂W_l, shaped like W_l.</param>
/// <param name="Biases">∂ℓ/∂b_l, shaped like b_l; empty for a network without biases.</param>
public sealed record MlpGradients(double Loss, IReadOnlyList<Matrix<double>> Weights, IReadOnlyList<Vector<double>> Biases);
