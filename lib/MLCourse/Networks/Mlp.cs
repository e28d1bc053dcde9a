using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;
using MLCourse.Losses;
using MLCourse.Normalization;
using MLCourse.Numerics;
using MLCourse.Regularization;

namespace MLCourse.Networks;

/// <summary>
/// A multilayer perceptron: linear layers of sizes d₀ → d₁ → … → d_L with one activation f after every hidden layer
/// and none after the last, trained by full-batch gradient descent on the mean squared error or the softmax
/// cross-entropy (<c>nn.Sequential(nn.Linear, f, …, nn.Linear)</c> with <c>nn.MSELoss()</c> or
/// <c>nn.CrossEntropyLoss()</c> and <c>torch.optim.SGD</c>). Optionally each hidden layer also has a batch
/// normalization before f, a dropout after it, and a residual connection. Introduced in notebook 08 (activations);
/// notebook 21 (backpropagation and initialisation) adds the cross-entropy head, constant initialisation, the
/// operation counts and the normalised, residual and dropout variants.
/// </summary>
/// <remarks>
/// <para>Layer l maps the N×d_{l−1} batch H_{l−1} (one example per row; H₀ = x) to Z_l = H_{l−1}W_lᵀ + b_l, with W_l of
/// shape d_l×d_{l−1} (PyTorch's out×in layout). A hidden layer (l &lt; L) then computes
/// H_l = [H_{l−1} +] Dropout(f(BN_l(Z_l))), each bracketed part only if asked for: <c>nn.Linear</c>,
/// <c>nn.BatchNorm1d</c>, f, <c>nn.Dropout</c>, and the identity shortcut of a residual block (for the hidden layers
/// after the first, which all have the same width). The output is Z_L.</para>
/// <para>The weights and biases start as <c>nn.Linear</c> initialises them, i.i.d. U(−1/√d_{l−1}, 1/√d_{l−1}), drawn from
/// the given generator layer by layer (weight, then bias), so a seed fixes the network; <see cref="Constant"/> sets
/// them all to one number instead. <see cref="Weights"/>, <see cref="Biases"/> and the layers of
/// <see cref="BatchNorms"/> are the live parameters: change them in place to set a network by hand.</para>
/// <para>In training mode (<see cref="Training"/>, the default) batch normalization uses the batch statistics (and
/// updates its running ones) and dropout draws a new mask at every pass, as a PyTorch model after <c>model.train()</c>;
/// in evaluation mode both are deterministic.</para>
/// </remarks>
public sealed class Mlp
{
    private readonly Matrix<double>[] _weights;
    private readonly Vector<double>[] _biases;
    private readonly BatchNorm1d[] _norms;

    /// <summary>A network with layer sizes <paramref name="sizes"/> (input size first, at least two sizes, each ≥ 1).</summary>
    /// <param name="sizes">d₀, d₁, …, d_L.</param>
    /// <param name="activation">The function after every hidden layer (<see cref="ActivationFunction.Identity"/> makes the whole network linear).</param>
    /// <param name="random">The generator the initial parameters are drawn from.</param>
    /// <param name="bias">Whether the layers have biases (<c>nn.Linear(…, bias=…)</c>).</param>
    /// <param name="batchNorm">Whether each hidden layer normalises its pre-activations with a <see cref="BatchNorm1d"/> (γ = 1, β = 0, ε = 1e-5, PyTorch's defaults) before f.</param>
    /// <param name="residual">Whether every hidden layer after the first adds its input, H_l = H_{l−1} + …: needs at least
    /// two hidden layers, all of the same width.</param>
    /// <param name="dropout">Dropout applied after f in every hidden layer (its masks come from its own generator), or null.</param>
    /// <exception cref="ArgumentException">Fewer than two sizes, a size below 1, or <paramref name="residual"/> with
    /// fewer than two hidden layers or hidden layers of different widths.</exception>
    public Mlp(IReadOnlyList<int> sizes, ActivationFunction activation, System.Random random, bool bias = true,
        bool batchNorm = false, bool residual = false, Dropout? dropout = null)
        : this(sizes, activation, bias, batchNorm, residual, dropout, random ?? throw new ArgumentNullException(nameof(random)), 0)
    {
    }

