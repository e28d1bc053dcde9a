using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Transformers;

/// <summary>
/// A linear layer with a LoRA adapter (Hu et al., 2021): the frozen layer y = xWᵀ + b (W ∈ ℝ^{d×k}, PyTorch's
/// out×in layout) plus a trainable low-rank update, y = xWᵀ + b + (α/r)·(xAᵀ)Bᵀ, i.e. the weight W + (α/r)BA with
/// B ∈ ℝ^{d×r} and A ∈ ℝ^{r×k}. Only A and B train: r(d + k) numbers instead of d·k. Introduced in notebook 12.
/// </summary>
/// <remarks>
/// <see cref="Initialize"/> sets B = 0, so at step 0 the adapted layer is exactly the pre-trained one, and draws A
/// from U(−1/√k, 1/√k) (what the PEFT library's default Kaiming-uniform initialisation with a = √5 gives; the paper
/// draws A from a Gaussian). Instances are immutable: a training step makes a new one with <see cref="WithFactors"/>.
/// </remarks>
public sealed class LoraLinear
{
    /// <summary>A layer with given factors. Shapes: weight d×k, bias (optional) of length d, a r×k, b d×r. Range: alpha &gt; 0.</summary>
    /// <exception cref="ArgumentException">A shape does not fit (both shapes are named); alpha is not a finite number &gt; 0.</exception>
    public LoraLinear(Matrix<double> weight, Vector<double>? bias, Matrix<double> a, Matrix<double> b, double alpha)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Guard.Positive(alpha, nameof(alpha));
        var (d, k) = (weight.RowCount, weight.ColumnCount);
        if (bias is not null && bias.Count != d)
            throw new ArgumentException($"bias has length {bias.Count} but weight is {Guard.Shape(weight)}: it must have length {d} (outputs).", nameof(bias));
        if (a.ColumnCount != k)
            throw new ArgumentException($"a is {Guard.Shape(a)} but weight is {Guard.Shape(weight)}: a must be r×{k} (r×inputs).", nameof(a));
        if (b.RowCount != d || b.ColumnCount != a.RowCount)
            throw new ArgumentException($"b is {Guard.Shape(b)} but must be {d}×{a.RowCount} (outputs × rank r, with weight {Guard.Shape(weight)} and a {Guard.Shape(a)}).", nameof(b));
        (Weight, Bias, A, B, Alpha) = (weight, bias, a, b, alpha);
    }

    /// <summary>
    /// A freshly adapted layer: B = 0 (d×r) and A ~ U(−1/√k, 1/√k) (r×k), so its output equals the frozen layer's.
    /// Range: rank ≥ 1; alpha &gt; 0.
    /// </summary>
    public static LoraLinear Initialize(Matrix<double> weight, Vector<double>? bias, int rank, double alpha, System.Random random)
    {
        ArgumentNullException.ThrowIfNull(weight);
        Guard.Positive(rank, nameof(rank));
        ArgumentNullException.ThrowIfNull(random);
        var a = Rng.Uniform(rank, weight.ColumnCount, 1 / Math.Sqrt(weight.ColumnCount), random);
        return new LoraLinear(weight, bias, a, Matrix<double>.Build.Dense(weight.RowCount, rank), alpha);
    }

    /// <summary>The frozen pre-trained weight W (d×k).</summary>
    public Matrix<double> Weight { get; }

    /// <summary>The frozen bias b (length d), or null.</summary>
    public Vector<double>? Bias { get; }

    /// <summary>The trainable down-projection A (r×k).</summary>
    public Matrix<double> A { get; }

    /// <summary>The trainable up-projection B (d×r), zero at initialisation.</summary>
    public Matrix<double> B { get; }

    /// <summary>α, the scale numerator: the update is (α/r)BA.</summary>
    public double Alpha { get; }

    /// <summary>r, the rank of the update (rows of A).</summary>
    public int Rank => A.RowCount;

    /// <summary>α/r.</summary>
    public double Scaling => Alpha / Rank;

    /// <summary>d, the output width.</summary>
    public int Outputs => Weight.RowCount;

    /// <summary>k, the input width.</summary>
    public int Inputs => Weight.ColumnCount;

    /// <summary>r(d + k): the entries of A and B.</summary>
    public long TrainableParameters => ParameterCount.Lora(Outputs, Inputs, Rank);

    /// <summary>d·k (+ d with a bias): the frozen layer.</summary>
    public long FrozenParameters => (long)Outputs * Inputs + (Bias?.Count ?? 0);

    /// <summary>y = xWᵀ + b + (α/r)(xAᵀ)Bᵀ for a batch x of n rows (n×k → n×d), computed through the low-rank path
    /// (never forming BA).</summary>
    /// <exception cref="ArgumentException">x does not have k columns.</exception>
    public Matrix<double> Forward(Matrix<double> x)
    {
        Guard.Columns(x, Inputs, nameof(x), "inputs of the layer");
        var y = x * Weight.Transpose() + x * A.Transpose() * B.Transpose() * Scaling;
        if (Bias is not null)
            for (var i = 0; i < y.RowCount; i++) y.SetRow(i, y.Row(i) + Bias);
        return y;
    }

    /// <summary>
    /// The gradients of a loss L with respect to the trainable factors, given a batch x (n×k) and G = ∂L/∂y (n×d) for the
    /// output y = <see cref="Forward"/>(x): ∂L/∂A = (α/r)·BᵀGᵀx (r×k) and ∂L/∂B = (α/r)·Gᵀ(xAᵀ) (d×r). W and b get none:
    /// they are frozen. While B = 0, ∂L/∂A = 0, so the first step moves B only. Introduced in notebook 22 (fitting an
    /// adapter to a domain task).
    /// </summary>
    /// <exception cref="ArgumentException">x does not have k columns, or gradOutput is not n×d (both shapes are named).</exception>
    public (Matrix<double> A, Matrix<double> B) Gradients(Matrix<double> x, Matrix<double> gradOutput)
    {
        Guard.Columns(x, Inputs, nameof(x), "inputs of the layer");
        ArgumentNullException.ThrowIfNull(gradOutput);
        if (gradOutput.RowCount != x.RowCount || gradOutput.ColumnCount != Outputs)
            throw new ArgumentException($"gradOutput is {Guard.Shape(gradOutput)} but x is {Guard.Shape(x)}: it must be {x.RowCount}×{Outputs} (one row per input, one column per output).", nameof(gradOutput));
        var gradA = B.TransposeThisAndMultiply(gradOutput.TransposeThisAndMultiply(x)) * Scaling;
        var gradB = gradOutput.TransposeThisAndMultiply(x.TransposeAndMultiply(A)) * Scaling;
        return (gradA, gradB);
    }

    /// <summary>The merged weight W + (α/r)BA (d×k): after training it replaces W, so inference costs nothing extra.</summary>
    public Matrix<double> MergedWeight() => Weight + B * A * Scaling;

    /// <summary>The same frozen layer with new factors (e.g. after a training step). Shapes as in the constructor.</summary>
    public LoraLinear WithFactors(Matrix<double> a, Matrix<double> b) => new(Weight, Bias, a, b, Alpha);
}
