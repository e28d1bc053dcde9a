using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Positions;

/// <summary>
/// Rotary position embedding, RoPE (Su et al., RoFormer, 2021). A query or key x at position m is rotated pair by pair:
/// for i = 0 … d/2 − 1 the pair (x_{2i}, x_{2i+1}) is turned by the angle m·θᵢ, θᵢ = base^(−2i/d):
/// (x_{2i}, x_{2i+1}) ↦ (x_{2i} cos mθᵢ − x_{2i+1} sin mθᵢ, x_{2i} sin mθᵢ + x_{2i+1} cos mθᵢ), i.e. x ↦ R_m x.
/// Because R_mᵀ R_n = R_{n−m}, the attention logit ⟨R_m q, R_n k⟩ = qᵀ R_{n−m} k depends on the positions only through
/// n − m. Introduced in notebook 03 (03-positional-encoding).
/// </summary>
/// <remarks>
/// Pairs are adjacent entries (2i, 2i + 1), as in the paper and Meta's reference LLaMA code (which views them as complex
/// numbers x_{2i} + i·x_{2i+1} and multiplies by e^{i m θᵢ}). Hugging Face's <c>rotate_half</c> pairs entry i with
/// i + d/2 instead: the same rotation after a fixed permutation of the entries.
/// Valid ranges: d even and ≥ 2; positions ≥ 0; frequencyBase a finite number &gt; 0. Rotations preserve norms.
/// </remarks>
public static class Rope
{
    /// <summary>The d/2 rotation frequencies θᵢ = base^(−2i/d): the same as the sinusoidal encoding's (<see cref="Sinusoidal.Frequencies"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">dimension is odd or &lt; 2; frequencyBase is not a finite number &gt; 0.</exception>
    public static Vector<double> Frequencies(int dimension, double frequencyBase = Sinusoidal.DefaultBase) =>
        Sinusoidal.Frequencies(dimension, frequencyBase);

    /// <summary>
    /// The d×d rotation R_m: block-diagonal with the 2×2 blocks [[cos mθᵢ, −sin mθᵢ], [sin mθᵢ, cos mθᵢ]].
    /// Orthogonal, R_0 = I and R_mᵀ R_n = R_{n−m}.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">position &lt; 0, or an invalid dimension or frequencyBase.</exception>
    public static Matrix<double> Rotation(int position, int dimension, double frequencyBase = Sinusoidal.DefaultBase)
    {
        Guard.NonNegative(position, nameof(position));
        var theta = Frequencies(dimension, frequencyBase);
        var r = Matrix<double>.Build.Dense(dimension, dimension);
        for (var i = 0; i < theta.Count; i++)
        {
            var (sin, cos) = Math.SinCos(position * theta[i]);
            r[2 * i, 2 * i] = cos;
            r[2 * i, 2 * i + 1] = -sin;
            r[2 * i + 1, 2 * i] = sin;
            r[2 * i + 1, 2 * i + 1] = cos;
        }
        return r;
    }

