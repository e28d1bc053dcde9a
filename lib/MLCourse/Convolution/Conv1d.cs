using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Convolution;

/// <summary>
/// One-dimensional convolution of one sequence, the numbers of <c>torch.nn.functional.conv1d(x[None], w, b, stride, padding,
/// dilation)[0]</c>: the layer TextCNN slides along time over word embeddings. Introduced in notebook 20 (TextCNN).
/// </summary>
/// <remarks>
/// The input is C_in×L (row c is channel c over the L time steps: for text, C_in = E embedding dimensions); filter o is a
/// C_in×k matrix, and y[o][t] = b[o] + Σ_c Σ_{v&lt;k} w[o][c, v]·x_pad[c][t·s + v·d] (cross-correlation, zero padding p at both
/// ends), L_out = ⌊(L + 2p − d(k − 1) − 1)/s⌋ + 1: L − k + 1 positions for s = 1, p = 0. It is <see cref="Conv2d"/> on
/// L×1 channels with k×1 kernels, which is how it is computed.
/// </remarks>
public static class Conv1d
{
    /// <summary>The convolution described on the class.</summary>
    /// <param name="input">C_in×L.</param>
    /// <param name="weight">C_out filters, each C_in×k (all the same size); PyTorch's weight[o].</param>
    /// <param name="bias">One bias per filter (length C_out), or null.</param>
    /// <param name="stride">s ≥ 1.</param>
    /// <param name="padding">p ≥ 0 zeros at each end of the sequence.</param>
    /// <param name="dilation">d ≥ 1.</param>
    /// <returns>C_out×L_out.</returns>
    /// <exception cref="ArgumentException">A filter with a row count other than C_in or filters of unequal width (ParamName <c>weight</c>), a bias
    /// of the wrong length (<c>bias</c>), a setting out of range, or a filter longer than the padded sequence (<c>input</c>).</exception>
    public static Matrix<double> Forward(Matrix<double> input, Matrix<double>[] weight, Vector<double>? bias = null, int stride = 1, int padding = 0, int dilation = 1)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Length == 0) throw new ArgumentException("weight has no filters: give at least one output channel.", nameof(weight));
        Guard.NonNegative(padding, nameof(padding));
        for (var o = 0; o < weight.Length; o++)
        {
            ArgumentNullException.ThrowIfNull(weight[o], nameof(weight));
            if (weight[o].RowCount != input.RowCount || weight[o].ColumnCount != weight[0].ColumnCount)
                throw new ArgumentException(
                    $"weight[{o}] is {Guard.Shape(weight[o])} but input is {Guard.Shape(input)} (C_in×L): every filter must be {input.RowCount}×{weight[0].ColumnCount} (C_in×k).", nameof(weight));
        }
        if (bias is not null && bias.Count != weight.Length)
            throw new ArgumentException($"bias has length {bias.Count} but the weight has {weight.Length} filters: one bias per output channel.", nameof(bias));
        var (channels, length) = (input.RowCount, input.ColumnCount + 2 * padding);
        var values = Storage.ColumnMajor(input);   // column-major: x[c, t] at t·C_in + c
        var x = new double[channels][];
        for (var c = 0; c < channels; c++)
        {
            x[c] = new double[length];
            for (var t = 0; t < input.ColumnCount; t++) x[c][padding + t] = values[t * channels + c];
        }
        var y = Channels(x, length, weight, bias, stride, dilation);
        return Matrix<double>.Build.Dense(weight.Length, y[0].Length, (o, t) => y[o][t]);
    }

    /// <summary>
    /// The convolution on channels given as arrays of one length (already padded): each channel is an L×1 column of
    /// <see cref="ConvolutionGeometry"/>, so the inner loop runs along time. Returns one array of L_out per filter.
    /// </summary>
    internal static double[][] Channels(double[][] x, int length, IReadOnlyList<Matrix<double>> weight, Vector<double>? bias, int stride = 1, int dilation = 1)
    {
        var (channels, k) = (x.Length, weight[0].ColumnCount);
        var geometry = new ConvolutionGeometry(channels, length, 1, weight.Count, 1, k, 1, stride, 0, dilation);
        geometry.Validate("input");
        var flat = new double[geometry.WeightLength];   // (o, c, u): filter o's entry (c, u), stored column-major at u·C_in + c
        for (var o = 0; o < weight.Count; o++)
        {
            var filter = Storage.ColumnMajor(weight[o]);
            for (var c = 0; c < channels; c++)
                for (var u = 0; u < k; u++) flat[(o * channels + c) * k + u] = filter[u * channels + c];
        }
        return geometry.Forward(x, flat, bias?.ToArray());
    }
}
