using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Inference;

/// <summary>
/// Per-tensor and per-channel fake quantization of matrices, with PyTorch's signatures and conventions
/// (<c>torch.fake_quantize_per_tensor_affine</c>, <c>torch.fake_quantize_per_channel_affine</c>, the min–max observers).
/// Each value is quantized and dequantized as in <see cref="AffineQuantizer"/> (round half to even, clamping at the range ends).
/// Introduced in notebook 13 (LLM inference: KV cache and quantization).
/// </summary>
/// <remarks>
/// <b>Channels.</b> With <c>axis = 0</c> channel i is row i (an output channel of a weight matrix stored out×in, PyTorch's
/// default <c>ch_axis</c>); with <c>axis = 1</c> channel j is column j (a feature of activations stored tokens×features).
/// Each channel has its own scale and zero point, so a large value in one channel does not coarsen the others.
/// </remarks>
public static class Quantization
{
    /// <summary>
    /// <c>torch.fake_quantize_per_tensor_affine(x, scale, zeroPoint, quantMin, quantMax)</c>:
    /// x̂ = (clamp(round(x/s) + z, q_min, q_max) − z)·s element-wise with one (s, z) for the whole matrix.
    /// Range: scale finite and &gt; 0; quantMin &lt; quantMax; quantMin ≤ zeroPoint ≤ quantMax; x non-empty, no NaN.
    /// </summary>
    public static Matrix<double> FakeQuantizePerTensor(Matrix<double> x, double scale, int zeroPoint, int quantMin, int quantMax) =>
        new AffineQuantizer(scale, zeroPoint, quantMin, quantMax).FakeQuantize(x);

    /// <summary>
    /// <c>torch.fake_quantize_per_channel_affine(x, scales, zeroPoints, axis, quantMin, quantMax)</c>: channel c along
    /// <paramref name="axis"/> uses (scales[c], zeroPoints[c]). Range as in <see cref="FakeQuantizePerTensor"/>, for every
    /// channel; axis 0 or 1; one scale and one zero point per channel.
    /// </summary>
    /// <exception cref="ArgumentException">A count does not match the number of channels (both are named), or x is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">axis is not 0 or 1, or a scale or zero point is out of range.</exception>
    public static Matrix<double> FakeQuantizePerChannel(
        Matrix<double> x, Vector<double> scales, IReadOnlyList<int> zeroPoints, int axis, int quantMin, int quantMax)
    {
        var channels = Channels(x, axis);
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(zeroPoints);
        if (scales.Count != channels)
            throw new ArgumentException($"scales has length {scales.Count} but x is {Guard.Shape(x)}, which has {channels} channels along axis {axis}.", nameof(scales));
        if (zeroPoints.Count != scales.Count)
            throw new ArgumentException($"zeroPoints has length {zeroPoints.Count} but scales has length {scales.Count}: one zero point per scale.", nameof(zeroPoints));
        var quantizers = Enumerable.Range(0, channels).Select(c => new AffineQuantizer(scales[c], zeroPoints[c], quantMin, quantMax)).ToList();
        return FakeQuantizePerChannel(x, quantizers, axis);
    }

    /// <summary>Per-channel fake quantization with one <see cref="AffineQuantizer"/> per channel along <paramref name="axis"/>.</summary>
    /// <exception cref="ArgumentException">The number of quantizers is not the number of channels (both are named), or x is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">axis is not 0 or 1.</exception>
    public static Matrix<double> FakeQuantizePerChannel(Matrix<double> x, IReadOnlyList<AffineQuantizer> channels, int axis)
    {
        CheckChannels(x, channels, axis);
        return x.MapIndexed((i, j, v) => channels[axis == 0 ? i : j].FakeQuantize(v));
    }

    /// <summary>
    /// The straight-through-estimator gradient of per-channel fake quantization: ∂L/∂x_ij = ∂L/∂x̂_ij where the value is
    /// inside its channel's range before clamping, else 0 (PyTorch's autograd through <c>fake_quantize_per_channel_affine</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Shapes or counts do not match (both are named).</exception>
    public static Matrix<double> FakeQuantizePerChannelBackward(
        Matrix<double> x, Matrix<double> gradOutput, IReadOnlyList<AffineQuantizer> channels, int axis)
    {
        CheckChannels(x, channels, axis);
        Guard.SameShape(x, nameof(x), gradOutput, nameof(gradOutput));
        return gradOutput.MapIndexed((i, j, g) => channels[axis == 0 ? i : j].InRange(x[i, j]) ? g : 0);
    }

    /// <summary>
    /// One <see cref="AffineQuantizer.Symmetric(double, int)"/> per channel (s_c = max_i |x_ci| / 127 for int8), as PyTorch's
    /// <c>PerChannelMinMaxObserver(ch_axis=axis, dtype=torch.qint8, qscheme=torch.per_channel_symmetric, quant_min=-127, quant_max=127)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">x is empty or holds a non-finite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">axis is not 0 or 1, or bits is outside [2, 16].</exception>
    public static IReadOnlyList<AffineQuantizer> SymmetricPerChannel(Matrix<double> x, int axis, int bits = 8) =>
        ChannelRanges(x, axis).Select(r => AffineQuantizer.Symmetric(Math.Max(-r.Min, r.Max), bits)).ToList();

    /// <summary>
    /// One <see cref="AffineQuantizer.Asymmetric(double, double, int)"/> per channel, as PyTorch's
    /// <c>PerChannelMinMaxObserver(ch_axis=axis, dtype=torch.quint8, qscheme=torch.per_channel_affine)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">x is empty or holds a non-finite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">axis is not 0 or 1, or bits is outside [2, 16].</exception>
    public static IReadOnlyList<AffineQuantizer> AsymmetricPerChannel(Matrix<double> x, int axis, int bits = 8) =>
        ChannelRanges(x, axis).Select(r => AffineQuantizer.Asymmetric(r.Min, r.Max, bits)).ToList();

    private static List<(double Min, double Max)> ChannelRanges(Matrix<double> x, int axis)
    {
        var channels = Channels(x, axis);
        return Enumerable.Range(0, channels)
            .Select(c => AffineQuantizer.FiniteRange(axis == 0 ? x.Row(c) : x.Column(c), nameof(x))).ToList();
    }

    private static void CheckChannels(Matrix<double> x, IReadOnlyList<AffineQuantizer> channels, int axis)
    {
        var count = Channels(x, axis);
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count != count)
            throw new ArgumentException($"channels has {channels.Count} quantizers but x is {Guard.Shape(x)}, which has {count} channels along axis {axis}.", nameof(channels));
    }

    private static int Channels(Matrix<double> x, int axis)
    {
        AffineQuantizer.NotEmpty(x, nameof(x));
        if (axis is not (0 or 1))
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"axis must be 0 (rows) or 1 (columns) for a matrix, got {axis}.");
        return axis == 0 ? x.RowCount : x.ColumnCount;
    }
}
