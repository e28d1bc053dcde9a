using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Convolution;

/// <summary>
/// A convolution layer with its own parameters, <c>torch.nn.Conv2d(inChannels, outChannels, kernelSize, stride, padding,
/// dilation, groups, bias)</c> on one sample: the same numbers as <see cref="Conv2d.Forward"/> with this layer's weight.
/// Introduced in notebook 20 (parameter counts, receptive fields, ResNet and Inception built by hand).
/// </summary>
/// <remarks>
/// <para>The weight is stored as one flat array in PyTorch's layout (C_out, C_in/groups, k_h, k_w), so
/// <see cref="ParameterCount"/> counts what the layer really holds: C_out·(C_in/groups)·k_h·k_w weights, plus C_out biases.
/// A layer of a ResNet-sized network costs one array, not one object per kernel.</para>
/// <para>Initialisation as PyTorch's <c>reset_parameters</c>: every weight and bias i.i.d. U(−1/√fan_in, 1/√fan_in) with
/// fan_in = (C_in/groups)·k_h·k_w (kaiming_uniform_ with a = √5), weight first, then bias. Without a generator every
/// parameter is 0 (a layer to count, or to fill by hand through <see cref="Weight"/> and <see cref="Bias"/>).</para>
/// </remarks>
public sealed class Conv2dLayer
{
    private readonly double[] _weight;
    private readonly double[]? _bias;

    /// <summary>A layer with a square k×k kernel.</summary>
    /// <inheritdoc cref="Conv2dLayer(int, int, ValueTuple{int, int}, int, int, int, int, bool, Random?)"/>
    public Conv2dLayer(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int dilation = 1, int groups = 1,
        bool bias = true, System.Random? random = null)
        : this(inChannels, outChannels, (kernelSize, kernelSize), stride, padding, dilation, groups, bias, random) { }

