using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Convolution;

/// <summary>
/// The shapes of one 2-D convolution and its loops, shared by <see cref="Conv2d"/>, <see cref="Conv2dLayer"/> and
/// <see cref="Conv1d"/>. Channels are column-major arrays (entry (i, j) of an H×W channel at j·H + i, MathNet's storage);
/// the weight is one flat array in PyTorch's order (output, input channel of the group, kernel row, kernel column).
/// The loops compute, for each kernel tap, the range of output positions whose tap lands inside the input, so the inner
/// loop has no bounds test and zero padding costs nothing.
/// </summary>
internal sealed record ConvolutionGeometry(
    int InChannels, int Height, int Width, int OutChannels, int Groups,
    int KernelHeight, int KernelWidth, int Stride, int Padding, int Dilation)
{
    public int InPerGroup => InChannels / Groups;

    public int OutPerGroup => OutChannels / Groups;

    public int OutHeight => Conv2d.OutputSize(Height, KernelHeight, Stride, Padding, Dilation);

    public int OutWidth => Conv2d.OutputSize(Width, KernelWidth, Stride, Padding, Dilation);

    public int WeightLength => OutChannels * InPerGroup * KernelHeight * KernelWidth;

    /// <summary>Validates the hyper-parameters and the input's size against the kernel; shapes are already consistent.</summary>
    public static void CheckSettings(int stride, int padding, int dilation, int groups)
    {
        Guard.Positive(stride, nameof(stride));
        Guard.NonNegative(padding, nameof(padding));
        Guard.Positive(dilation, nameof(dilation));
        Guard.Positive(groups, nameof(groups));
    }

    /// <summary>Rejects a kernel that does not fit into the zero-padded input (PyTorch: "Kernel size can't be greater than actual input size").</summary>
    public void CheckKernelFits(string inputName)
    {
        var (paddedHeight, paddedWidth) = (Height + 2 * Padding, Width + 2 * Padding);
        var (spanHeight, spanWidth) = (Dilation * (KernelHeight - 1) + 1, Dilation * (KernelWidth - 1) + 1);
        if (spanHeight > paddedHeight || spanWidth > paddedWidth)
            throw new ArgumentException(
                $"{inputName} is {Height}×{Width} per channel ({paddedHeight}×{paddedWidth} with padding {Padding}) but the kernel is {KernelHeight}×{KernelWidth}" +
                (Dilation > 1 ? $" (spanning {spanHeight}×{spanWidth} with dilation {Dilation})" : "") + ": the kernel must fit into the padded input.", inputName);
    }

    /// <summary>The checks every caller makes: settings, channel counts divisible by the groups, the kernel fits.</summary>
    public void Validate(string inputName)
    {
        CheckSettings(Stride, Padding, Dilation, Groups);
        if (InChannels % Groups != 0)
            throw new ArgumentException($"{inputName} has {InChannels} channels, not divisible by groups = {Groups}.", "groups");
        if (OutChannels % Groups != 0)
            throw new ArgumentException($"the weight has {OutChannels} output channels, not divisible by groups = {Groups}.", "groups");
        CheckKernelFits(inputName);
    }

    /// <summary>The output positions i (rows or columns) whose tap at kernel offset <paramref name="tap"/> lands inside an input of <paramref name="size"/>.</summary>
    private (int From, int To) Range(int tap, int size, int outSize)
    {
        var offset = tap * Dilation - Padding;   // input index = i·s + offset
        var from = offset >= 0 ? 0 : (-offset + Stride - 1) / Stride;
        var last = size - 1 - offset;
        var to = last < 0 ? -1 : Math.Min(outSize - 1, last / Stride);
        return (from, to);
    }

    /// <summary>y[o] = b[o] + Σ_c Σ_{u,v} w[o, c, u, v]·x_pad[g·C_g + c][i·s + u·d, j·s + v·d] (cross-correlation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // hot loops: optimised from the first call, not after tiering
    public double[][] Forward(double[][] x, double[] w, double[]? b)
    {
        var (outHeight, outWidth) = (OutHeight, OutWidth);
        var y = new double[OutChannels][];
        for (var o = 0; o < OutChannels; o++)
        {
            var output = new double[outHeight * outWidth];
            if (b is not null) Array.Fill(output, b[o]);
            var group = o / OutPerGroup;
            for (var c = 0; c < InPerGroup; c++)
            {
                var channel = x[group * InPerGroup + c];
                for (var u = 0; u < KernelHeight; u++)
                {
                    var (iFrom, iTo) = Range(u, Height, outHeight);
                    for (var v = 0; v < KernelWidth; v++)
                    {
                        var (jFrom, jTo) = Range(v, Width, outWidth);
                        var weight = w[((o * InPerGroup + c) * KernelHeight + u) * KernelWidth + v];
                        for (var j = jFrom; j <= jTo; j++)
                        {
                            var (source, target) = ((j * Stride + v * Dilation - Padding) * Height + u * Dilation - Padding, j * outHeight);
                            if (Stride == 1 && iTo >= iFrom)
                                SpanMath.Axpy(weight, channel.AsSpan(source + iFrom, iTo - iFrom + 1), output.AsSpan(target + iFrom, iTo - iFrom + 1));
                            else
                                for (var i = iFrom; i <= iTo; i++) output[target + i] += weight * channel[source + i * Stride];
                        }
                    }
                }
            }
            y[o] = output;
        }
        return y;
    }

    /// <summary>
    /// The backward pass for the upstream gradient gy: ∂L/∂x (scatter of w·gy onto the taps' input positions; padding
    /// positions are dropped), ∂L/∂w[o, c, u, v] = Σ_{i,j} gy[o][i, j]·x_pad[…] and ∂L/∂b[o] = Σ_{i,j} gy[o][i, j].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double[][] Input, double[] Weight, double[] Bias) Backward(double[][] x, double[] w, double[][] gy)
    {
        var (outHeight, outWidth) = (OutHeight, OutWidth);
        var gx = new double[InChannels][];
        for (var c = 0; c < InChannels; c++) gx[c] = new double[Height * Width];
        var (gw, gb) = (new double[WeightLength], new double[OutChannels]);
        for (var o = 0; o < OutChannels; o++)
        {
            var upstream = gy[o];
            gb[o] = upstream.Sum();
            var group = o / OutPerGroup;
            for (var c = 0; c < InPerGroup; c++)
            {
                var (channel, channelGradient) = (x[group * InPerGroup + c], gx[group * InPerGroup + c]);
                for (var u = 0; u < KernelHeight; u++)
                {
                    var (iFrom, iTo) = Range(u, Height, outHeight);
                    for (var v = 0; v < KernelWidth; v++)
                    {
                        var (jFrom, jTo) = Range(v, Width, outWidth);
                        var index = ((o * InPerGroup + c) * KernelHeight + u) * KernelWidth + v;
                        var (weight, sum) = (w[index], 0.0);
                        for (var j = jFrom; j <= jTo; j++)
                        {
                            var (source, target) = ((j * Stride + v * Dilation - Padding) * Height + u * Dilation - Padding, j * outHeight);
                            if (Stride == 1 && iTo >= iFrom)
                            {
                                var count = iTo - iFrom + 1;
                                sum += SpanMath.Dot(upstream.AsSpan(target + iFrom, count), channel.AsSpan(source + iFrom, count));
                                SpanMath.Axpy(weight, upstream.AsSpan(target + iFrom, count), channelGradient.AsSpan(source + iFrom, count));
                            }
                            else
                                for (var i = iFrom; i <= iTo; i++)
                                {
                                    sum += upstream[target + i] * channel[source + i * Stride];
                                    channelGradient[source + i * Stride] += weight * upstream[target + i];
                                }
                        }
                        gw[index] = sum;
                    }
                }
            }
        }
        return (gx, gw, gb);
    }

    /// <summary>im2col: row (c·k_h + u)·k_w + v, column i·W_out + j holds x_pad[c][i·s + u·d, j·s + v·d] (0 in the padding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Matrix<double> Unfold(double[][] x)
    {
        var (outHeight, outWidth) = (OutHeight, OutWidth);
        var rows = InChannels * KernelHeight * KernelWidth;
        var columns = new double[rows * outHeight * outWidth];   // column-major: entry (r, l) at l·rows + r
        for (var c = 0; c < InChannels; c++)
            for (var u = 0; u < KernelHeight; u++)
            {
                var (iFrom, iTo) = Range(u, Height, outHeight);
                for (var v = 0; v < KernelWidth; v++)
                {
                    var (jFrom, jTo) = Range(v, Width, outWidth);
                    var row = (c * KernelHeight + u) * KernelWidth + v;
                    for (var i = iFrom; i <= iTo; i++)
                        for (var j = jFrom; j <= jTo; j++)
                            columns[(i * outWidth + j) * rows + row] = x[c][(j * Stride + v * Dilation - Padding) * Height + i * Stride + u * Dilation - Padding];
                }
            }
        return Matrix<double>.Build.Dense(rows, outHeight * outWidth, columns);
    }

    /// <summary>Column-major H×W channel arrays as matrices (bound to the arrays, no copy).</summary>
    public static Matrix<double>[] Channels(double[][] values, int height, int width) =>
        Array.ConvertAll(values, v => Matrix<double>.Build.Dense(height, width, v));
}
