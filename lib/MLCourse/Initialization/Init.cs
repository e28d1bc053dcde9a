using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Initialization;

/// <summary>The non-linearities <see cref="Init.Gain"/> knows, named as in <c>torch.nn.init.calculate_gain</c>.</summary>
public enum Nonlinearity
{
    /// <summary>The identity (also PyTorch's 'conv1d' … 'conv_transpose3d'): gain 1.</summary>
    Linear,

    /// <summary>The logistic sigmoid: gain 1.</summary>
    Sigmoid,

    /// <summary>tanh: gain 5/3.</summary>
    Tanh,

    /// <summary>ReLU: gain √2.</summary>
    Relu,

    /// <summary>Leaky ReLU with negative slope a: gain √(2/(1 + a²)).</summary>
    LeakyRelu,

    /// <summary>SELU: gain 3/4 (PyTorch's empirical value).</summary>
    Selu,
}

/// <summary>Which fan <see cref="Init.KaimingUniform"/> and <see cref="Init.KaimingNormal"/> divide by (PyTorch's <c>mode</c>).</summary>
public enum FanMode
{
    /// <summary>fan_in, the number of inputs (columns): preserves the variance of the activations in the forward pass (PyTorch's default).</summary>
    FanIn,

    /// <summary>fan_out, the number of outputs (rows): preserves the variance of the gradients in the backward pass.</summary>
    FanOut,
}

