using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Inference;

/// <summary>
/// Uniform affine (integer) quantization with PyTorch's conventions: a real x is stored as the integer
/// q = clamp(round(x / s) + z, q_min, q_max) and read back as x̂ = (q − z)·s, with scale s &gt; 0 and integer zero point z.
/// Introduced in notebook 13 (LLM inference: KV cache and quantization).
/// </summary>
/// <remarks>
/// <para><b>Rounding</b> is round-half-to-even (banker's rounding, <see cref="Math.Round(double)"/>), the rounding of
/// <c>std::nearbyint</c> that <c>torch.quantize_per_tensor</c> and <c>torch.fake_quantize_per_tensor_affine</c> use:
/// 2.5 → 2, 3.5 → 4, −0.5 → −0.</para>
/// <para><b>Difference from PyTorch's arithmetic.</b> PyTorch stores s as a float32 and computes x·(1/s) with the
/// reciprocal rounded to float32. For scales that are float32 numbers with an exact reciprocal (powers of two) the results
/// are identical; for other scales they can differ by one step only for x within about 1e-7 (relative) of a rounding
/// boundary, and the dequantized value (q − z)·s matches PyTorch exactly when s is a float32 number.</para>
/// <para><b>Clamping.</b> Values beyond the range [(q_min − z)·s, (q_max − z)·s] are clipped to its ends; ±∞ too.
/// NaN is rejected.</para>
/// <para><b>Gradient.</b> <see cref="Backward"/> is PyTorch's straight-through estimator: the derivative of round is taken
/// as 1 where the value is not clamped and 0 where it is.</para>
/// </remarks>
public sealed record AffineQuantizer
{
    /// <summary>The smallest scale the factories return, 2⁻²³ (float32 machine epsilon, the floor PyTorch's observers use),
    /// so that an all-zero tensor still gets a valid quantizer.</summary>
    public const double MinimumScale = 1.1920928955078125e-07;

    /// <summary>Creates a quantizer. Range: scale finite and &gt; 0; quantMin &lt; quantMax; quantMin ≤ zeroPoint ≤ quantMax.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range (the message names it).</exception>
    public AffineQuantizer(double scale, int zeroPoint, int quantMin, int quantMax)
    {
        Guard.Positive(scale, nameof(scale));
        if (quantMin >= quantMax)
            throw new ArgumentOutOfRangeException(nameof(quantMax), quantMax, $"quantMax must be > quantMin ({quantMin}), got {quantMax}.");
        if (zeroPoint < quantMin || zeroPoint > quantMax)
            throw new ArgumentOutOfRangeException(nameof(zeroPoint), zeroPoint, $"zeroPoint must be in [quantMin, quantMax] = [{quantMin}, {quantMax}], got {zeroPoint}.");
        (Scale, ZeroPoint, QuantMin, QuantMax) = (scale, zeroPoint, quantMin, quantMax);
    }

    /// <summary>The step s between neighbouring representable values.</summary>
    public double Scale { get; }

    /// <summary>The integer z that stands for the real number 0 (which is therefore represented exactly).</summary>
    public int ZeroPoint { get; }

    /// <summary>The smallest integer code q_min.</summary>
    public int QuantMin { get; }

    /// <summary>The largest integer code q_max.</summary>
    public int QuantMax { get; }

    /// <summary>The smallest representable real, (q_min − z)·s.</summary>
    public double RangeMin => (QuantMin - (double)ZeroPoint) * Scale;

    /// <summary>The largest representable real, (q_max − z)·s.</summary>
    public double RangeMax => (QuantMax - (double)ZeroPoint) * Scale;

    /// <summary>
    /// Symmetric ("absmax") quantization to signed <paramref name="bits"/>-bit integers with the restricted range
    /// [−(2^(b−1) − 1), 2^(b−1) − 1] (int8: [−127, 127]), s = max(maxAbs / (2^(b−1) − 1), <see cref="MinimumScale"/>), z = 0.
    /// Equals PyTorch's <c>MinMaxObserver(dtype=torch.qint8, qscheme=torch.per_tensor_symmetric, quant_min=-127, quant_max=127)</c>.
    /// Range: maxAbs finite and ≥ 0; 2 ≤ bits ≤ 16.
    /// </summary>
    /// <remarks>PyTorch's default symmetric observer uses the full range [−128, 127] with s = maxAbs/127.5, so its
    /// largest value maps to 127.5, rounds to 128 and is clipped to 127 (notebook 13 shows the half-step error).</remarks>
    public static AffineQuantizer Symmetric(double maxAbs, int bits = 8)
    {
        Guard.NonNegative(maxAbs, nameof(maxAbs));
        var top = (1 << (CheckBits(bits) - 1)) - 1;
        return new AffineQuantizer(Math.Max(maxAbs / top, MinimumScale), 0, -top, top);
    }

    /// <summary>Symmetric quantizer for the values of <paramref name="x"/> (maxAbs = max |x_ij|); see <see cref="Symmetric(double, int)"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or holds a non-finite value.</exception>
    public static AffineQuantizer Symmetric(Matrix<double> x, int bits = 8)
    {
        var (min, max) = FiniteRange(x, nameof(x));
        return Symmetric(Math.Max(-min, max), bits);
    }