    /// <summary>A layer with a k_h×k_w kernel.</summary>
    /// <param name="inChannels">C_in ≥ 1.</param>
    /// <param name="outChannels">C_out ≥ 1.</param>
    /// <param name="kernelSize">(k_h, k_w), each ≥ 1.</param>
    /// <param name="stride">s ≥ 1.</param>
    /// <param name="padding">p ≥ 0 (zeros on each side).</param>
    /// <param name="dilation">d ≥ 1.</param>
    /// <param name="groups">g ≥ 1, dividing C_in and C_out.</param>
    /// <param name="bias">Whether the layer has a bias per output channel (ResNet's convolutions have none: BN follows).</param>
    /// <param name="random">The generator of PyTorch's default initialisation; null leaves every parameter 0.</param>
    /// <exception cref="ArgumentException">A size or setting is out of range, or groups does not divide the channel counts.</exception>
    public Conv2dLayer(int inChannels, int outChannels, (int Height, int Width) kernelSize, int stride = 1, int padding = 0, int dilation = 1,
        int groups = 1, bool bias = true, System.Random? random = null)
    {
        Guard.Positive(inChannels, nameof(inChannels));
        Guard.Positive(outChannels, nameof(outChannels));
        Guard.Positive(kernelSize.Height, nameof(kernelSize));
        Guard.Positive(kernelSize.Width, nameof(kernelSize));
        ConvolutionGeometry.CheckSettings(stride, padding, dilation, groups);
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"groups = {groups} must divide inChannels = {inChannels} and outChannels = {outChannels}.", nameof(groups));
        (InChannels, OutChannels, KernelSize, Stride, Padding, Dilation, Groups) = (inChannels, outChannels, kernelSize, stride, padding, dilation, groups);
        var fanIn = inChannels / groups * kernelSize.Height * kernelSize.Width;
        _weight = new double[outChannels * fanIn];
        _bias = bias ? new double[outChannels] : null;
        if (random is not null)
        {
            var bound = 1 / Math.Sqrt(fanIn);
            Rng.Uniform(_weight.Length, bound, random).CopyTo(Vector<double>.Build.Dense(_weight));
            if (_bias is not null) Rng.Uniform(outChannels, bound, random).CopyTo(Vector<double>.Build.Dense(_bias));
        }
    }

    /// <summary>C_in.</summary>
    public int InChannels { get; }

    /// <summary>C_out.</summary>
    public int OutChannels { get; }

    /// <summary>(k_h, k_w).</summary>
    public (int Height, int Width) KernelSize { get; }

    /// <summary>The stride s.</summary>
    public int Stride { get; }

    /// <summary>The zero padding p on each side.</summary>
    public int Padding { get; }

    /// <summary>The dilation d.</summary>
    public int Dilation { get; }

    /// <summary>The number of groups g.</summary>
    public int Groups { get; }

    /// <summary>The live weight, flattened in PyTorch's order (o, c, u, v): entry ((o·C_in/g + c)·k_h + u)·k_w + v is w[o][c][u, v]. Writing into it changes the layer.</summary>
    public Vector<double> Weight => Vector<double>.Build.Dense(_weight);

    /// <summary>The live bias (length C_out), or null for a layer without bias.</summary>
    public Vector<double>? Bias => _bias is null ? null : Vector<double>.Build.Dense(_bias);

    /// <summary>The number of trainable numbers the layer holds: the entries of its weight and bias arrays.</summary>
    public long ParameterCount => _weight.LongLength + (_bias?.LongLength ?? 0);

    /// <summary>The weight as kernels, <c>[o][c]</c> of k_h×k_w (copies), the form <see cref="Conv2d.Forward"/> takes.</summary>
    public Matrix<double>[][] Kernels() => Conv2d.Kernels(_weight, Geometry(InChannels, 1, 1));   // only the channel and kernel sizes matter

    /// <summary>The output for one input of C_in channels (each H×W): <see cref="Conv2d.Forward"/> with this layer's weight, bias and settings.</summary>
    /// <exception cref="ArgumentException">input does not have C_in channels of one size, or the kernel does not fit (ParamName <c>input</c>).</exception>
    public Matrix<double>[] Forward(Matrix<double>[] input)
    {
        var geometry = Checked(input);
        var y = geometry.Forward(Array.ConvertAll(input, Storage.ColumnMajor), _weight, _bias);
        return ConvolutionGeometry.Channels(y, geometry.OutHeight, geometry.OutWidth);
    }

    /// <summary>∂L/∂x, ∂L/∂w and ∂L/∂b for the upstream gradient ∂L/∂y (<see cref="Conv2d.Backward"/>).</summary>
    /// <exception cref="ArgumentException">input does not fit the layer, or gradOutput is not shaped like the output (ParamName <c>gradOutput</c>).</exception>
    public Conv2dGradients Backward(Matrix<double>[] input, Matrix<double>[] gradOutput)
    {
        var geometry = Checked(input);
        var (gx, gw, gb) = geometry.Backward(Array.ConvertAll(input, Storage.ColumnMajor), _weight, Conv2d.UpstreamStorage(gradOutput, geometry));
        return new Conv2dGradients(ConvolutionGeometry.Channels(gx, geometry.Height, geometry.Width), Conv2d.Kernels(gw, geometry), Vector<double>.Build.Dense(gb));
    }

    /// <summary>The layer's settings on an input of the given size.</summary>
    private ConvolutionGeometry Geometry(int inputChannels, int height, int width) =>
        new(inputChannels, height, width, OutChannels, Groups, KernelSize.Height, KernelSize.Width, Stride, Padding, Dilation);

    private ConvolutionGeometry Checked(Matrix<double>[] input)
    {
        var (height, width) = Conv2d.ChannelSize(input, nameof(input));
        if (input.Length != InChannels)
            throw new ArgumentException($"input has {input.Length} channels ({input.Length}×{height}×{width}) but the layer takes {InChannels}.", nameof(input));
        var geometry = Geometry(InChannels, height, width);
        geometry.Validate(nameof(input));
        return geometry;
    }
}
