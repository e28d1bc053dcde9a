namespace MLCourse.Convolution;

/// <summary>One layer's window along one axis: kernel size k, stride s, dilation d (a pooling layer is a window too).</summary>
/// <param name="Kernel">k ≥ 1.</param>
/// <param name="Stride">s ≥ 1.</param>
/// <param name="Dilation">d ≥ 1; the window then spans d(k − 1) + 1 positions.</param>
public readonly record struct Window(int Kernel, int Stride = 1, int Dilation = 1);

/// <summary>
/// Receptive fields of a stack of windows (convolutions, pooling), along one axis. Introduced in notebook 20.
/// </summary>
/// <remarks>
/// A unit after layer l sees r_l input positions: r_0 = 1 and r_l = r_{l−1} + (k_eff,l − 1)·j_{l−1}, where
/// k_eff = d(k − 1) + 1 and the jump j_{l−1} = Π_{i&lt;l} s_i is the distance, in input positions, between neighbouring units
/// of layer l − 1. Padding shifts the field but does not change its size. The field is where an output unit *can* depend on
/// the input; how strongly it does falls off towards the edges (the "effective" receptive field is smaller).
/// </remarks>
public static class ReceptiveField
{
    /// <summary>r_1 … r_L for the stack <paramref name="layers"/> (first layer first).</summary>
    /// <exception cref="ArgumentException">A kernel, stride or dilation below 1.</exception>
    public static int[] Sizes(IReadOnlyList<Window> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var (sizes, field, jump) = (new int[layers.Count], 1, 1);
        for (var l = 0; l < layers.Count; l++)
        {
            var (k, s, d) = layers[l];
            Guard.Positive(k, nameof(layers));
            Guard.Positive(s, nameof(layers));
            Guard.Positive(d, nameof(layers));
            field += d * (k - 1) * jump;
            jump *= s;
            sizes[l] = field;
        }
        return sizes;
    }
}
