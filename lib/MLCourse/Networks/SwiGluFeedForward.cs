using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;
using MLCourse.Numerics;

namespace MLCourse.Networks;

/// <summary>
/// The SwiGLU feed-forward block of LLaMA (Shazeer 2020, "GLU Variants Improve Transformer"):
/// FFN(x) = W₂(Swish_β(W₁x) ⊙ W₃x) for each token x, without biases; in row form, for an N×d batch,
/// (Swish_β(x W₁ᵀ) ⊙ x W₃ᵀ) W₂ᵀ. LLaMA's names: w1 is the gate projection (Hugging Face's gate_proj), w3 the "up"
/// projection V (up_proj), w2 the "down" projection (down_proj); β = 1 (SiLU). Introduced in notebook 08 (activations).
/// </summary>
/// <remarks>
/// <para>The three matrices are the only parameters: 3·d·d_ff of them. A ReLU/GELU block with d_ff = 4d has 8d²
/// weights, so LLaMA takes d_ff ≈ ⅔·4d (rounded up to a multiple of 256) to keep the count about the same.</para>
/// <para>Weights start as <c>nn.Linear(…, bias=False)</c> initialises them, U(−1/√fan_in, 1/√fan_in), drawn from the
/// given generator in the order w1, w2, w3 (the order the notes' module creates them). The properties are the live
/// matrices: copy values into them to load other weights.</para>
/// </remarks>
public sealed class SwiGluFeedForward
{
    /// <summary>A block with random weights. Range: hiddenSize, intermediateSize ≥ 1; beta any finite number (1 for SiLU).</summary>
    /// <exception cref="ArgumentException">A size below 1 or a non-finite <paramref name="beta"/>.</exception>
    public SwiGluFeedForward(int hiddenSize, int intermediateSize, System.Random random, double beta = 1.0)
    {
        Guard.Positive(hiddenSize, nameof(hiddenSize));
        Guard.Positive(intermediateSize, nameof(intermediateSize));
        Guard.Finite(beta, nameof(beta));
        ArgumentNullException.ThrowIfNull(random);
        (HiddenSize, IntermediateSize, Beta) = (hiddenSize, intermediateSize, beta);
        W1 = Rng.Uniform(intermediateSize, hiddenSize, 1 / Math.Sqrt(hiddenSize), random);
        W2 = Rng.Uniform(hiddenSize, intermediateSize, 1 / Math.Sqrt(intermediateSize), random);
        W3 = Rng.Uniform(intermediateSize, hiddenSize, 1 / Math.Sqrt(hiddenSize), random);
    }

    /// <summary>The model width d (input and output size).</summary>
    public int HiddenSize { get; }

    /// <summary>The hidden width d_ff of the block.</summary>
    public int IntermediateSize { get; }

    /// <summary>The slope β of the Swish gate (1: SiLU, as in LLaMA and the notes' code).</summary>
    public double Beta { get; }

    /// <summary>The gate projection W₁ (d_ff×d; LLaMA's w1).</summary>
    public Matrix<double> W1 { get; }

    /// <summary>The output ("down") projection W₂ (d×d_ff; LLaMA's w2).</summary>
    public Matrix<double> W2 { get; }

    /// <summary>The value ("up") projection V (d_ff×d; LLaMA's w3).</summary>
    public Matrix<double> W3 { get; }

    /// <summary>The number of parameters, counted from the three built matrices.</summary>
    public int ParameterCount => new[] { W1, W2, W3 }.Sum(w => w.RowCount * w.ColumnCount);

    /// <summary>The block applied to each row (token) of the N×d batch <paramref name="x"/>: an N×d result. Tokens do not interact.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have d columns (both shapes are named).</exception>
    public Matrix<double> Forward(Matrix<double> x)
    {
        Guard.Columns(x, HiddenSize, nameof(x), $"the block's width d = {HiddenSize}");
        var gate = x.TransposeAndMultiply(W1).Map(z => Activation.Swish(z, Beta));
        return gate.PointwiseMultiply(x.TransposeAndMultiply(W3)).TransposeAndMultiply(W2);
    }
}
