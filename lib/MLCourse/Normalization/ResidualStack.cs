using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Normalization;

/// <summary>
/// A stack of L residual blocks whose branch is a ReLU MLP, F_l(h) = ReLU(h·W1ᵀ)·W2ᵀ for each row h (a token), with a
/// LayerNorm without γ and β (γ = 1, β = 0, as at initialisation) in one of the two placements of
/// <see cref="NormPlacement"/>: pre-norm x_{l+1} = x_l + F_l(LN(x_l)) with output LN(x_L), or post-norm
/// x_{l+1} = LN(x_l + F_l(x_l)) with output x_L. <see cref="Run"/> computes the residual stream x_0 … x_L, the output,
/// and the gradients ∂L/∂x_l of L = Σ upstream⊙output, by the chain rule through every block (the backward pass
/// written by hand in notebook 04). Introduced in notebook 04 (04-batch-normalization), which runs it over many deep
/// random networks: it works on plain arrays, so that loop stays fast.
/// </summary>
/// <remarks>
/// Shapes: W1 is hidden×width and W2 is width×hidden (PyTorch's <c>nn.Linear</c> layout, no biases), the same for every
/// block; inputs are T×width (T tokens, each normalised over its own width features). In pre-norm the gradient flows
/// back through the identity path, g_l = g_{l+1} + J_LN(x_l)ᵀ·J_F(LN(x_l))ᵀ·g_{l+1}; in post-norm every path from the
/// output to x_0 crosses all L LayerNorm Jacobians. The ReLU's derivative at exactly 0 is taken as 0, as PyTorch does.
/// </remarks>
public sealed class ResidualStack
{
    private readonly double[][] w1, w2;   // per block, row-major: W1 hidden×width, W2 width×hidden