    private Mlp(IReadOnlyList<int> sizes, ActivationFunction activation, bool bias, bool batchNorm, bool residual, Dropout? dropout,
        System.Random? random, double constant)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(activation);
        if (sizes.Count < 2)
            throw new ArgumentException($"sizes has {sizes.Count} entries: give at least the input and the output size.", nameof(sizes));
        foreach (var size in sizes) Guard.Positive(size, nameof(sizes));
        var layers = sizes.Count - 1;
        if (residual && (layers < 3 || sizes.Skip(1).Take(layers - 1).Distinct().Count() != 1))
            throw new ArgumentException(
                $"residual blocks add each hidden layer's input to its output, so they need at least two hidden layers of one width, but sizes is [{string.Join(", ", sizes)}].",
                nameof(residual));
        (Sizes, Activation, HasBias, Residual, Dropout) = (sizes.ToArray(), activation, bias, residual, dropout);
        (_weights, _biases) = (new Matrix<double>[layers], bias ? new Vector<double>[layers] : []);
        for (var l = 0; l < layers; l++)
        {
            if (random is null)
            {
                _weights[l] = Matrix<double>.Build.Dense(sizes[l + 1], sizes[l], constant);
                if (bias) _biases[l] = Vector<double>.Build.Dense(sizes[l + 1], constant);
                continue;
            }
            (_weights[l], var b) = Dense.Initialise(sizes[l + 1], sizes[l], random, bias);
            if (b is not null) _biases[l] = b;
        }
        _norms = batchNorm ? Enumerable.Range(1, layers - 1).Select(l => new BatchNorm1d(sizes[l])).ToArray() : [];
    }

    /// <summary>
    /// A network whose every weight and bias is <paramref name="value"/> (<c>torch.nn.init.constant_</c> on each
    /// parameter; 0 is <c>zeros_</c>). Its hidden units are all alike, and notebook 21 shows that gradient descent
    /// keeps them so. Batch normalization layers keep γ = 1, β = 0.
    /// </summary>
    /// <param name="sizes">d₀, d₁, …, d_L.</param>
    /// <param name="activation">The function after every hidden layer.</param>
    /// <param name="value">The constant. Range: finite.</param>
    /// <param name="bias">Whether the layers have biases.</param>
    /// <param name="batchNorm">Whether each hidden layer has a batch normalization before f.</param>
    /// <param name="residual">Whether the hidden layers after the first are residual blocks.</param>
    /// <param name="dropout">Dropout after f in every hidden layer, or null.</param>
    /// <exception cref="ArgumentException">As for the constructor.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is infinite or NaN.</exception>
    public static Mlp Constant(IReadOnlyList<int> sizes, ActivationFunction activation, double value, bool bias = true,
        bool batchNorm = false, bool residual = false, Dropout? dropout = null)
    {
        Guard.Finite(value, nameof(value));
        return new Mlp(sizes, activation, bias, batchNorm, residual, dropout, null, value);
    }

    /// <summary>The layer sizes d₀ … d_L.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>The activation after each hidden layer.</summary>
    public ActivationFunction Activation { get; }

    /// <summary>Whether the layers have biases.</summary>
    public bool HasBias { get; }

    /// <summary>Whether the hidden layers after the first are residual blocks.</summary>
    public bool Residual { get; }

    /// <summary>The dropout after each hidden layer's activation, or null.</summary>
    public Dropout? Dropout { get; }

    /// <summary>The live batch normalization layers, one per hidden layer (d_l features each); empty without batch normalization.</summary>
    public IReadOnlyList<BatchNorm1d> BatchNorms => _norms;

    /// <summary>
    /// Training mode (true, the default) or evaluation mode, for the batch normalization layers and the dropout
    /// (PyTorch's <c>model.train()</c> / <c>model.eval()</c>). Setting it sets theirs.
    /// </summary>
    public bool Training
    {
        get => field;
        set
        {
            field = value;
            foreach (var norm in _norms) norm.Training = value;
            if (Dropout is not null) Dropout.Training = value;
        }
    } = true;

    /// <summary>The live weights W₁ … W_L, W_l of shape d_l×d_{l−1}.</summary>
    public IReadOnlyList<Matrix<double>> Weights => _weights;

    /// <summary>The live biases b₁ … b_L (b_l of length d_l); empty without biases.</summary>
    public IReadOnlyList<Vector<double>> Biases => _biases;

    /// <summary>The number of trainable numbers, counted from the built weight matrices, bias vectors and batch normalization γ and β.</summary>
    public int ParameterCount =>
        _weights.Sum(w => w.RowCount * w.ColumnCount) + _biases.Sum(b => b.Count) + _norms.Sum(n => n.Gamma.Count + n.Beta.Count);

    /// <summary>The outputs Z_L (N×d_L) for the N×d₀ batch <paramref name="x"/> (in training mode with the batch's statistics and fresh dropout masks).</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have d₀ columns (both shapes are named), or has
    /// one row while batch normalization is in training mode.</exception>
    public Matrix<double> Forward(Matrix<double> x) => Batch(Pass(x).Z[^1], x.RowCount);

    /// <summary>The pre-activations Z₁ … Z_{L−1} of the hidden layers (N×d_l each, before any batch normalization) for the batch <paramref name="x"/>: a ReLU unit j of layer l is inactive on example i when Z_l[i, j] ≤ 0.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have d₀ columns.</exception>
    public IReadOnlyList<Matrix<double>> PreActivations(Matrix<double> x) => Pass(x).Z[..^1].Select(z => Batch(z, x.RowCount)).ToArray();

    /// <summary>
    /// The mean squared error ℓ = (1/(N·d_L))·Σ(Z_L − y)² of the batch and its gradients with respect to every parameter,
    /// by backpropagation: δ_L = 2(Z_L − y)/(N·d_L), ∂ℓ/∂W_l = δ_lᵀH_{l−1}, ∂ℓ/∂b_l = Σ_rows δ_l,
    /// δ_{l−1} = (δ_l W_l) ⊙ f′(Z_{l−1}) (through the dropout mask, the batch normalization and the shortcut where the
    /// network has them).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have d₀ columns, or <paramref name="y"/> is not N×d_L (both shapes are named).</exception>
    public MlpGradients Gradients(Matrix<double> x, Matrix<double> y)
    {
        var pass = Pass(x);
        ArgumentNullException.ThrowIfNull(y);
        if (y.RowCount != x.RowCount || y.ColumnCount != Sizes[^1])
            throw new ArgumentException($"y is {Guard.Shape(y)} but the network's output for x ({Guard.Shape(x)}) is {x.RowCount}×{Sizes[^1]}.", nameof(y));
        var (output, target) = (pass.Z[^1], Storage.ColumnMajor(y));
        var (loss, delta) = (0.0, new double[output.Length]);
        for (var i = 0; i < output.Length; i++)
        {
            var residual = output[i] - target[i];
            loss += residual * residual;
            delta[i] = 2 * residual / output.Length;
        }
        return Backpropagate(pass, delta, loss / output.Length);
    }

    /// <summary>
    /// The softmax cross-entropy of the logits Z_L against class indices (<see cref="Loss.CrossEntropy(Matrix{double}, int[], double, int)"/>,
    /// <c>F.cross_entropy(Z_L, targets)</c>), and its gradients by backpropagation from
    /// δ_L = ∂ℓ/∂Z_L = (softmax(Z_L) − Y)/N (<see cref="Loss.CrossEntropyGradient(Matrix{double}, int[], double, int)"/>, Y one-hot).
    /// </summary>
    /// <param name="x">The N×d₀ batch.</param>
    /// <param name="targets">N class indices in [0, d_L).</param>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have d₀ columns, or <paramref name="targets"/>
    /// does not hold N class indices in [0, d_L).</exception>
    public MlpGradients Gradients(Matrix<double> x, int[] targets)
    {
        var pass = Pass(x);
        var logits = Batch(pass.Z[^1], x.RowCount);
        var loss = Loss.CrossEntropy(logits, targets);
        return Backpropagate(pass, Storage.ColumnMajor(Loss.CrossEntropyGradient(logits, targets)), loss);
    }

    /// <summary>One full-batch gradient-descent step θ ← θ − η·∂ℓ/∂θ on the mean squared error; returns the loss before the step.</summary>
    /// <exception cref="ArgumentException">A shape does not fit (see <see cref="Gradients(Matrix{double}, Matrix{double})"/>), or <paramref name="learningRate"/> is not a finite number &gt; 0.</exception>
    public double Step(Matrix<double> x, Matrix<double> y, double learningRate)
    {
        Guard.Positive(learningRate, nameof(learningRate));
        return Apply(Gradients(x, y), learningRate);
    }

    /// <summary>One full-batch gradient-descent step θ ← θ − η·∂ℓ/∂θ on the softmax cross-entropy; returns the loss before the step.</summary>
    /// <exception cref="ArgumentException">A shape or target does not fit (see <see cref="Gradients(Matrix{double}, int[])"/>), or <paramref name="learningRate"/> is not a finite number &gt; 0.</exception>
    public double Step(Matrix<double> x, int[] targets, double learningRate)
    {
        Guard.Positive(learningRate, nameof(learningRate));
        return Apply(Gradients(x, targets), learningRate);
    }

    private double Apply(MlpGradients gradients, double learningRate)
    {
        for (var l = 0; l < _weights.Length; l++)
        {
            _weights[l].Subtract(learningRate * gradients.Weights[l], _weights[l]);
            if (HasBias) _biases[l].Subtract(learningRate * gradients.Biases[l], _biases[l]);
        }
        for (var l = 0; l < _norms.Length; l++)
        {
            _norms[l].Gamma.Subtract(learningRate * gradients.Gammas[l], _norms[l].Gamma);
            _norms[l].Beta.Subtract(learningRate * gradients.Betas[l], _norms[l].Beta);
        }
        return gradients.Loss;
    }

    // The passes run on column-major arrays (an N×d batch is d contiguous columns of N), through the loops of Dense.
    // Each product Dense performs, N×d_in times d_in×d_out, is counted as N·d_in·d_out multiply–adds where it is called.

    /// <summary>What the forward pass keeps for the backward pass, all column-major N×d_l arrays.</summary>
    /// <param name="H">The layer inputs H₀ … H_{L−1}.</param>
    /// <param name="Z">The pre-activations Z₁ … Z_L.</param>
    /// <param name="U">The inputs of f, BN_l(Z_l) (Z_l itself without batch normalization), of the hidden layers.</param>
    /// <param name="Normalized">x̂ of each hidden layer's batch normalization in training mode (null in evaluation mode or without it).</param>
    /// <param name="InverseStd">1/√(σ² + ε) per feature of the same layers (null where <paramref name="Normalized"/> is).</param>
    /// <param name="Masks">The dropout factors of the hidden layers (null entries without dropout).</param>
    /// <param name="MultiplyAdds">The multiply–adds of the matrix products.</param>
    private sealed record ForwardPass(double[][] H, double[][] Z, double[][] U, double[]?[] Normalized, double[]?[] InverseStd, double[]?[] Masks, long MultiplyAdds);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // hot: compiled optimised at once, not after tiering
    private ForwardPass Pass(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount != Sizes[0])
            throw new ArgumentException($"x is {Guard.Shape(x)} but the network's input size is {Sizes[0]}: x must be N×{Sizes[0]}.", nameof(x));
        if (_norms.Any(norm => norm.Training)) BatchNorm1d.CheckTrainingBatch(x, nameof(x));   // also a layer set to training by hand
        var (n, layers) = (x.RowCount, _weights.Length);
        var (h, z, u, masks) = (new double[layers][], new double[layers][], new double[layers - 1][], new double[]?[layers - 1]);
        var (normalized, inverseStd) = (new double[]?[layers - 1], new double[]?[layers - 1]);
        var input = Storage.ColumnMajor(x);
        long multiplyAdds = 0;
        for (var l = 0; l < layers; l++)
        {
            var (outputs, inputs) = (Sizes[l + 1], Sizes[l]);
            var result = Dense.Forward(input, n, Storage.ColumnMajor(_weights[l]), outputs, inputs, HasBias ? Storage.Values(_biases[l]) : null);
            multiplyAdds += (long)n * inputs * outputs;
            (h[l], z[l]) = (input, result);
            if (l == layers - 1) break;
            u[l] = _norms.Length == 0 ? result : BatchNorm(l, result, n, normalized, inverseStd);
            var activated = Array.ConvertAll(u[l], v => Activation.Value(v));
            if (Dropout is not null)
            {
                masks[l] = Dropout.Mask(n, outputs).ToColumnMajorArray();
                for (var i = 0; i < activated.Length; i++) activated[i] *= masks[l]![i];
            }
            if (Residual && l > 0)
                for (var i = 0; i < activated.Length; i++) activated[i] += input[i];
            input = activated;
        }
        return new ForwardPass(h, z, u, normalized, inverseStd, masks, multiplyAdds);
    }

    /// <summary>Hidden layer l's batch normalization of Z_l; in training mode it keeps x̂ and 1/√(σ² + ε) for the backward pass.</summary>
    private double[] BatchNorm(int l, double[] z, int n, double[]?[] normalized, double[]?[] inverseStd)
    {
        var norm = _norms[l];
        if (!norm.Training) return Storage.ColumnMajor(norm.Forward(Batch(z, n)));
        var y = new double[z.Length];
        (normalized[l], inverseStd[l]) = (new double[z.Length], new double[norm.NumFeatures]);
        norm.TrainingForward(z, n, y, normalized[l]!, inverseStd[l]!, updateRunningStatistics: true);
        return y;
    }

    /// <summary>The backward pass from δ_L = ∂ℓ/∂Z_L (column-major) to every parameter's gradient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // hot: compiled optimised at once, not after tiering
    private MlpGradients Backpropagate(ForwardPass pass, double[] delta, double loss)
    {
        var (n, layers) = (pass.H[0].Length / Sizes[0], _weights.Length);
        var (weights, biases) = (new Matrix<double>[layers], HasBias ? new Vector<double>[layers] : []);
        var (gammas, betas) = (new Vector<double>[_norms.Length], new Vector<double>[_norms.Length]);
        long multiplyAdds = 0;
        double[]? shortcut = null;   // ∂ℓ/∂H_l that reaches H_{l−1} directly through a residual block's identity
        for (var l = layers - 1; l >= 0; l--)
        {
            var (outputs, inputs) = (Sizes[l + 1], Sizes[l]);
            weights[l] = Matrix<double>.Build.Dense(outputs, inputs, Dense.WeightGradient(delta, pass.H[l], n, outputs, inputs));
            multiplyAdds += (long)n * inputs * outputs;
            if (HasBias) biases[l] = Vector<double>.Build.Dense(Dense.BiasGradient(delta, n, outputs));
            if (l == 0) break;   // ∂ℓ/∂x is not needed
            var dH = InputGradient(delta, l, n, ref multiplyAdds);
            if (shortcut is not null)
                for (var i = 0; i < dH.Length; i++) dH[i] += shortcut[i];
            shortcut = Residual && l - 1 > 0 ? dH : null;
            delta = HiddenBackward(pass, l - 1, dH, n, gammas, betas);
        }
        return new MlpGradients(loss, weights, biases, gammas, betas, pass.MultiplyAdds, multiplyAdds);
    }

    /// <summary>∂ℓ/∂H_{l−1} = δ_l W_l (N×d_{l−1}, column-major) for layer index <paramref name="l"/> (0-based; W_l is _weights[l]).</summary>
    private double[] InputGradient(double[] delta, int l, int n, ref long multiplyAdds)
    {
        var (outputs, inputs) = (Sizes[l + 1], Sizes[l]);
        multiplyAdds += (long)n * inputs * outputs;
        return Dense.InputGradient(delta, n, Storage.ColumnMajor(_weights[l]), outputs, inputs);
    }

    /// <summary>From ∂ℓ/∂H_j of hidden layer j (0-based) back to δ_j = ∂ℓ/∂Z_j: through the dropout mask, f′ and the batch normalization.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // hot: compiled optimised at once, not after tiering
    private double[] HiddenBackward(ForwardPass pass, int j, double[] dH, int n, Vector<double>[] gammas, Vector<double>[] betas)
    {
        var du = new double[dH.Length];
        var mask = pass.Masks[j];
        for (var i = 0; i < du.Length; i++) du[i] = dH[i] * (mask?[i] ?? 1) * Activation.Derivative(pass.U[j][i]);
        if (_norms.Length == 0) return du;
        if (pass.Normalized[j] is not { } normalized)   // evaluation mode: the running statistics are constants
        {
            var (dx, dg, db) = _norms[j].Backward(Batch(pass.Z[j], n), Batch(du, n));
            (gammas[j], betas[j]) = (dg, db);
            return Storage.ColumnMajor(dx);
        }
        var (dz, dGamma, dBeta) = (new double[du.Length], new double[_norms[j].NumFeatures], new double[_norms[j].NumFeatures]);
        _norms[j].TrainingBackward(du, normalized, pass.InverseStd[j]!, n, dz, dGamma, dBeta);
        (gammas[j], betas[j]) = (Vector<double>.Build.Dense(dGamma), Vector<double>.Build.Dense(dBeta));
        return dz;
    }


    private static Matrix<double> Batch(double[] values, int rows) => Matrix<double>.Build.Dense(rows, values.Length / rows, values);
}

