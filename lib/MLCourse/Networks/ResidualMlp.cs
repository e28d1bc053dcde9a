using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;
using MLCourse.Losses;
using MLCourse.Normalization;
using MLCourse.Numerics;
using MLCourse.Optimization;

namespace MLCourse.Networks;

/// <summary>
/// A deep fully connected classifier built from blocks, with or without skip connections: the vector version of a ResNet,
/// for comparing a plain and a residual network of the same depth (notebook 20: gradient norms through depth, and the
/// degradation problem). Trained on the mean cross-entropy (<c>F.cross_entropy</c>).
/// </summary>
/// <remarks>
/// <para><b>Layers.</b> A unit is Linear → [BatchNorm1d] → f. The network is a stem unit (inputSize → width), then B blocks
/// of m units (width → width), then a linear head (width → outputSize, no activation). Block b maps its input h_b to
/// h_{b+1} = h_b + g_b(h_b) when residual and h_{b+1} = g_b(h_b) when plain, where g_b is its m units in sequence. So a
/// residual block's Jacobian is I + ∂g_b/∂h_b, and a plain network of the same depth is the same layers without the
/// additions. The number of linear layers is <see cref="Depth"/> = B·m + 2.</para>
/// <para><b>Batch norm</b> always uses the batch's statistics (PyTorch's training mode, which also updates the layers'
/// running statistics); there is no evaluation mode. Setting γ = 0 in a block's last unit makes g_b = f(β) = f(0) = 0 for
/// ReLU or tanh, so the block is exactly the identity (torchvision's <c>zero_init_residual</c>).</para>
/// <para><b>Initialisation.</b> By default as PyTorch's <c>nn.Linear</c>: weights and biases U(±1/√fan_in), drawn layer by
/// layer (weight, then bias); BN γ = 1, β = 0. With <c>weightStd</c>, every weight is N(0, weightStd²) and every bias 0.</para>
/// <para>Layer l of <see cref="Weights"/>, <see cref="Biases"/> and <see cref="Norms"/>: 0 is the stem, 1 + b·m + k is unit k
/// of block b (<see cref="Layer"/>), Depth − 1 the head (which has no norm). The passes run on column-major arrays.</para>
/// </remarks>
public sealed class ResidualMlp
{
    private readonly Matrix<double>[] _weights;
    private readonly Vector<double>[] _biases;
    private readonly BatchNorm1d[] _norms;

    /// <summary>Builds the network.</summary>
    /// <param name="inputSize">The number of input features ≥ 1.</param>
    /// <param name="width">The width of every hidden layer ≥ 1.</param>
    /// <param name="outputSize">The number of classes ≥ 1.</param>
    /// <param name="blocks">B ≥ 0.</param>
    /// <param name="layersPerBlock">m ≥ 1 units per block.</param>
    /// <param name="activation">f, after every unit.</param>
    /// <param name="residual">True: h_{b+1} = h_b + g_b(h_b); false: h_{b+1} = g_b(h_b).</param>
    /// <param name="batchNorm">Whether every unit normalises its linear output (batch statistics).</param>
    /// <param name="random">The generator of the initial parameters.</param>
    /// <param name="weightStd">null: PyTorch's default initialisation; otherwise the standard deviation of every weight (biases 0). Range: &gt; 0.</param>
    /// <exception cref="ArgumentException">A size out of range.</exception>
    public ResidualMlp(int inputSize, int width, int outputSize, int blocks, int layersPerBlock, ActivationFunction activation, bool residual,
        bool batchNorm, System.Random random, double? weightStd = null)
    {
        Guard.Positive(inputSize, nameof(inputSize));
        Guard.Positive(width, nameof(width));
        Guard.Positive(outputSize, nameof(outputSize));
        Guard.NonNegative(blocks, nameof(blocks));
        Guard.Positive(layersPerBlock, nameof(layersPerBlock));
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(random);
        if (weightStd is double std) Guard.Positive(std, nameof(weightStd));
        (InputSize, Width, OutputSize, Blocks, LayersPerBlock, Activation, Residual) = (inputSize, width, outputSize, blocks, layersPerBlock, activation, residual);
        var depth = blocks * layersPerBlock + 2;
        (_weights, _biases) = (new Matrix<double>[depth], new Vector<double>[depth]);
        for (var l = 0; l < depth; l++)
        {
            var (inputs, outputs) = (l == 0 ? inputSize : width, l == depth - 1 ? outputSize : width);
            if (weightStd is double s)
                (_weights[l], _biases[l]) = (s * Rng.StandardNormal(outputs, inputs, random), Vector<double>.Build.Dense(outputs));
            else
            {
                var (w, b) = Dense.Initialise(outputs, inputs, random);
                (_weights[l], _biases[l]) = (w, b!);
            }
        }
        _norms = batchNorm ? Enumerable.Range(0, depth - 1).Select(_ => new BatchNorm1d(width)).ToArray() : [];
    }