    /// <summary>Creates the stack from its blocks' weights (copied).</summary>
    /// <param name="blocks">The blocks, bottom first: W1 (hidden×width) and W2 (width×hidden) each. Range: at least one block, all of one shape.</param>
    /// <param name="placement">Pre-norm or post-norm.</param>
    /// <param name="eps">ε of every LayerNorm. Range: finite, &gt; 0. PyTorch's default 1e-5.</param>
    /// <exception cref="ArgumentNullException">blocks or one of its matrices is null.</exception>
    /// <exception cref="ArgumentException">No blocks, or a block whose W1 or W2 does not have the shape of block 0's (both shapes are named).</exception>
    /// <exception cref="ArgumentOutOfRangeException">placement is not a <see cref="NormPlacement"/> value, or eps is out of range.</exception>
    public ResidualStack(IReadOnlyList<(Matrix<double> W1, Matrix<double> W2)> blocks, NormPlacement placement, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count == 0) throw new ArgumentException("blocks must hold at least one (W1, W2) pair.", nameof(blocks));
        if (!Enum.IsDefined(placement)) throw new ArgumentOutOfRangeException(nameof(placement), placement, "placement must be PreNorm or PostNorm.");
        Guard.Positive(eps, nameof(eps));
        ArgumentNullException.ThrowIfNull(blocks[0].W1, nameof(blocks));
        (Hidden, Width) = (blocks[0].W1.RowCount, blocks[0].W1.ColumnCount);
        (w1, w2) = (new double[blocks.Count][], new double[blocks.Count][]);
        for (var l = 0; l < blocks.Count; l++)
        {
            var (a, b) = blocks[l];
            ArgumentNullException.ThrowIfNull(a, nameof(blocks));
            ArgumentNullException.ThrowIfNull(b, nameof(blocks));
            if (a.RowCount != Hidden || a.ColumnCount != Width)
                throw new ArgumentException($"blocks[{l}].W1 is {Guard.Shape(a)} but blocks[0].W1 is {Hidden}×{Width} (hidden×width).", nameof(blocks));
            if (b.RowCount != Width || b.ColumnCount != Hidden)
                throw new ArgumentException($"blocks[{l}].W2 is {Guard.Shape(b)} but must be {Width}×{Hidden} (width×hidden, from blocks[0].W1 {Hidden}×{Width}).", nameof(blocks));
            (w1[l], w2[l]) = (a.ToRowMajorArray(), b.ToRowMajorArray());
        }
        (Placement, Eps) = (placement, eps);
    }

    /// <summary>L, the number of residual blocks.</summary>
    public int Depth => w1.Length;

    /// <summary>The width of the residual stream (features per token).</summary>
    public int Width { get; }

    /// <summary>The MLP's hidden width (rows of W1).</summary>
    public int Hidden { get; }

    /// <summary>Pre-norm or post-norm.</summary>
    public NormPlacement Placement { get; }

    /// <summary>ε of every LayerNorm.</summary>
    public double Eps { get; }

    /// <summary>
    /// The forward pass from <paramref name="x0"/> and the backward pass of L = Σ upstream⊙output.
    /// </summary>
    /// <param name="x0">The input stream, T×width (T ≥ 1 tokens).</param>
    /// <param name="upstream">∂L/∂output, T×width.</param>
    /// <returns>The stream x_0 … x_L (L + 1 matrices), the output, and ∂L/∂x_l for l = 0 … L.</returns>
    /// <exception cref="ArgumentNullException">x0 or upstream is null.</exception>
    /// <exception cref="ArgumentException">x0 does not have width columns, or upstream does not have x0's shape (both shapes are named).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // hot: compiled optimised at once, not after tiering
    public ResidualStackPass Run(Matrix<double> x0, Matrix<double> upstream)
    {
        Guard.Columns(x0, Width, nameof(x0), "width");
        Guard.SameShape(x0, nameof(x0), upstream, nameof(upstream));
        var (tokens, depth) = (x0.RowCount, Depth);
        var stream = new double[depth + 1][];
        stream[0] = x0.ToRowMajorArray();
        var (normalized, rstd, preActivation) = (new double[depth + 1][], new double[depth + 1][], new double[depth][]);
        var (mlpOut, mlpGrad, hiddenGrad) = (new double[tokens * Width], new double[tokens * Width], new double[tokens * Hidden]);
        var preNorm = Placement == NormPlacement.PreNorm;
        for (var l = 0; l < depth; l++)
        {
            var x = stream[l];
            var next = new double[x.Length];
            preActivation[l] = new double[tokens * Hidden];
            if (preNorm)
            {
                (normalized[l], rstd[l]) = Standardize(x, tokens);
                Mlp(l, normalized[l], tokens, preActivation[l], mlpOut);
                for (var k = 0; k < next.Length; k++) next[k] = x[k] + mlpOut[k];
            }
            else
            {
                Mlp(l, x, tokens, preActivation[l], mlpOut);
                for (var k = 0; k < next.Length; k++) mlpOut[k] += x[k];   // x_l + F_l(x_l)
                (next, rstd[l + 1]) = Standardize(mlpOut, tokens);        // x_{l+1} = its x̂
            }
            stream[l + 1] = next;
        }
        double[] output;
        if (preNorm) (output, rstd[depth]) = Standardize(stream[depth], tokens);
        else output = stream[depth];

        var gradients = new double[depth + 1][];
        var g = upstream.ToRowMajorArray();
        if (preNorm) g = StandardizeBackward(output, rstd[depth], g, tokens);
        gradients[depth] = g;
        for (var l = depth - 1; l >= 0; l--)
        {
            g = (double[])g.Clone();
            if (preNorm)
            {
                MlpBackward(l, preActivation[l], g, tokens, hiddenGrad, mlpGrad);   // ∂/∂LN(x_l)
                var through = StandardizeBackward(normalized[l], rstd[l], mlpGrad, tokens);
                for (var k = 0; k < g.Length; k++) g[k] += through[k];
            }
            else
            {
                var u = StandardizeBackward(stream[l + 1], rstd[l + 1], g, tokens);   // ∂L/∂(x_l + F_l(x_l))
                MlpBackward(l, preActivation[l], u, tokens, hiddenGrad, mlpGrad);
                for (var k = 0; k < g.Length; k++) g[k] = u[k] + mlpGrad[k];
            }
            gradients[l] = g;
        }
        return new ResidualStackPass(stream.Select(ToMatrix).ToList(), ToMatrix(output), gradients.Select(ToMatrix).ToList());

        Matrix<double> ToMatrix(double[] values) => Matrix<double>.Build.DenseOfRowMajor(tokens, Width, values);
    }

    /// <summary>Standardises every row of a T×width row-major array; returns x̂ and each row's rstd.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double[] Normalized, double[] Rstd) Standardize(double[] x, int tokens)
    {
        var (normalized, rstd) = (new double[x.Length], new double[tokens]);
        for (var i = 0; i < tokens; i++)
            rstd[i] = Moments.Standardize(x.AsSpan(i * Width, Width), normalized.AsSpan(i * Width, Width), Eps);
        return (normalized, rstd);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] StandardizeBackward(double[] normalized, double[] rstd, double[] dnorm, int tokens)
    {
        var dx = new double[normalized.Length];
        for (var i = 0; i < tokens; i++)
            Moments.StandardizeBackward(normalized.AsSpan(i * Width, Width), rstd[i], dnorm.AsSpan(i * Width, Width), dx.AsSpan(i * Width, Width));
        return dx;
    }

    /// <summary>a = h·W1ᵀ (kept for the backward pass), then output = ReLU(a)·W2ᵀ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Mlp(int block, double[] h, int tokens, double[] a, double[] output)
    {
        var (first, second) = (w1[block], w2[block]);
        var relu = new double[Hidden];
        for (var i = 0; i < tokens; i++)
        {
            var row = h.AsSpan(i * Width, Width);
            for (var k = 0; k < Hidden; k++)
            {
                var value = SpanMath.Dot(row, first.AsSpan(k * Width, Width));
                a[i * Hidden + k] = value;
                relu[k] = value > 0 ? value : 0;
            }
            for (var j = 0; j < Width; j++) output[i * Width + j] = SpanMath.Dot(relu, second.AsSpan(j * Hidden, Hidden));
        }
    }

    /// <summary>∂L/∂h = ((g·W2) ⊙ 1[a &gt; 0])·W1 for upstream g = ∂L/∂(MLP output).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MlpBackward(int block, double[] a, double[] g, int tokens, double[] hiddenGrad, double[] result)
    {
        var (first, second) = (w1[block], w2[block]);
        Array.Clear(hiddenGrad);
        Array.Clear(result);
        for (var i = 0; i < tokens; i++)
        {
            var dr = hiddenGrad.AsSpan(i * Hidden, Hidden);
            for (var j = 0; j < Width; j++) SpanMath.Axpy(g[i * Width + j], second.AsSpan(j * Hidden, Hidden), dr);
            var dh = result.AsSpan(i * Width, Width);
            for (var k = 0; k < Hidden; k++)
                if (a[i * Hidden + k] > 0) SpanMath.Axpy(dr[k], first.AsSpan(k * Width, Width), dh);
        }
    }
}

/// <summary>What <see cref="ResidualStack.Run"/> computes.</summary>
/// <param name="Stream">The residual stream x_0 … x_L (L + 1 matrices, T×width each).</param>
/// <param name="Output">The stack's output: LN(x_L) in pre-norm, x_L in post-norm.</param>
/// <param name="Gradients">∂L/∂x_l for l = 0 … L, where L = Σ upstream⊙output.</param>
public sealed record ResidualStackPass(IReadOnlyList<Matrix<double>> Stream, Matrix<double> Output, IReadOnlyList<Matrix<double>> Gradients);