/// <summary>The loss of a batch, its gradients (one entry per layer) and the work the two passes did (<see cref="Mlp.Gradients(Matrix{double}, Matrix{double})"/>).</summary>
/// <param name="Loss">The loss of the batch (mean squared error or cross-entropy).</param>
/// <param name="Weights">∂ℓ/∂W_l, shaped like W_l.</param>
/// <param name="Biases">∂ℓ/∂b_l, shaped like b_l; empty for a network without biases.</param>
/// <param name="Gammas">∂ℓ/∂γ of each hidden layer's batch normalization; empty without batch normalization.</param>
/// <param name="Betas">∂ℓ/∂β of each hidden layer's batch normalization; empty without batch normalization.</param>
/// <param name="ForwardMultiplyAdds">The multiply–adds of the matrix products the forward pass performed, counted at
/// each product: N·d_{l−1}·d_l for each layer Z_l = H_{l−1}W_lᵀ. (Bias additions, activations, normalization and the loss, all
/// O(N·d) rather than O(N·d²), are not counted.)</param>
/// <param name="BackwardMultiplyAdds">The same for the backward pass: ∂ℓ/∂W_l = δ_lᵀH_{l−1} for every layer and
/// δ_l W_l for every layer but the first, whose input gradient is not needed.</param>
public sealed record MlpGradients(double Loss, IReadOnlyList<Matrix<double>> Weights, IReadOnlyList<Vector<double>> Biases,
    IReadOnlyList<Vector<double>> Gammas, IReadOnlyList<Vector<double>> Betas, long ForwardMultiplyAdds, long BackwardMultiplyAdds);
