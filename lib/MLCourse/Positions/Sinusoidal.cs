using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Positions;

/// <summary>
/// The fixed sinusoidal positional encoding of the Transformer (Vaswani et al., 2017): for a position t ≥ 0, a width d
/// (even, ≥ 2) and each pair i = 0 … d/2 − 1,
/// PE(t, 2i) = sin(t·ωᵢ), PE(t, 2i + 1) = cos(t·ωᵢ), with ωᵢ = base^(−2i/d) (base = 10000 in the paper).
/// It matches the PyTorch code <c>pe[:, 0::2] = sin(position * div_term); pe[:, 1::2] = cos(position * div_term)</c>
/// with <c>div_term = exp(arange(0, d, 2) * (−ln base / d))</c>. Introduced in notebook 03 (03-positional-encoding).
/// </summary>
/// <remarks>
/// Valid ranges, checked by every member: dimension even and ≥ 2; frequencyBase a finite number &gt; 0; positions and
/// lengths ≥ 0 (an encoding of length 0 has no rows). Offsets (<see cref="Shift"/>, <see cref="DotProduct"/>) may be any
/// integer, negative ones included. Every entry lies in [−1, 1] and every row has squared norm exactly d/2 up to rounding.
/// </remarks>
public static class Sinusoidal
{
    /// <summary>The base of the paper (and of RoPE): 10000.</summary>
    public const double DefaultBase = 10000;

    /// <summary>
    /// The d/2 angular frequencies ωᵢ = base^(−2i/d), i = 0 … d/2 − 1: ω₀ = 1 (wavelength 2π) down to
    /// base^(−(d − 2)/d) (wavelength just under 2π·base). RoPE uses the same values (<see cref="Rope.Frequencies"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">dimension is odd or &lt; 2; frequencyBase is not a finite number &gt; 0.</exception>
    public static Vector<double> Frequencies(int dimension, double frequencyBase = DefaultBase)
    {
        ValidateDimension(dimension, nameof(dimension));
        Guard.Positive(frequencyBase, nameof(frequencyBase));
        return Vector<double>.Build.Dense(dimension / 2, i => Math.Pow(frequencyBase, -2.0 * i / dimension));
    }

    /// <summary>The encoding PE_t of one position t: a vector of length d, (sin tω₀, cos tω₀, sin tω₁, cos tω₁, …).</summary>
    /// <exception cref="ArgumentOutOfRangeException">position &lt; 0, or an invalid dimension or frequencyBase.</exception>
    public static Vector<double> Encode(int position, int dimension, double frequencyBase = DefaultBase)
    {
        Guard.NonNegative(position, nameof(position));
        var omega = Frequencies(dimension, frequencyBase);
        return Vector<double>.Build.Dense(dimension, j => Entry(position, omega[j / 2], j));
    }

    /// <summary>
    /// The encoding matrix of the positions 0 … length − 1: row t is PE_t (length × d), what the Transformer adds to the
    /// token embeddings of a sequence of that length.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">length &lt; 0, or an invalid dimension or frequencyBase.</exception>
    public static Matrix<double> Encoding(int length, int dimension, double frequencyBase = DefaultBase)
    {
        Guard.NonNegative(length, nameof(length));
        var omega = Frequencies(dimension, frequencyBase);
        return Matrix<double>.Build.Dense(length, dimension, (t, j) => Entry(t, omega[j / 2], j));
    }

    /// <summary>
    /// The d×d matrix M_k with PE_{t+k} = M_k PE_t for every position t: block-diagonal with, for pair i, the 2×2 block
    /// [[cos kωᵢ, sin kωᵢ], [−sin kωᵢ, cos kωᵢ]] acting on (sin tωᵢ, cos tωᵢ). It depends on the offset k only, is
    /// orthogonal, and M_j M_k = M_{j+k}, so M_{−k} = M_kᵀ = M_k⁻¹. (M_k is the transpose of the RoPE rotation
    /// <see cref="Rope.Rotation"/> for position k, because a pair stores (sin, cos) rather than (cos, sin).)
    /// </summary>
    /// <param name="offset">The shift k; any integer.</param>
    /// <param name="dimension">The width d: even, ≥ 2.</param>
    /// <param name="frequencyBase">The base of the frequencies: finite, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An invalid dimension or frequencyBase.</exception>
    public static Matrix<double> Shift(int offset, int dimension, double frequencyBase = DefaultBase)
    {
        var omega = Frequencies(dimension, frequencyBase);
        var m = Matrix<double>.Build.Dense(dimension, dimension);
        for (var i = 0; i < omega.Count; i++)
        {
            var (sin, cos) = Math.SinCos(offset * omega[i]);
            m[2 * i, 2 * i] = cos;
            m[2 * i, 2 * i + 1] = sin;
            m[2 * i + 1, 2 * i] = -sin;
            m[2 * i + 1, 2 * i + 1] = cos;
        }
        return m;
    }

    /// <summary>
    /// The closed form of PE_t · PE_{t+k} = Σᵢ cos(kωᵢ) (from sin a sin b + cos a cos b = cos(a − b)): it depends on the
    /// offset k only, never on t, and is even in k, so the dot product cannot tell k from −k. Its value at k = 0 is d/2.
    /// </summary>
    /// <param name="offset">The offset k; any integer.</param>
    /// <param name="dimension">The width d: even, ≥ 2.</param>
    /// <param name="frequencyBase">The base of the frequencies: finite, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An invalid dimension or frequencyBase.</exception>
    public static double DotProduct(int offset, int dimension, double frequencyBase = DefaultBase) =>
        Frequencies(dimension, frequencyBase).Sum(w => Math.Cos(offset * w));

    private static double Entry(int position, double omega, int column) =>
        column % 2 == 0 ? Math.Sin(position * omega) : Math.Cos(position * omega);

    /// <summary>Checks a positional-encoding width: even (sin/cos or rotation pairs) and ≥ 2.</summary>
    private static void ValidateDimension(int dimension, string name)
    {
        if (dimension < 2 || dimension % 2 != 0)
            throw new ArgumentOutOfRangeException(name, dimension, $"{name} must be even and ≥ 2 (the entries come in pairs), got {dimension}.");
    }
}