    /// <summary>
    /// Asymmetric (min–max) quantization to unsigned <paramref name="bits"/>-bit integers [0, 2^b − 1] (uint8: [0, 255]).
    /// The range is first widened to contain 0 (min⁻ = min(min, 0), max⁺ = max(max, 0)), then
    /// s = max((max⁺ − min⁻) / (2^b − 1), <see cref="MinimumScale"/>) and z = clamp(−round(min⁻ / s), 0, 2^b − 1).
    /// Equals PyTorch's <c>MinMaxObserver(dtype=torch.quint8, qscheme=torch.per_tensor_affine)</c>.
    /// Range: min ≤ max, both finite; 2 ≤ bits ≤ 16.
    /// </summary>
    public static AffineQuantizer Asymmetric(double min, double max, int bits = 8)
    {
        Guard.Finite(min, nameof(min));
        Guard.Finite(max, nameof(max));
        if (min > max) throw new ArgumentOutOfRangeException(nameof(max), max, $"max must be ≥ min ({min}), got {max}.");
        var top = (1 << CheckBits(bits)) - 1;
        var (low, high) = (Math.Min(min, 0), Math.Max(max, 0));
        var scale = Math.Max((high - low) / top, MinimumScale);
        var zero = (int)Math.Clamp(-Math.Round(low / scale), 0, top);
        return new AffineQuantizer(scale, zero, 0, top);
    }

    /// <summary>Asymmetric quantizer for the values of <paramref name="x"/>; see <see cref="Asymmetric(double, double, int)"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or holds a non-finite value.</exception>
    public static AffineQuantizer Asymmetric(Matrix<double> x, int bits = 8)
    {
        var (min, max) = FiniteRange(x, nameof(x));
        return Asymmetric(min, max, bits);
    }

    /// <summary>The integer code q = clamp(round_half_even(x / s) + z, q_min, q_max).</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is NaN.</exception>
    public int Quantize(double x) => (int)Math.Clamp(Unclamped(x, nameof(x)), QuantMin, QuantMax);

    /// <summary>The real value x̂ = (q − z)·s of a code. Range: q_min ≤ q ≤ q_max.</summary>
    public double Dequantize(int q)
    {
        if (q < QuantMin || q > QuantMax)
            throw new ArgumentOutOfRangeException(nameof(q), q, $"q must be in [quantMin, quantMax] = [{QuantMin}, {QuantMax}], got {q}.");
        return (q - (double)ZeroPoint) * Scale;
    }

    /// <summary>Quantize then dequantize: the nearest representable value, |x − x̂| ≤ s/2 inside the range.</summary>
    public double FakeQuantize(double x) => Dequantize(Quantize(x));

    /// <summary>
    /// Whether x is inside the range before clamping, q_min ≤ round(x/s) + z ≤ q_max: where PyTorch's fake-quantize
    /// gradient passes (1) rather than being cut (0).
    /// </summary>
    public bool InRange(double x)
    {
        var q = Unclamped(x, nameof(x));
        return q >= QuantMin && q <= QuantMax;
    }

    /// <summary>Element-wise <see cref="FakeQuantize(double)"/>, as <c>torch.fake_quantize_per_tensor_affine</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or holds a NaN.</exception>
    public Matrix<double> FakeQuantize(Matrix<double> x)
    {
        NotEmpty(x, nameof(x));
        return x.Map(FakeQuantize);
    }

    /// <summary>Element-wise <see cref="FakeQuantize(double)"/> of a vector.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty or holds a NaN.</exception>
    public Vector<double> FakeQuantize(Vector<double> x)
    {
        Guard.NotEmpty(x, nameof(x));
        return x.Map(FakeQuantize);
    }

    /// <summary>
    /// The straight-through-estimator gradient of the loss with respect to x, given ∂L/∂x̂ (<paramref name="gradOutput"/>):
    /// ∂L/∂x_ij = ∂L/∂x̂_ij where <see cref="InRange"/>(x_ij), else 0. Equals PyTorch's autograd through
    /// <c>torch.fake_quantize_per_tensor_affine</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ (both are named), or x is empty.</exception>
    public Matrix<double> Backward(Matrix<double> x, Matrix<double> gradOutput)
    {
        NotEmpty(x, nameof(x));
        Guard.SameShape(x, nameof(x), gradOutput, nameof(gradOutput));
        return gradOutput.MapIndexed((i, j, g) => InRange(x[i, j]) ? g : 0);
    }

    private double Unclamped(double x, string name)
    {
        if (double.IsNaN(x)) throw new ArgumentException($"{name} is NaN, which has no integer code.", name);
        return Math.Round(x / Scale) + ZeroPoint;
    }

    private static int CheckBits(int bits)
    {
        if (bits < 2 || bits > 16)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"bits must be in [2, 16], got {bits}.");
        return bits;
    }

    internal static void NotEmpty(Matrix<double> x, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.RowCount == 0 || x.ColumnCount == 0)
            throw new ArgumentException($"{name} is {Guard.Shape(x)}: it must not be empty.", name);
    }

    internal static (double Min, double Max) FiniteRange(IEnumerable<double> values, string name)
    {
        var (min, max, any) = (double.PositiveInfinity, double.NegativeInfinity, false);
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) throw new ArgumentException($"{name} holds {v}; a range needs finite values.", name);
            (min, max, any) = (Math.Min(min, v), Math.Max(max, v), true);
        }
        if (!any) throw new ArgumentException($"{name} must not be empty.", name);
        return (min, max);
    }

    private static (double Min, double Max) FiniteRange(Matrix<double> x, string name)
    {
        NotEmpty(x, name);
        return FiniteRange(x.Enumerate(), name);
    }
}
