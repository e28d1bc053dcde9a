using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Normalization;

/// <summary>
/// Batch normalization over a batch of feature vectors, the same numbers as <c>torch.nn.BatchNorm1d(numFeatures, eps,
/// momentum)</c> on an N×C input. Introduced in notebook 04 (04-batch-normalization).
/// </summary>
/// <remarks>
/// <para><b>Training mode</b> (<see cref="Training"/> = true, the default). For each feature j, over the m = N rows of the batch:
/// μ_j = Σ_i x_ij / m, the biased variance σ²_j = Σ_i (x_ij − μ_j)² / m, x̂_ij = (x_ij − μ_j)/√(σ²_j + ε) and
/// y_ij = γ_j x̂_ij + β_j. Each call then updates the running statistics with PyTorch's convention
/// running ← (1 − momentum)·running + momentum·batch, using μ_j for <see cref="RunningMean"/> and the <b>unbiased</b>
/// variance σ²_j·m/(m − 1) for <see cref="RunningVar"/>, and adds 1 to <see cref="NumBatchesTracked"/>.
/// A batch of one row is rejected, as in PyTorch ("Expected more than 1 value per channel when training").</para>
/// <para><b>Evaluation mode</b> (<see cref="Training"/> = false): y_ij = γ_j (x_ij − running_mean_j)/√(running_var_j + ε) + β_j,
/// row by row, so a row's output does not depend on the other rows; nothing is updated; any N ≥ 1 is accepted.</para>
/// <para>State: 2C learnable parameters (γ, β) and 2C running buffers (running mean and variance); PyTorch also keeps
/// the counter num_batches_tracked (here <see cref="NumBatchesTracked"/>). Initial values as in PyTorch: γ = 1, β = 0,
/// running mean 0, running variance 1. The four vectors are the live state: writing into them changes the layer.</para>
/// </remarks>
public sealed class BatchNorm1d : NormalizationLayer
{
    /// <summary>Creates the layer with γ = 1, β = 0, running mean 0, running variance 1, in training mode.</summary>
    /// <param name="numFeatures">C, the number of features (columns of the input). Range: ≥ 1.</param>
    /// <param name="eps">ε added to the variance before the square root. Range: finite, &gt; 0. PyTorch's default 1e-5.</param>
    /// <param name="momentum">Weight of the new batch in the running averages. Range: [0, 1]; 0 freezes the running
    /// statistics, 1 replaces them by the last batch's. PyTorch's default 0.1 (Keras' "momentum 0.99" is 1 − this).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range; the message names it and the value.
    /// (PyTorch accepts any eps and momentum silently; a negative ε or a momentum of 1.5 is always a mistake.)</exception>
    public BatchNorm1d(int numFeatures, double eps = 1e-5, double momentum = 0.1) : base(numFeatures, nameof(numFeatures), eps)
    {
        Guard.InRange(momentum, 0, 1, nameof(momentum));
        (NumFeatures, Momentum) = (numFeatures, momentum);
        Beta = Vector<double>.Build.Dense(numFeatures);
        RunningMean = Vector<double>.Build.Dense(numFeatures);
        RunningVar = Vector<double>.Build.Dense(numFeatures, 1.0);
    }

    /// <summary>C, the number of features.</summary>
    public int NumFeatures { get; }

    /// <summary>Weight of the new batch in the running averages (PyTorch convention).</summary>
    public double Momentum { get; }

    /// <summary>β, the learnable shift (length C, initially 0). Live: writing into it changes the layer.</summary>
    public Vector<double> Beta { get; }

    /// <summary>The running mean (length C, initially 0), updated by each training-mode <see cref="Forward"/>; used in evaluation mode.</summary>
    public Vector<double> RunningMean { get; }

    /// <summary>The running unbiased variance (length C, initially 1), updated by each training-mode <see cref="Forward"/>; used in evaluation mode.</summary>
    public Vector<double> RunningVar { get; }

    /// <summary>How many training-mode batches have updated the running statistics (PyTorch's num_batches_tracked).</summary>
    public long NumBatchesTracked { get; private set; }

    /// <summary>True (the default): normalise with the batch statistics and update the running ones. False: evaluation mode.</summary>
    public bool Training { get; set; } = true;