    /// <summary>The number of input features.</summary>
    public int InputSize { get; }

    /// <summary>The hidden width.</summary>
    public int Width { get; }

    /// <summary>The number of classes.</summary>
    public int OutputSize { get; }

    /// <summary>B, the number of blocks.</summary>
    public int Blocks { get; }

    /// <summary>m, the units per block.</summary>
    public int LayersPerBlock { get; }

    /// <summary>f.</summary>
    public ActivationFunction Activation { get; }

    /// <summary>Whether the blocks add their input to their output.</summary>
    public bool Residual { get; }

    /// <summary>The number of linear layers, B·m + 2 (stem and head included).</summary>
    public int Depth => _weights.Length;

    /// <summary>The live weights, layer l of shape out×in (PyTorch's layout).</summary>
    public IReadOnlyList<Matrix<double>> Weights => _weights;

    /// <summary>The live biases.</summary>
    public IReadOnlyList<Vector<double>> Biases => _biases;

    /// <summary>The live batch-norm layers of layers 0 … Depth − 2 (empty without batch norm).</summary>
    public IReadOnlyList<BatchNorm1d> Norms => _norms;

    /// <summary>Every trainable tensor as a live vector over its storage, in the order of <see cref="ResidualMlpGradients.Parameters"/>:
    /// per layer its weight (column-major) and bias, then, with batch norm, per norm its γ and β.</summary>
    public IReadOnlyList<Vector<double>> Parameters =>
    [
        .. Enumerable.Range(0, Depth).SelectMany(l => new[] { Vector<double>.Build.Dense(Storage.ColumnMajor(_weights[l])), _biases[l] }),
        .. _norms.SelectMany(bn => new[] { bn.Gamma, bn.Beta }),
    ];

    /// <summary>The number of trainable numbers, counted from the built tensors.</summary>
    public int ParameterCount => Parameters.Sum(p => p.Count);

    /// <summary>The index of unit <paramref name="unit"/> of block <paramref name="block"/> in <see cref="Weights"/>: 1 + b·m + k.</summary>
    /// <exception cref="ArgumentOutOfRangeException">block or unit out of range.</exception>
    public int Layer(int block, int unit)
    {
        Guard.InRangeHalfOpen(block, 0, Blocks, nameof(block));
        Guard.InRangeHalfOpen(unit, 0, LayersPerBlock, nameof(unit));
        return 1 + block * LayersPerBlock + unit;
    }

    /// <summary>The logits (N×outputSize) of the N×inputSize batch <paramref name="x"/> (batch norm on this batch's statistics).</summary>
    /// <exception cref="ArgumentException">x does not have inputSize columns, or has one row with batch norm.</exception>
    public Matrix<double> Forward(Matrix<double> x) => Matrix<double>.Build.Dense(x.RowCount, OutputSize, Pass(x).Logits);

    /// <summary>Block <paramref name="block"/> alone on the N×width batch <paramref name="h"/>: h + g_b(h) (residual) or g_b(h).</summary>
    /// <exception cref="ArgumentException">h does not have width columns (or has one row with batch norm); block out of range.</exception>
    public Matrix<double> BlockForward(int block, Matrix<double> h)
    {
        Guard.InRangeHalfOpen(block, 0, Blocks, nameof(block));
        CheckBatch(h, Width, nameof(h), "width");
        var pass = new Cache(h.RowCount, Depth);
        return Matrix<double>.Build.Dense(h.RowCount, Width, BlockPass(block, Storage.ColumnMajor(h), pass));
    }