    /// <summary>R_m x: the vector x (length d, even, ≥ 2) rotated to position m, in O(d) without building R_m.</summary>
    /// <exception cref="ArgumentException">x has an odd length or fewer than 2 entries (ArgumentException); position &lt; 0 or an
    /// invalid frequencyBase (ArgumentOutOfRangeException).</exception>
    public static Vector<double> Apply(Vector<double> x, int position, double frequencyBase = Sinusoidal.DefaultBase)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count < 2 || x.Count % 2 != 0)
            throw new ArgumentException($"x has length {x.Count} but must have an even length ≥ 2: RoPE rotates pairs of entries.", nameof(x));
        Guard.NonNegative(position, nameof(position));
        var theta = Frequencies(x.Count, frequencyBase);
        var result = Vector<double>.Build.Dense(x.Count);
        for (var i = 0; i < theta.Count; i++)
            (result[2 * i], result[2 * i + 1]) = RotatePair(x[2 * i], x[2 * i + 1], position * theta[i]);
        return result;
    }

    /// <summary>
    /// Rotates every row of x (L×d, one token per row) to its own position: row t goes to <paramref name="positions"/>[t].
    /// This is what a RoPE attention layer does to Q and K before the dot products.
    /// </summary>
    /// <exception cref="ArgumentException">positions has a different count than x has rows (both are named); x has an
    /// odd number of columns or fewer than 2; a position is negative (its index is named); an invalid frequencyBase.</exception>
    public static Matrix<double> Apply(Matrix<double> x, IReadOnlyList<int> positions, double frequencyBase = Sinusoidal.DefaultBase)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(positions);
        if (x.ColumnCount < 2 || x.ColumnCount % 2 != 0)
            throw new ArgumentException($"x is {Guard.Shape(x)} but must have an even number ≥ 2 of columns: RoPE rotates pairs of entries.", nameof(x));
        if (positions.Count != x.RowCount)
            throw new ArgumentException($"x is {Guard.Shape(x)} but positions has {positions.Count} entries: give one position per row.", nameof(positions));
        var theta = Frequencies(x.ColumnCount, frequencyBase);
        var result = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (var t = 0; t < x.RowCount; t++)
        {
            if (positions[t] < 0)
                throw new ArgumentOutOfRangeException(nameof(positions), positions[t], $"positions[{t}] must be ≥ 0, got {positions[t]}.");
            for (var i = 0; i < theta.Count; i++)
                (result[t, 2 * i], result[t, 2 * i + 1]) = RotatePair(x[t, 2 * i], x[t, 2 * i + 1], positions[t] * theta[i]);
        }
        return result;
    }

    /// <summary>Rotates the rows of x to the consecutive positions firstPosition, firstPosition + 1, … (firstPosition ≥ 0).</summary>
    /// <exception cref="ArgumentException">firstPosition &lt; 0, or as <see cref="Apply(Matrix{double}, IReadOnlyList{int}, double)"/>.</exception>
    public static Matrix<double> Apply(Matrix<double> x, int firstPosition = 0, double frequencyBase = Sinusoidal.DefaultBase)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.NonNegative(firstPosition, nameof(firstPosition));
        return Apply(x, Enumerable.Range(firstPosition, x.RowCount).ToArray(), frequencyBase);
    }

    /// <summary>
    /// RoFormer's long-term-decay bound, as a function of the relative distance r = m − n:
    /// (1/(d/2)) Σ_{j=1}^{d/2} |S_j| with the partial sums S_j = Σ_{i=0}^{j−1} e^{i·r·θᵢ} (S_0 = 0).
    /// By Abel summation, |⟨R_m q, R_n k⟩| ≤ (max_j |h_{j+1} − h_j|) · Σ_{j=1}^{d/2} |S_j| where h_j = q̃_j·conj(k̃_j) are
    /// the products of the complex pairs and h_{d/2} = 0, so this is the bound per unit of that maximum, divided by d/2
    /// (the normalisation of the paper's Figure 2). It equals (d/2 + 1)/2 at r = 0, is even in r, and decreases with |r|
    /// as a trend, not monotonically.
    /// </summary>
    /// <param name="distance">The relative distance r = m − n; any finite number.</param>
    /// <param name="dimension">The width d: even, ≥ 2.</param>
    /// <param name="frequencyBase">The base of the frequencies: finite, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">distance is not finite; an invalid dimension or frequencyBase.</exception>
    public static double DecayBound(double distance, int dimension, double frequencyBase = Sinusoidal.DefaultBase)
    {
        Guard.Finite(distance, nameof(distance));
        var theta = Frequencies(dimension, frequencyBase);
        var (partial, total) = (Complex.Zero, 0.0);
        foreach (var t in theta)
        {
            partial += Complex.FromPolarCoordinates(1, distance * t);
            total += partial.Magnitude;
        }
        return total / theta.Count;
    }

    private static (double, double) RotatePair(double a, double b, double angle)
    {
        var (sin, cos) = Math.SinCos(angle);
        return (a * cos - b * sin, a * sin + b * cos);
    }
}
