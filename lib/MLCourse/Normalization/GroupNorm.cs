using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Normalization;

/// <summary>
/// Group normalization of N×C×H×W (or N×C×L) data, the same numbers as <c>torch.nn.GroupNorm(numGroups, numChannels, eps)</c>.
/// The C channels are split into G groups of C/G consecutive channels; each sample's group of (C/G)·H·W values is
/// normalised with its own mean and biased variance, then each channel c gets y = γ_c x̂ + β_c.
/// G = 1 is LayerNorm over C·H·W (with one γ, β per channel), G = C is InstanceNorm (over H·W).
/// No statistic crosses the batch: a sample's output never depends on the other samples, and N = 1 is fine.
/// Introduced in notebook 04 (04-batch-normalization).
/// </summary>
/// <remarks>
/// Layout: a sample is one row of C·L columns, channel-major, exactly <c>x.reshape(N, C*H*W)</c> in PyTorch: column
/// c·L + s holds channel c at spatial position s (L = H·W, or 1 for plain N×C features). Parameters: γ and β, one per
/// channel (2C). Initially γ = 1, β = 0; the vectors are live.
/// </remarks>
public sealed class GroupNorm : NormalizationLayer
{
    /// <summary>Creates the layer with γ = 1 and β = 0.</summary>
    /// <param name="numGroups">G. Range: ≥ 1 and a divisor of <paramref name="numChannels"/>.</param>
    /// <param name="numChannels">C. Range: ≥ 1.</param>
    /// <param name="eps">ε added to the variance. Range: finite, &gt; 0. PyTorch's default 1e-5.</param>
    /// <exception cref="ArgumentException">An argument is outside its range, or G does not divide C.</exception>
    public GroupNorm(int numGroups, int numChannels, double eps = 1e-5) : base(numChannels, nameof(numChannels), eps)
    {
        Guard.Positive(numGroups, nameof(numGroups));
        if (numChannels % numGroups != 0)
            throw new ArgumentException($"numGroups = {numGroups} must divide numChannels = {numChannels}.", nameof(numGroups));
        (NumGroups, NumChannels) = (numGroups, numChannels);
        Beta = Vector<double>.Build.Dense(numChannels);
    }

    /// <summary>G, the number of groups.</summary>
    public int NumGroups { get; }

    /// <summary>C, the number of channels.</summary>
    public int NumChannels { get; }

    /// <summary>β, the learnable per-channel shift (length C, initially 0). Live.</summary>
    public Vector<double> Beta { get; }

    /// <summary>Normalises each sample's groups; x is N×(C·L) in the channel-major layout described on the class.</summary>
    /// <returns>A new matrix of x's shape.</returns>
    /// <exception cref="ArgumentException">x's column count is not a positive multiple of C (both are named).</exception>
    public Matrix<double> Forward(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount == 0 || x.ColumnCount % NumChannels != 0)
            throw new ArgumentException(
                $"x is {Guard.Shape(x)} but its column count must be a multiple of numChannels = {NumChannels} (C·H·W columns, channel-major).", nameof(x));
        var spatial = x.ColumnCount / NumChannels;
        var width = NumChannels / NumGroups * spatial;
        var y = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (var i = 0; i < x.RowCount; i++)
            for (var g = 0; g < NumGroups; g++)
            {
                var (mean, variance) = Moments.Of(x.Row(i, g * width, width));
                var inverseStd = 1 / Math.Sqrt(variance + Eps);
                for (var k = g * width; k < (g + 1) * width; k++)
                    y[i, k] = (x[i, k] - mean) * inverseStd * Gamma[k / spatial] + Beta[k / spatial];
            }
        return y;
    }
}