    /// <summary>
    /// The mean cross-entropy of the batch and, by backpropagation, its gradient with respect to every parameter, to the
    /// input and to every block's input h_0 … h_B (h_0 is the stem's output, h_B the head's input). Through a residual
    /// block the gradient is ∂L/∂h_b = ∂L/∂h_{b+1}·(I + ∂g_b/∂h_b): the identity term passes it on unchanged.
    /// </summary>
    /// <param name="x">N×inputSize.</param>
    /// <param name="labels">N class indices in [0, outputSize).</param>
    /// <exception cref="ArgumentException">A shape does not match or a label is out of range.</exception>
    public ResidualMlpGradients Gradients(Matrix<double> x, int[] labels)
    {
        var pass = Pass(x);
        var n = x.RowCount;
        var logits = Matrix<double>.Build.Dense(n, OutputSize, pass.Logits);
        var loss = Loss.CrossEntropy(logits, labels);
        var delta = Storage.ColumnMajor(Loss.CrossEntropyGradient(logits, labels));
        var (weightGradients, biasGradients) = (new double[Depth][], new double[Depth][]);
        var (gammaGradients, betaGradients) = (_norms.Select(_ => new double[Width]).ToArray(), _norms.Select(_ => new double[Width]).ToArray());
        var head = Depth - 1;
        (weightGradients[head], biasGradients[head]) = (Dense.WeightGradient(delta, pass.Inputs[head], n, OutputSize, Width), Dense.BiasGradient(delta, n, OutputSize));
        var dh = Dense.InputGradient(delta, n, Storage.ColumnMajor(_weights[head]), OutputSize, Width);
        var blockInputs = new Matrix<double>[Blocks + 1];
        blockInputs[Blocks] = Matrix<double>.Build.Dense(n, Width, dh);
        for (var b = Blocks - 1; b >= 0; b--)
        {
            var du = dh;
            for (var k = LayersPerBlock - 1; k >= 0; k--)
                du = UnitBackward(1 + b * LayersPerBlock + k, du, pass, weightGradients, biasGradients, gammaGradients, betaGradients);
            dh = Residual ? Add(dh, du) : du;
            blockInputs[b] = Matrix<double>.Build.Dense(n, Width, dh);
        }
        var dx = UnitBackward(0, dh, pass, weightGradients, biasGradients, gammaGradients, betaGradients);
        var parameters = new List<Vector<double>>();
        for (var l = 0; l < Depth; l++) parameters.AddRange([Vector<double>.Build.Dense(weightGradients[l]), Vector<double>.Build.Dense(biasGradients[l])]);
        for (var l = 0; l < _norms.Length; l++) parameters.AddRange([Vector<double>.Build.Dense(gammaGradients[l]), Vector<double>.Build.Dense(betaGradients[l])]);
        var weights = Enumerable.Range(0, Depth).Select(l => Matrix<double>.Build.Dense(_weights[l].RowCount, _weights[l].ColumnCount, weightGradients[l])).ToArray();
        return new ResidualMlpGradients(loss, parameters, weights, blockInputs, Matrix<double>.Build.Dense(n, InputSize, dx));
    }

    /// <summary>
    /// Full-batch training: <paramref name="steps"/> times, the gradients of <see cref="Gradients"/> and one optimizer step
    /// on every parameter tensor (one optimizer per tensor, made by <paramref name="optimizer"/>, e.g.
    /// <c>() =&gt; new SGD(0.05, momentum: 0.9)</c>: the same updates as one PyTorch optimizer over all parameters).
    /// </summary>
    /// <returns>The loss before each step.</returns>
    /// <exception cref="ArgumentException">A shape does not match, or steps &lt; 0.</exception>
    public double[] Train(Matrix<double> x, int[] labels, int steps, Func<IOptimizer> optimizer)
    {
        Guard.NonNegative(steps, nameof(steps));
        ArgumentNullException.ThrowIfNull(optimizer);
        var parameters = Parameters;
        var optimizers = parameters.Select(_ => optimizer()).ToArray();
        var losses = new double[steps];
        for (var t = 0; t < steps; t++)
        {
            var gradients = Gradients(x, labels);
            losses[t] = gradients.Loss;
            for (var p = 0; p < parameters.Count; p++) optimizers[p].Step(parameters[p], gradients.Parameters[p]);
        }
        return losses;
    }

    /// <summary>What the forward pass keeps for the backward pass, per layer (column-major N×d arrays).</summary>
    private sealed class Cache(int n, int depth)
    {
        public int N { get; } = n;
        public double[][] Inputs { get; } = new double[depth][];          // the layer's input
        public double[][] PreActivations { get; } = new double[depth][];  // after the norm, before f
        public double[][] Normalized { get; } = new double[depth][];      // x̂ of the norm
        public double[][] InverseStd { get; } = new double[depth][];      // 1/√(σ² + ε) per feature
        public double[] Logits { get; set; } = [];
    }

