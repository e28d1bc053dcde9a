using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Networks;

/// <summary>
/// The loops of a fully connected layer Z = H Wᵀ + b on column-major arrays (an N×d batch is d contiguous columns of N;
/// W is out×in, entry (o, k) at k·out + o, MathNet's storage), shared by <see cref="Mlp"/> and <see cref="ResidualMlp"/>.
/// MathNet's general matrix operations are several times slower on matrices this small, and training loops call these
/// thousands of times.
/// </summary>
internal static class Dense
{
    /// <summary>
    /// PyTorch's default initialisation of <c>nn.Linear(inputs, outputs)</c>: weight (outputs×inputs), then bias, i.i.d.
    /// U(−1/√inputs, 1/√inputs) (kaiming_uniform_ with a = √5 gives exactly this bound). Without bias only the weight is drawn.
    /// </summary>
    public static (Matrix<double> Weight, Vector<double>? Bias) Initialise(int outputs, int inputs, System.Random random, bool bias = true)
    {
        var bound = 1 / Math.Sqrt(inputs);
        var weight = Rng.Uniform(outputs, inputs, bound, random);
        return (weight, bias ? Rng.Uniform(outputs, bound, random) : null);
    }

    /// <summary>Z[i, o] = b[o] + Σ_k H[i, k]·W[o, k] for the n×inputs batch <paramref name="input"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // hot loops: optimised from the first call, not after tiering
    public static double[] Forward(double[] input, int n, double[] w, int outputs, int inputs, double[]? bias)
    {
        var result = new double[n * outputs];
        for (var o = 0; o < outputs; o++)
        {
            var offset = o * n;
            if (bias is not null) Array.Fill(result, bias[o], offset, n);
            for (var k = 0; k < inputs; k++) SpanMath.Axpy(w[k * outputs + o], input.AsSpan(k * n, n), result.AsSpan(offset, n));
        }
        return result;
    }

    /// <summary>∂ℓ/∂H = δ W: the gradient that flows to the layer's input, n×inputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] InputGradient(double[] delta, int n, double[] w, int outputs, int inputs)
    {
        var result = new double[n * inputs];
        for (var k = 0; k < inputs; k++)
        {
            var offset = k * n;
            for (var o = 0; o < outputs; o++) SpanMath.Axpy(w[k * outputs + o], delta.AsSpan(o * n, n), result.AsSpan(offset, n));
        }
        return result;
    }

    /// <summary>∂ℓ/∂W = δᵀH (out×in, column-major): entry (o, k) is Σ_i δ[i, o]·H[i, k].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] WeightGradient(double[] delta, double[] input, int n, int outputs, int inputs)
    {
        var gradient = new double[outputs * inputs];
        for (var k = 0; k < inputs; k++)
            for (var o = 0; o < outputs; o++) gradient[k * outputs + o] = SpanMath.Dot(delta.AsSpan(o * n, n), input.AsSpan(k * n, n));
        return gradient;
    }

    /// <summary>∂ℓ/∂b = Σ_rows δ (length out).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] BiasGradient(double[] delta, int n, int outputs)
    {
        var gradient = new double[outputs];
        for (var o = 0; o < outputs; o++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++) sum += delta[o * n + i];
            gradient[o] = sum;
        }
        return gradient;
    }
}