/// <summary>
/// Weight initialisers with the names, formulas, gains and fan conventions of <c>torch.nn.init</c> (PyTorch 1.13).
/// Each fills a weight matrix in place and returns it, like <c>torch.nn.init.xavier_uniform_(w)</c>. Introduced in
/// notebook 07 (dropout, clipping and training stability), where the variance of activations through depth is
/// derived; reused by the notebooks on convolutional networks (20) and backpropagation and initialisation (21).
/// </summary>
/// <remarks>
/// <para><b>Layout and fans.</b> A weight is out×in, PyTorch's <c>nn.Linear</c> layout (y = Wx): fan_in = number of
/// columns, fan_out = number of rows (<see cref="Fans"/>). For a convolution stored as out×(in·k) the columns already
/// count the receptive field; PyTorch's fan_out would be out·k, so pass the matching gain or use Kaiming with fan_in.</para>
/// <para><b>Why these variances.</b> For z = Σᵢ wᵢxᵢ with independent zero-mean weights, Var(z) = fan_in·Var(w)·E[x²].
/// Keeping it constant through depth needs Var(w) = 1/fan_in (forward), keeping the gradients' variance constant needs
/// 1/fan_out (backward); Xavier/Glorot takes the compromise 2/(fan_in + fan_out). ReLU zeroes half of a symmetric
/// input, E[relu(z)²] = Var(z)/2, so He/Kaiming doubles the variance: 2/fan_in. The gain g multiplies the standard
/// deviation (<see cref="Gain"/>: √2 for ReLU, 5/3 for tanh, …).</para>
/// <para><b>Uniform vs normal.</b> U(−b, b) has variance b²/3, so each uniform initialiser uses the bound b = √3·std
/// of its normal twin: both have the same variance.</para>
/// <para>Random values come from the given <see cref="System.Random"/> (e.g. <c>MLCourse.Numerics.Rng.Create(seed)</c>),
/// filled column by column; they cannot equal PyTorch's random numbers, only their distribution.</para>
/// </remarks>
public static class Init
{
    /// <summary>
    /// The recommended gain of <c>torch.nn.init.calculate_gain</c>: 1 (linear, sigmoid), 5/3 (tanh), √2 (ReLU),
    /// √(2/(1 + a²)) (leaky ReLU with negative slope a, default 0.01), 3/4 (SELU).
    /// </summary>
    /// <param name="nonlinearity">The activation that follows the layer.</param>
    /// <param name="param">The leaky ReLU's negative slope (ignored by the others); null means 0.01, as in PyTorch.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="param"/> is infinite or NaN, or the nonlinearity is unknown.</exception>
    public static double Gain(Nonlinearity nonlinearity, double? param = null)
    {
        if (param is { } value) Guard.Finite(value, nameof(param));
        return nonlinearity switch
        {
            Nonlinearity.Linear or Nonlinearity.Sigmoid => 1.0,
            Nonlinearity.Tanh => 5.0 / 3,
            Nonlinearity.Relu => Math.Sqrt(2.0),
            Nonlinearity.LeakyRelu => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
            Nonlinearity.Selu => 3.0 / 4,
            _ => throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity, $"Unknown nonlinearity {nonlinearity}."),
        };
    }

    /// <summary>(fan_in, fan_out) of an out×in weight: (columns, rows), as <c>torch.nn.init._calculate_fan_in_and_fan_out</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> is null.</exception>
    public static (int FanIn, int FanOut) Fans(Matrix<double> weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        return (weight.ColumnCount, weight.RowCount);
    }

    /// <summary>
    /// The standard deviation of Xavier (Glorot) initialisation: std = gain·√(2/(fan_in + fan_out)). The uniform
    /// variant's bound is √3·std = gain·√(6/(fan_in + fan_out)).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gain"/> is negative, infinite or NaN.</exception>
    public static double XavierStd(Matrix<double> weight, double gain = 1.0)
    {
        var (fanIn, fanOut) = Fans(weight);
        Guard.NonNegative(gain, nameof(gain));
        return gain * Math.Sqrt(2.0 / (fanIn + fanOut));
    }

    /// <summary>
    /// The standard deviation of Kaiming (He) initialisation: std = gain/√fan, with gain = <see cref="Gain"/>(nonlinearity, a)
    /// and fan = fan_in or fan_out (<paramref name="mode"/>). With PyTorch's defaults (a = 0, fan_in, leaky ReLU) the gain
    /// is √2, so std = √(2/fan_in). The uniform variant's bound is √3·std.
    /// </summary>
    /// <param name="weight">The out×in weight (only its shape is used).</param>
    /// <param name="a">The negative slope of the rectifier after the layer (used with <see cref="Nonlinearity.LeakyRelu"/> only).</param>
    /// <param name="mode">Divide by fan_in (default) or fan_out.</param>
    /// <param name="nonlinearity">The activation after the layer; PyTorch's default is leaky ReLU (with a = 0: plain ReLU's gain).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is infinite or NaN.</exception>
    public static double KaimingStd(Matrix<double> weight, double a = 0, FanMode mode = FanMode.FanIn, Nonlinearity nonlinearity = Nonlinearity.LeakyRelu)
    {
        var (fanIn, fanOut) = Fans(weight);
        Guard.Finite(a, nameof(a));
        return Gain(nonlinearity, a) / Math.Sqrt(mode == FanMode.FanIn ? fanIn : fanOut);
    }

    /// <summary>
    /// <c>torch.nn.init.xavier_uniform_</c>: fills <paramref name="weight"/> with U(−b, b), b = gain·√(6/(fan_in + fan_out)),
    /// so Var(w) = gain²·2/(fan_in + fan_out). Returns the same matrix.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> or <paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gain"/> is negative, infinite or NaN.</exception>
    public static Matrix<double> XavierUniform(Matrix<double> weight, System.Random random, double gain = 1.0) =>
        FillUniform(weight, random, Math.Sqrt(3.0) * XavierStd(weight, gain));

    /// <summary>
    /// <c>torch.nn.init.xavier_normal_</c>: fills <paramref name="weight"/> with N(0, std²), std = gain·√(2/(fan_in + fan_out)).
    /// Returns the same matrix.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> or <paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gain"/> is negative, infinite or NaN.</exception>
    public static Matrix<double> XavierNormal(Matrix<double> weight, System.Random random, double gain = 1.0) =>
        FillNormal(weight, random, XavierStd(weight, gain));

    /// <summary>
    /// <c>torch.nn.init.kaiming_uniform_</c>: fills <paramref name="weight"/> with U(−b, b), b = √3·gain/√fan
    /// (<see cref="KaimingStd"/>); with the defaults b = √(6/fan_in). Returns the same matrix.
    /// (<c>nn.Linear</c>'s own default is this with a = √5, which gives b = 1/√fan_in.)
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> or <paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is infinite or NaN.</exception>
    public static Matrix<double> KaimingUniform(Matrix<double> weight, System.Random random, double a = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyRelu) =>
        FillUniform(weight, random, Math.Sqrt(3.0) * KaimingStd(weight, a, mode, nonlinearity));

    /// <summary>
    /// <c>torch.nn.init.kaiming_normal_</c>: fills <paramref name="weight"/> with N(0, std²), std = gain/√fan
    /// (<see cref="KaimingStd"/>); with the defaults std = √(2/fan_in). Returns the same matrix.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> or <paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is infinite or NaN.</exception>
    public static Matrix<double> KaimingNormal(Matrix<double> weight, System.Random random, double a = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyRelu) =>
        FillNormal(weight, random, KaimingStd(weight, a, mode, nonlinearity));

    /// <summary>
    /// <c>torch.nn.init.orthogonal_</c>: fills <paramref name="weight"/> (r×c) with gain times a random (semi-)orthogonal
    /// matrix: the Q of the QR decomposition of an N(0, 1) matrix (transposed first when r &lt; c) whose R has a positive
    /// diagonal, which is what PyTorch's sign fix (multiplying Q's columns by the signs of R's diagonal) produces and
    /// makes Q uniformly (Haar) distributed. Then WᵀW = gain²·I when r ≥ c and WWᵀ = gain²·I when r &lt; c: multiplying
    /// by W scales the length of every vector (of the right space) by exactly gain. Returns the same matrix.
    /// </summary>
    /// <remarks>Q is computed by Gram–Schmidt orthogonalisation with one re-orthogonalisation pass ("twice is enough"),
    /// orthonormal to rounding (≈ 1e-15), and much faster than a general QR for the small matrices of the course.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="weight"/> or <paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gain"/> is negative, infinite or NaN.</exception>
    public static Matrix<double> Orthogonal(Matrix<double> weight, System.Random random, double gain = 1.0)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(random);
        Guard.NonNegative(gain, nameof(gain));
        var wide = weight.RowCount < weight.ColumnCount;
        var gaussian = Numerics.Rng.StandardNormal(weight.RowCount, weight.ColumnCount, random);
        var columns = (wide ? gaussian.Transpose() : gaussian).ToColumnArrays();   // tall: orthonormalise its columns
        for (var j = 0; j < columns.Length; j++)
        {
            var v = columns[j];
            for (var pass = 0; pass < 2; pass++)
                for (var k = 0; k < j; k++)
                {
                    var projection = Dot(columns[k], v);
                    for (var i = 0; i < v.Length; i++) v[i] -= projection * columns[k][i];
                }
            var scale = 1 / Math.Sqrt(Dot(v, v));   // R's diagonal entry is +‖v‖
            for (var i = 0; i < v.Length; i++) v[i] *= scale;
        }
        var q = Matrix<double>.Build.DenseOfColumnArrays(columns);
        (wide ? q.Transpose() : q).Multiply(gain, weight);
        return weight;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static Matrix<double> FillUniform(Matrix<double> weight, System.Random random, double bound)
    {
        ArgumentNullException.ThrowIfNull(random);
        Matrix<double>.Build.Random(weight.RowCount, weight.ColumnCount, new ContinuousUniform(-bound, bound, random)).CopyTo(weight);
        return weight;
    }

    private static Matrix<double> FillNormal(Matrix<double> weight, System.Random random, double std)
    {
        ArgumentNullException.ThrowIfNull(random);
        Matrix<double>.Build.Random(weight.RowCount, weight.ColumnCount, new Normal(0, std, random)).CopyTo(weight);
        return weight;
    }
}