    /// <summary>
    /// Normalises <paramref name="x"/> (N×C, one row per sample) as described on the class: with the batch statistics
    /// (and updating the running ones) in training mode, with the running statistics in evaluation mode.
    /// </summary>
    /// <returns>A new N×C matrix y.</returns>
    /// <exception cref="ArgumentException">x does not have C columns, or has fewer than 2 rows in training mode (both named in the message).</exception>
    public Matrix<double> Forward(Matrix<double> x)
    {
        Guard.Columns(x, NumFeatures, nameof(x), "numFeatures");
        var m = x.RowCount;
        if (Training)
        {
            CheckTrainingBatch(x, nameof(x));
            var (y, normalized, inverseStd) = (new double[m * NumFeatures], new double[m * NumFeatures], new double[NumFeatures]);
            TrainingForward(Storage.ColumnMajor(x), m, y, normalized, inverseStd, updateRunningStatistics: true);
            return Matrix<double>.Build.Dense(m, NumFeatures, y);
        }
        var result = Matrix<double>.Build.Dense(m, NumFeatures);
        for (var j = 0; j < NumFeatures; j++)
        {
            var inverseStd = 1 / Math.Sqrt(RunningVar[j] + Eps);
            for (var i = 0; i < m; i++)
                result[i, j] = (x[i, j] - RunningMean[j]) * inverseStd * Gamma[j] + Beta[j];
        }
        return result;
    }

    /// <summary>
    /// The training-mode transform on a column-major m×C array (column j at j·m): writes y, x̂ and 1/√(σ²_j + ε), and, if
    /// asked, updates the running statistics and <see cref="NumBatchesTracked"/> as a PyTorch training step does.
    /// The array form serves <see cref="Forward"/>, <see cref="Backward"/> and the networks that call the layer in their loops.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // hot loops: optimised from the first call, not after tiering
    internal void TrainingForward(double[] x, int m, double[] y, double[] normalized, double[] inverseStd, bool updateRunningStatistics)
    {
        for (var j = 0; j < NumFeatures; j++)
        {
            var column = x.AsSpan(j * m, m);
            var (mean, variance) = Moments.Of(column);
            var (scale, gamma, beta) = (inverseStd[j] = 1 / Math.Sqrt(variance + Eps), Gamma[j], Beta[j]);
            for (var i = 0; i < m; i++)
            {
                normalized[j * m + i] = (column[i] - mean) * scale;
                y[j * m + i] = normalized[j * m + i] * gamma + beta;
            }
            if (!updateRunningStatistics) continue;
            RunningMean[j] = (1 - Momentum) * RunningMean[j] + Momentum * mean;
            RunningVar[j] = (1 - Momentum) * RunningVar[j] + Momentum * variance * m / (m - 1);
        }
        if (updateRunningStatistics) NumBatchesTracked++;
    }

    /// <summary>The training-mode gradients on column-major m×C arrays (see <see cref="Backward"/>); dγ and dβ are accumulated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void TrainingBackward(double[] dy, double[] normalized, double[] inverseStd, int m, double[] dx, double[] dGamma, double[] dBeta)
    {
        var dnorm = new double[m];
        for (var j = 0; j < NumFeatures; j++)
        {
            var upstream = dy.AsSpan(j * m, m);
            var xHat = normalized.AsSpan(j * m, m);
            var gamma = Gamma[j];
            for (var i = 0; i < m; i++)
            {
                dBeta[j] += upstream[i];
                dGamma[j] += upstream[i] * xHat[i];
                dnorm[i] = gamma * upstream[i];   // ∂L/∂x̂
            }
            Moments.StandardizeBackward(xHat, inverseStd[j], dnorm, dx.AsSpan(j * m, m));   // LayerNorm's formula, over the batch instead of the features
        }
    }

    /// <summary>
    /// Training mode needs a batch variance: at least two rows (PyTorch: "Expected more than 1 value per channel when
    /// training"). Also checked by the networks that contain batch norm, on their own input <paramref name="name"/>;
    /// <paramref name="hasEvaluationMode"/> says whether the message may suggest Training = false.
    /// </summary>
    internal static void CheckTrainingBatch(Matrix<double> x, string name, bool hasEvaluationMode = true)
    {
        if (x.RowCount < 2)
            throw new ArgumentException(
                $"{name} is {Guard.Shape(x)} but batch norm in training mode needs more than 1 value per channel (at least 2 rows) to compute a batch variance " +
                $"(PyTorch: \"Expected more than 1 value per channel when training\"); use a larger batch{(hasEvaluationMode ? " or set Training = false" : "")}.", name);
    }

