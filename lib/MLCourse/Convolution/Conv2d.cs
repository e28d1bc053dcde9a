using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Convolution;

/// <summary>
/// Two-dimensional convolution of one multi-channel image, the numbers of <c>torch.nn.functional.conv2d</c> (one
/// sample of the batch). Introduced in notebook 20 (convolution, pooling and residual networks).
/// </summary>
/// <remarks>
/// <para>Like every deep-learning "convolution" it is a <b>cross-correlation</b>: the kernel is not flipped. With C_in
/// input channels x_c (H×W each), C_out filters, each a stack of C_in/groups kernels w[o][c] of k_h×k_w, a bias b,
/// stride s, zero padding p and dilation d:
/// y[o][i, j] = b[o] + Σ_c Σ_{u&lt;k_h} Σ_{v&lt;k_w} w[o][c][u, v]·x_pad[c][i·s + u·d, j·s + v·d],
/// where x_pad is x with p rows and columns of zeros on every side. The output is H_out×W_out with
/// H_out = ⌊(H + 2p − d(k_h − 1) − 1)/s⌋ + 1 (<see cref="OutputSize"/>), likewise W_out. A true convolution
/// (Σ x[i − u, j − v]·w[u, v]) is this operation with the kernel rotated by 180°.</para>
/// <para>With groups g, the input channels are split into g consecutive groups of C_in/g and the filters into g groups of
/// C_out/g; filter o sees only the channels of its group o / (C_out/g), so weight[o] has C_in/g kernels
/// (<c>groups</c> of <c>nn.Conv2d</c>; g = C_in is a depthwise convolution).</para>
/// <para>The loops run over flat arrays (no MathNet indexers inside), in time proportional to
/// C_out·(C_in/g)·k_h·k_w·H_out·W_out.</para>
/// </remarks>
public static class Conv2d
{
    /// <summary>
    /// The number of window positions along one axis: ⌊(size + 2·padding − dilation·(kernel − 1) − 1)/stride⌋ + 1,
    /// i.e. ⌊(size + 2p − k)/s⌋ + 1 without dilation (PyTorch's formula for <c>Conv2d</c>, <c>MaxPool2d</c> and
    /// <c>AvgPool2d</c> in floor mode). Range: size, kernel, stride, dilation ≥ 1; padding ≥ 0; the dilated kernel must
    /// fit into the padded size.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or setting is out of range.</exception>
    /// <exception cref="ArgumentException">The dilated kernel is larger than the padded input (ParamName <c>kernel</c>).</exception>
    public static int OutputSize(int size, int kernel, int stride = 1, int padding = 0, int dilation = 1)
    {
        Guard.Positive(size, nameof(size));
        Guard.Positive(kernel, nameof(kernel));
        ConvolutionGeometry.CheckSettings(stride, padding, dilation, 1);
        var span = dilation * (kernel - 1) + 1;
        if (span > size + 2 * padding)
            throw new ArgumentException($"the kernel spans {span} positions but the padded input has only {size + 2 * padding} ({size} + 2·{padding}).", nameof(kernel));
        return (size + 2 * padding - span) / stride + 1;
    }

    /// <summary>The cross-correlation described on the class, the numbers of <c>F.conv2d(x[None], w, b, stride, padding, dilation, groups)[0]</c>.</summary>
    /// <param name="input">C_in channels, each H×W (all the same size).</param>
    /// <param name="weight">C_out filters; <c>weight[o][c]</c> is the k_h×k_w kernel of filter o for channel c of its group
    /// (C_in/groups kernels per filter, all the same size); PyTorch's weight[o, c].</param>
    /// <param name="bias">One bias per filter (length C_out), or null for none.</param>
    /// <param name="stride">s ≥ 1, the step of the window.</param>
    /// <param name="padding">p ≥ 0 rows and columns of zeros on each side.</param>
    /// <param name="dilation">d ≥ 1, the spacing of the kernel's taps.</param>
    /// <param name="groups">g ≥ 1, dividing C_in and C_out.</param>
    /// <returns>C_out channels, each H_out×W_out.</returns>
    /// <exception cref="ArgumentException">Channels of unequal size or none (ParamName <c>input</c>); a filter with the wrong number of
    /// kernels, kernels of unequal size or no filter (<c>weight</c>); a bias of the wrong length (<c>bias</c>); a stride, padding,
    /// dilation or groups out of range (their names); a kernel larger than the padded input (<c>input</c>). The message names the shapes.</exception>
    public static Matrix<double>[] Forward(Matrix<double>[] input, Matrix<double>[][] weight, Vector<double>? bias = null,
        int stride = 1, int padding = 0, int dilation = 1, int groups = 1)
    {
        var geometry = Geometry(input, weight, stride, padding, dilation, groups);
        if (bias is not null && bias.Count != geometry.OutChannels)
            throw new ArgumentException($"bias has length {bias.Count} but the weight has {geometry.OutChannels} filters: one bias per output channel.", nameof(bias));
        var y = geometry.Forward(Array.ConvertAll(input, Storage.ColumnMajor), Flatten(weight, geometry), bias?.ToArray());
        return ConvolutionGeometry.Channels(y, geometry.OutHeight, geometry.OutWidth);
    }