    private Cache Pass(Matrix<double> x)
    {
        CheckBatch(x, InputSize, nameof(x), "inputSize");
        var pass = new Cache(x.RowCount, Depth);
        var h = Unit(0, Storage.ColumnMajor(x), pass);
        for (var b = 0; b < Blocks; b++) h = BlockPass(b, h, pass);
        pass.Inputs[Depth - 1] = h;
        pass.Logits = Dense.Forward(h, pass.N, Storage.ColumnMajor(_weights[^1]), OutputSize, Width, Storage.Values(_biases[^1]));
        return pass;
    }

    private double[] BlockPass(int block, double[] h, Cache pass)
    {
        var u = h;
        for (var k = 0; k < LayersPerBlock; k++) u = Unit(1 + block * LayersPerBlock + k, u, pass);
        return Residual ? Add(h, u) : u;
    }

    /// <summary>f(BN(input Wᵀ + b)) for hidden layer l, caching what the backward pass needs.</summary>
    private double[] Unit(int l, double[] input, Cache pass)
    {
        var (n, inputs) = (pass.N, _weights[l].ColumnCount);
        var z = Dense.Forward(input, n, Storage.ColumnMajor(_weights[l]), Width, inputs, Storage.Values(_biases[l]));
        if (_norms.Length > 0)
        {
            var (y, normalized, inverseStd) = (new double[z.Length], new double[z.Length], new double[Width]);
            _norms[l].TrainingForward(z, n, y, normalized, inverseStd, updateRunningStatistics: true);
            (z, pass.Normalized[l], pass.InverseStd[l]) = (y, normalized, inverseStd);
        }
        (pass.Inputs[l], pass.PreActivations[l]) = (input, z);
        return Array.ConvertAll(z, v => Activation.Value(v));
    }

    /// <summary>Backpropagates ∂L/∂(output of hidden layer l) to its input, storing the layer's parameter gradients.</summary>
    private double[] UnitBackward(int l, double[] upstream, Cache pass, double[][] weights, double[][] biases, double[][] gammas, double[][] betas)
    {
        var (n, inputs) = (pass.N, _weights[l].ColumnCount);
        var delta = new double[upstream.Length];
        for (var i = 0; i < delta.Length; i++) delta[i] = upstream[i] * Activation.Derivative(pass.PreActivations[l][i]);
        if (_norms.Length > 0)
        {
            var dz = new double[delta.Length];
            _norms[l].TrainingBackward(delta, pass.Normalized[l], pass.InverseStd[l], n, dz, gammas[l], betas[l]);
            delta = dz;
        }
        (weights[l], biases[l]) = (Dense.WeightGradient(delta, pass.Inputs[l], n, Width, inputs), Dense.BiasGradient(delta, n, Width));
        return Dense.InputGradient(delta, n, Storage.ColumnMajor(_weights[l]), Width, inputs);
    }

    private void CheckBatch(Matrix<double> x, int columns, string name, string what)
    {
        Guard.Columns(x, columns, name, what);
        if (_norms.Length > 0) BatchNorm1d.CheckTrainingBatch(x, name, hasEvaluationMode: false);
    }

    private static double[] Add(double[] a, double[] b)
    {
        var sum = new double[a.Length];
        for (var i = 0; i < a.Length; i++) sum[i] = a[i] + b[i];
        return sum;
    }

}

/// <summary>The loss of a batch and its gradients (<see cref="ResidualMlp.Gradients"/>).</summary>
/// <param name="Loss">The mean cross-entropy.</param>
/// <param name="Parameters">∂L/∂θ for every tensor of <see cref="ResidualMlp.Parameters"/>, in the same order and layout.</param>
/// <param name="Weights">∂L/∂W_l, shaped like W_l (layer 0 is the stem, the last the head).</param>
/// <param name="BlockInputs">∂L/∂h_b for b = 0 … B (N×width each): h_0 is the first block's input, h_B the head's input.</param>
/// <param name="Input">∂L/∂x (N×inputSize).</param>
public sealed record ResidualMlpGradients(double Loss, IReadOnlyList<Vector<double>> Parameters, IReadOnlyList<Matrix<double>> Weights,
    IReadOnlyList<Matrix<double>> BlockInputs, Matrix<double> Input);