    /// <summary>
    /// The backward pass of <see cref="Forward"/> in the current mode: given the input x and the upstream gradient
    /// dy = ∂L/∂y (both N×C), returns ∂L/∂x, ∂L/∂γ and ∂L/∂β, as PyTorch's autograd of <c>BatchNorm1d</c> gives them.
    /// Nothing is updated (the running statistics change only in <see cref="Forward"/>). Introduced in notebook 21
    /// (backpropagation through deep BN networks).
    /// </summary>
    /// <remarks>
    /// <para><b>Training mode</b>: μ and σ² depend on every row, so each feature's gradient mixes the batch. With
    /// x̂ = (x − μ)·rstd, rstd = 1/√(σ² + ε) and dnorm = γ_j·dy (per feature j, over the m rows):
    /// dx = rstd·(dnorm − mean(dnorm) − x̂·mean(dnorm⊙x̂)), the form LayerNorm's backward uses along the other axis
    /// (both call the same standardisation and its backward pass, over a row there and over a feature's column here).
    /// Each column of dx sums to 0 and is orthogonal to x̂: BN ignores a shift and a scaling of its input's feature.</para>
    /// <para><b>Evaluation mode</b>: the statistics are constants, dx = dy·γ_j/√(running_var_j + ε).</para>
    /// <para>In both, dγ_j = Σ_i dy_ij·x̂_ij and dβ_j = Σ_i dy_ij.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">x does not have C columns or has fewer than 2 rows in training mode, or dy
    /// does not have x's shape (both shapes are named).</exception>
    public (Matrix<double> Dx, Vector<double> DGamma, Vector<double> DBeta) Backward(Matrix<double> x, Matrix<double> dy)
    {
        Guard.Columns(x, NumFeatures, nameof(x), "numFeatures");
        if (Training) CheckTrainingBatch(x, nameof(x));
        Guard.SameShape(x, nameof(x), dy, nameof(dy));
        var m = x.RowCount;
        var (dx, dGamma, dBeta) = (new double[m * NumFeatures], new double[NumFeatures], new double[NumFeatures]);
        var (xs, upstream) = (Storage.ColumnMajor(x), Storage.ColumnMajor(dy));
        if (Training)
        {
            var (y, normalized, inverseStd) = (new double[m * NumFeatures], new double[m * NumFeatures], new double[NumFeatures]);
            TrainingForward(xs, m, y, normalized, inverseStd, updateRunningStatistics: false);
            TrainingBackward(upstream, normalized, inverseStd, m, dx, dGamma, dBeta);   // the batch statistics depend on every row
        }
        else
            for (var j = 0; j < NumFeatures; j++)
            {
                var rstd = 1 / Math.Sqrt(RunningVar[j] + Eps);   // constants in evaluation mode
                for (var i = j * m; i < (j + 1) * m; i++)
                {
                    dBeta[j] += upstream[i];
                    dGamma[j] += upstream[i] * (xs[i] - RunningMean[j]) * rstd;
                    dx[i] = upstream[i] * Gamma[j] * rstd;
                }
            }
        return (Matrix<double>.Build.Dense(m, NumFeatures, dx), Vector<double>.Build.Dense(dGamma), Vector<double>.Build.Dense(dBeta));
    }

    /// <summary>
    /// Folds this layer's evaluation-mode transform into the linear (or 1×1 convolution) layer z = x Wᵀ + b that feeds it,
    /// so that x W'ᵀ + b' = Forward(x Wᵀ + b) in evaluation mode: with s_j = γ_j/√(running_var_j + ε),
    /// W'_jk = s_j W_jk and b'_j = s_j (b_j − running_mean_j) + β_j (torch.nn.utils.fusion.fuse_linear_bn_eval).
    /// The folded layer has exactly the shape of the original one: BN costs nothing at inference. The layer is not changed.
    /// </summary>
    /// <param name="weight">W, C×in (PyTorch's nn.Linear layout: one row per output feature).</param>
    /// <param name="bias">b, length C; null for a linear layer without bias (b = 0).</param>
    /// <returns>The folded weight W' (C×in) and bias b' (length C).</returns>
    /// <exception cref="ArgumentException">weight does not have C rows, or bias does not have length C.</exception>
    public (Matrix<double> Weight, Vector<double> Bias) FoldInto(Matrix<double> weight, Vector<double>? bias = null)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.RowCount != NumFeatures)
            throw new ArgumentException($"weight is {Guard.Shape(weight)} but must have {NumFeatures} rows (numFeatures, one per output feature).", nameof(weight));
        if (bias is not null && bias.Count != NumFeatures)
            throw new ArgumentException($"bias has length {bias.Count} but must have length {NumFeatures} (numFeatures).", nameof(bias));
        var scale = Vector<double>.Build.Dense(NumFeatures, j => Gamma[j] / Math.Sqrt(RunningVar[j] + Eps));
        var foldedWeight = Matrix<double>.Build.DenseOfDiagonalVector(scale) * weight;
        var foldedBias = Vector<double>.Build.Dense(NumFeatures, j => scale[j] * ((bias?[j] ?? 0) - RunningMean[j]) + Beta[j]);
        return (foldedWeight, foldedBias);
    }
}