    /// <summary>
    /// The backward pass of <see cref="Forward"/> for an upstream gradient gy = ∂L/∂y: ∂L/∂x, ∂L/∂w and ∂L/∂b, the
    /// gradients PyTorch's autograd gives <c>x.grad</c>, <c>w.grad</c> and <c>b.grad</c>. Each output
    /// y[o][i, j] = Σ w·x_pad + b is linear in x and in w, so
    /// ∂L/∂w[o][c][u, v] = Σ_{i,j} gy[o][i, j]·x_pad[c][i·s + u·d, j·s + v·d] (a cross-correlation of the input with the
    /// upstream gradient), ∂L/∂b[o] = Σ_{i,j} gy[o][i, j], and ∂L/∂x scatters w[o][c][u, v]·gy[o][i, j] back onto the
    /// input position each tap read (a "full" convolution of gy with the kernel; taps that read padding are dropped).
    /// </summary>
    /// <param name="input">The forward pass's input.</param>
    /// <param name="weight">The forward pass's weight.</param>
    /// <param name="gradOutput">∂L/∂y: C_out channels of H_out×W_out.</param>
    /// <param name="stride">As in the forward pass.</param>
    /// <param name="padding">As in the forward pass.</param>
    /// <param name="dilation">As in the forward pass.</param>
    /// <param name="groups">As in the forward pass.</param>
    /// <returns>Input: ∂L/∂x shaped like the input; Weight: ∂L/∂w shaped like the weight; Bias: ∂L/∂b (length C_out).</returns>
    /// <exception cref="ArgumentException">As in <see cref="Forward"/>, or gradOutput is not C_out channels of H_out×W_out (ParamName <c>gradOutput</c>).</exception>
    public static Conv2dGradients Backward(Matrix<double>[] input, Matrix<double>[][] weight, Matrix<double>[] gradOutput,
        int stride = 1, int padding = 0, int dilation = 1, int groups = 1)
    {
        var geometry = Geometry(input, weight, stride, padding, dilation, groups);
        var w = Flatten(weight, geometry);
        var (gx, gw, gb) = geometry.Backward(Array.ConvertAll(input, Storage.ColumnMajor), w, UpstreamStorage(gradOutput, geometry));
        return new Conv2dGradients(ConvolutionGeometry.Channels(gx, geometry.Height, geometry.Width), Kernels(gw, geometry), Vector<double>.Build.Dense(gb));
    }

    /// <summary>
    /// im2col, the numbers of <c>torch.nn.functional.unfold(x[None], (k_h, k_w), dilation, padding, stride)[0]</c>: a
    /// (C·k_h·k_w)×(H_out·W_out) matrix whose column i·W_out + j is the receptive window of output (i, j), flattened in
    /// the order (channel, kernel row, kernel column). A convolution is then one matrix product: with the weight reshaped to
    /// C_out×(C·k_h·k_w) (filter o's kernels flattened in the same order), row o of W·Unfold(x) plus b[o] is output channel
    /// o, read row by row.
    /// </summary>
    /// <param name="input">C channels, each H×W.</param>
    /// <param name="kernelHeight">k_h ≥ 1.</param>
    /// <param name="kernelWidth">k_w ≥ 1.</param>
    /// <param name="stride">s ≥ 1.</param>
    /// <param name="padding">p ≥ 0.</param>
    /// <param name="dilation">d ≥ 1.</param>
    /// <exception cref="ArgumentException">Channels of unequal size or none, a setting out of range, or a kernel larger than the padded input.</exception>
    public static Matrix<double> Unfold(Matrix<double>[] input, int kernelHeight, int kernelWidth, int stride = 1, int padding = 0, int dilation = 1)
    {
        var (height, width) = ChannelSize(input, nameof(input));
        Guard.Positive(kernelHeight, nameof(kernelHeight));
        Guard.Positive(kernelWidth, nameof(kernelWidth));
        var geometry = new ConvolutionGeometry(input.Length, height, width, 1, 1, kernelHeight, kernelWidth, stride, padding, dilation);
        geometry.Validate(nameof(input));
        return geometry.Unfold(Array.ConvertAll(input, Storage.ColumnMajor));
    }

    /// <summary>Validates input and weight and returns their geometry.</summary>
    private static ConvolutionGeometry Geometry(Matrix<double>[] input, Matrix<double>[][] weight, int stride, int padding, int dilation, int groups)
    {
        var (height, width) = ChannelSize(input, nameof(input));
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Length == 0) throw new ArgumentException("weight has no filters: give at least one output channel.", nameof(weight));
        var first = weight[0]?.FirstOrDefault() ?? throw new ArgumentException("weight[0] has no kernels.", nameof(weight));
        var geometry = new ConvolutionGeometry(input.Length, height, width, weight.Length, groups, first.RowCount, first.ColumnCount, stride, padding, dilation);
        geometry.Validate(nameof(input));
        for (var o = 0; o < weight.Length; o++)
        {
            var filter = weight[o] ?? throw new ArgumentNullException(nameof(weight), $"weight[{o}] is null.");
            if (filter.Length != geometry.InPerGroup)
                throw new ArgumentException(
                    $"weight[{o}] has {filter.Length} kernels but input has {input.Length} channels ({input.Length}×{height}×{width})" +
                    (groups > 1 ? $" in {groups} groups" : "") + $": each filter needs one kernel per input channel of its group, {geometry.InPerGroup}.", nameof(weight));
            for (var c = 0; c < filter.Length; c++)
            {
                var kernel = filter[c] ?? throw new ArgumentNullException(nameof(weight), $"weight[{o}][{c}] is null.");
                if (kernel.RowCount != first.RowCount || kernel.ColumnCount != first.ColumnCount)
                    throw new ArgumentException($"weight[{o}][{c}] is {Guard.Shape(kernel)} but weight[0][0] is {Guard.Shape(first)}: all kernels must have the same size.", nameof(weight));
            }
        }
        return geometry;
    }

    /// <summary>The common H×W of the channels; rejects none, a null channel or unequal sizes.</summary>
    internal static (int Height, int Width) ChannelSize(Matrix<double>[] channels, string name)
    {
        ArgumentNullException.ThrowIfNull(channels, name);
        if (channels.Length == 0) throw new ArgumentException($"{name} has no channels.", name);
        var first = channels[0] ?? throw new ArgumentNullException(name, $"{name}[0] is null.");
        for (var c = 1; c < channels.Length; c++)
        {
            var channel = channels[c] ?? throw new ArgumentNullException(name, $"{name}[{c}] is null.");
            if (channel.RowCount != first.RowCount || channel.ColumnCount != first.ColumnCount)
                throw new ArgumentException($"{name}[{c}] is {Guard.Shape(channel)} but {name}[0] is {Guard.Shape(first)}: all channels must have the same size.", name);
        }
        return (first.RowCount, first.ColumnCount);
    }

    /// <summary>Checks an upstream gradient against the output shape and returns its storage.</summary>
    internal static double[][] UpstreamStorage(Matrix<double>[] gradOutput, ConvolutionGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(gradOutput);
        var expected = $"{geometry.OutChannels} channels of {geometry.OutHeight}×{geometry.OutWidth}";
        if (gradOutput.Length != geometry.OutChannels)
            throw new ArgumentException($"gradOutput has {gradOutput.Length} channels but the output is {expected}.", nameof(gradOutput));
        for (var o = 0; o < gradOutput.Length; o++)
            if (gradOutput[o] is not { } g || g.RowCount != geometry.OutHeight || g.ColumnCount != geometry.OutWidth)
                throw new ArgumentException($"gradOutput[{o}] is {(gradOutput[o] is null ? "null" : Guard.Shape(gradOutput[o]))} but the output is {expected}.", nameof(gradOutput));
        return Array.ConvertAll(gradOutput, Storage.ColumnMajor);
    }

    /// <summary>The weight as one flat array in PyTorch's order (o, c, u, v).</summary>
    private static double[] Flatten(Matrix<double>[][] weight, ConvolutionGeometry geometry)
    {
        var (kh, kw) = (geometry.KernelHeight, geometry.KernelWidth);
        var flat = new double[geometry.WeightLength];
        for (var o = 0; o < weight.Length; o++)
            for (var c = 0; c < geometry.InPerGroup; c++)
            {
                var kernel = Storage.ColumnMajor(weight[o][c]);   // column-major: (u, v) at v·k_h + u
                for (var u = 0; u < kh; u++)
                    for (var v = 0; v < kw; v++)
                        flat[((o * geometry.InPerGroup + c) * kh + u) * kw + v] = kernel[v * kh + u];
            }
        return flat;
    }

    /// <summary>A flat (o, c, u, v) array as weight[o][c] matrices.</summary>
    internal static Matrix<double>[][] Kernels(double[] flat, ConvolutionGeometry geometry)
    {
        var (kh, kw, perGroup) = (geometry.KernelHeight, geometry.KernelWidth, geometry.InPerGroup);
        var kernels = new Matrix<double>[geometry.OutChannels][];
        for (var o = 0; o < kernels.Length; o++)
        {
            kernels[o] = new Matrix<double>[perGroup];
            for (var c = 0; c < perGroup; c++)
                kernels[o][c] = Matrix<double>.Build.Dense(kh, kw, (u, v) => flat[((o * perGroup + c) * kh + u) * kw + v]);
        }
        return kernels;
    }
}

/// <summary>The gradients of a convolution (<see cref="Conv2d.Backward"/>, <see cref="Conv2dLayer.Backward"/>).</summary>
/// <param name="Input">∂L/∂x, shaped like the input (C_in channels of H×W).</param>
/// <param name="Weight">∂L/∂w, shaped like the weight (weight[o][c] of k_h×k_w).</param>
/// <param name="Bias">∂L/∂b, one entry per output channel (what the bias would receive; computed also for a layer without bias).</param>
public sealed record Conv2dGradients(Matrix<double>[] Input, Matrix<double>[][] Weight, Vector<double> Bias);
