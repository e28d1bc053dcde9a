using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Attention;

/// <summary>
/// Multi-head attention with the semantics of PyTorch's <c>torch.nn.MultiheadAttention(d_model, heads, bias=…)</c>
/// (no dropout, kdim = vdim = d_model, no add_bias_kv / add_zero_attn). Introduced in notebook 02 (02-multi-head-attention).
/// </summary>
/// <remarks>
/// <para><b>The maths.</b> With d = <see cref="DModel"/>, h = <see cref="Heads"/> and d_k = d/h = <see cref="HeadDim"/>,
/// the projections are Q = X_q W_Qᵀ + b_Q, K = X_k W_Kᵀ + b_K, V = X_v W_Vᵀ + b_V (each d×d weight stored as PyTorch's
/// <c>nn.Linear</c> stores it: out×in, applied as x Wᵀ + b). Head i takes columns i·d_k … (i+1)·d_k − 1 of Q, K and V
/// (equivalently rows i·d_k … of W_Q, W_K, W_V) and computes head_i = softmax(Q_i K_iᵀ/√d_k + M) V_i with
/// <see cref="ScaledDotProductAttention"/>; the output is Concat(head_1, …, head_h) W_Oᵀ + b_O.</para>
/// <para><b>Parameters.</b> 4d² weights plus 4d biases (4d² without biases) for every h: the heads split d, they do not
/// multiply it. <see cref="ParameterCount"/> counts the entries of the live matrices and vectors.</para>
/// <para><b>PyTorch's parameters.</b> <c>in_proj_weight</c> (3d×d) is [W_Q; W_K; W_V] stacked by rows and
/// <c>in_proj_bias</c> (3d) is [b_Q; b_K; b_V] (load both with <see cref="SetInProjection"/>); <c>out_proj.weight</c> is
/// <see cref="WO"/> and <c>out_proj.bias</c> is <see cref="BO"/>. With <c>bias=False</c> both biases are absent (null here).</para>
/// <para><b>Masks.</b> This library's masks say which keys a query may <i>see</i> (<c>true</c> = keep, see <see cref="Masks"/>).
/// PyTorch's boolean masks say which keys are <i>hidden</i> (<c>True</c> = masked out). So PyTorch's
/// <c>attn_mask[i, j]</c> corresponds to <c>!keep[i, j]</c> and <c>key_padding_mask[b, j]</c> to <c>!keyPaddingKeep[b, j]</c>.
/// A query that may see no key gets NaN weights and a NaN output row, as in PyTorch.</para>
/// <para><b>Batches.</b> A batch is a list of B sequences, each an L×d matrix, all of one length per argument (a PyTorch
/// tensor of shape (B, L, d) with <c>batch_first=True</c>). The output is a list of B matrices L_q×d; the weights are,
/// per sequence, a list of h matrices L_q×L_k (PyTorch's <c>need_weights=True, average_attn_weights=False</c>, shape
/// (B, h, L_q, L_k)); <see cref="AverageHeads"/> gives PyTorch's default, averaged weights.</para>
/// <para>The weight properties return the layer's own matrices and vectors ("live"): changing their entries changes the layer.</para>
/// </remarks>
public sealed class MultiHeadAttention
{
    /// <summary>
    /// A layer with PyTorch's initialisation: W_Q, W_K, W_V are the three row blocks of a Xavier-uniform 3d×d matrix,
    /// entries ~ U(−√(6/(d + 3d)), +√(6/(d + 3d))); W_O has entries ~ U(−1/√d, 1/√d) (nn.Linear's default); all biases are 0.
    /// </summary>
    /// <param name="dModel">The model width d. Range: ≥ 1 and divisible by <paramref name="heads"/>.</param>
    /// <param name="heads">The number of heads h. Range: 1 ≤ h ≤ d with d mod h = 0.</param>
    /// <param name="bias">Whether the four projections have biases (PyTorch's <c>bias</c>, default true).</param>
    /// <param name="random">The random source for the weights (e.g. <c>MLCourse.Numerics.Rng.Create(seed)</c>); null uses
    /// <c>Rng.Create(0)</c>, so layers built without one start identical (and a notebook's numbers never change between runs).</param>
    /// <exception cref="ArgumentOutOfRangeException">dModel or heads is below 1.</exception>
    /// <exception cref="ArgumentException">dModel is not divisible by heads (the message names both).</exception>
    public MultiHeadAttention(int dModel, int heads, bool bias = true, System.Random? random = null)
    {
        Guard.Positive(dModel, nameof(dModel));
        Guard.Positive(heads, nameof(heads));
        if (dModel % heads != 0)
            throw new ArgumentException(
                $"dModel = {dModel} is not divisible by heads = {heads}: each head gets dModel / heads columns.", nameof(heads));
        random ??= Numerics.Rng.Create(0);
        (DModel, Heads, HeadDim) = (dModel, heads, dModel / heads);
        var xavier = new ContinuousUniform(-Math.Sqrt(6.0 / (4 * dModel)), Math.Sqrt(6.0 / (4 * dModel)), random);
        var inProjection = Matrix<double>.Build.Random(3 * dModel, dModel, xavier);
        (WQ, WK, WV) = (Block(inProjection, 0), Block(inProjection, 1), Block(inProjection, 2));
        WO = Matrix<double>.Build.Random(dModel, dModel, new ContinuousUniform(-1 / Math.Sqrt(dModel), 1 / Math.Sqrt(dModel), random));
        if (bias)
            (BQ, BK, BV, BO) = (Zero(), Zero(), Zero(), Zero());
        Vector<double> Zero() => Vector<double>.Build.Dense(dModel);
    }

    /// <summary>The model width d (PyTorch's <c>embed_dim</c>).</summary>
    public int DModel { get; }

    /// <summary>The number of heads h.</summary>
    public int Heads { get; }

    /// <summary>The width of one head, d_k = d/h (PyTorch's <c>head_dim</c>); the scores are divided by √d_k.</summary>
    public int HeadDim { get; }

    /// <summary>Whether the projections have biases (then <see cref="BQ"/>, <see cref="BK"/>, <see cref="BV"/>, <see cref="BO"/> are not null).</summary>
    public bool HasBias => BQ is not null;

    /// <summary>The query projection W_Q, d×d (out×in, applied as X W_Qᵀ); rows i·d_k … (i+1)·d_k − 1 belong to head i. Live.</summary>
    public Matrix<double> WQ { get; }

    /// <summary>The key projection W_K, d×d, laid out like <see cref="WQ"/>. Live.</summary>
    public Matrix<double> WK { get; }

    /// <summary>The value projection W_V, d×d, laid out like <see cref="WQ"/>. Live.</summary>
    public Matrix<double> WV { get; }

    /// <summary>The output projection W_O, d×d (PyTorch's <c>out_proj.weight</c>); column block i multiplies head i's output. Live.</summary>
    public Matrix<double> WO { get; }

    /// <summary>The query bias b_Q (length d), or null without biases. Live.</summary>
    public Vector<double>? BQ { get; }

    /// <summary>The key bias b_K (length d), or null without biases. Live.</summary>
    public Vector<double>? BK { get; }

    /// <summary>The value bias b_V (length d), or null without biases. Live.</summary>
    public Vector<double>? BV { get; }

    /// <summary>The output bias b_O (length d, PyTorch's <c>out_proj.bias</c>), or null without biases. Live.</summary>
    public Vector<double>? BO { get; }

    /// <summary>
    /// The number of trainable numbers, counted from the matrices and vectors: 4d² + 4d with biases, 4d² without,
    /// whatever the number of heads.
    /// </summary>
    public int ParameterCount =>
        new[] { WQ, WK, WV, WO }.Sum(w => w.RowCount * w.ColumnCount) + new[] { BQ, BK, BV, BO }.Sum(b => b?.Count ?? 0);

    /// <summary>PyTorch's <c>in_proj_weight</c>: [W_Q; W_K; W_V] stacked by rows, 3d×d. A copy: use <see cref="SetInProjection"/> to change it.</summary>
    public Matrix<double> InProjWeight => WQ.Stack(WK).Stack(WV);

    /// <summary>PyTorch's <c>in_proj_bias</c>: [b_Q; b_K; b_V], length 3d, or null without biases. A copy.</summary>
    public Vector<double>? InProjBias => HasBias ? Vector<double>.Build.DenseOfEnumerable(BQ!.Concat(BK!).Concat(BV!)) : null;

    /// <summary>
    /// Copies PyTorch's fused input projection into <see cref="WQ"/>, <see cref="WK"/>, <see cref="WV"/> (rows 0…d−1,
    /// d…2d−1, 2d…3d−1 of <paramref name="weight"/>) and the biases (the same thirds of <paramref name="bias"/>).
    /// </summary>
    /// <param name="weight"><c>in_proj_weight</c>, 3d×d.</param>
    /// <param name="bias"><c>in_proj_bias</c>, length 3d; must be null exactly when the layer has no biases.</param>
    /// <exception cref="ArgumentException">A shape does not fit (named with the expected shape), or bias is given to a
    /// layer without biases / missing for a layer with biases.</exception>
    public void SetInProjection(Matrix<double> weight, Vector<double>? bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.RowCount != 3 * DModel || weight.ColumnCount != DModel)
            throw new ArgumentException(
                $"weight is {Guard.Shape(weight)} but in_proj_weight must be 3·dModel×dModel = {3 * DModel}×{DModel}.", nameof(weight));
        if (bias is null != !HasBias)
            throw new ArgumentException(HasBias
                ? "bias is null but the layer has biases: give in_proj_bias."
                : "bias is given but the layer was built with bias: false.", nameof(bias));
        if (bias is not null && bias.Count != 3 * DModel)
            throw new ArgumentException($"bias has length {bias.Count} but in_proj_bias must have length 3·dModel = {3 * DModel}.", nameof(bias));
        var targets = new[] { (WQ, BQ), (WK, BK), (WV, BV) };
        for (var part = 0; part < 3; part++)
        {
            Block(weight, part).CopyTo(targets[part].Item1);
            bias?.SubVector(part * DModel, DModel).CopyTo(targets[part].Item2!);
        }
    }

    /// <summary>
    /// Multi-head attention of one sequence: L_q queries (rows of <paramref name="query"/>) attend to L_k keys and values.
    /// Self-attention passes the same matrix three times.
    /// </summary>
    /// <param name="query">L_q×d.</param>
    /// <param name="key">L_k×d.</param>
    /// <param name="value">L_k×d.</param>
    /// <param name="keep">Optional L_q×L_k mask shared by every head: <c>keep[i, j] == false</c> hides key j from query i
    /// (PyTorch's boolean <c>attn_mask</c> negated). Null: every query sees every key.</param>
    /// <returns>The L_q×d output and the h per-head weight matrices (L_q×L_k, rows summing to 1).</returns>
    /// <exception cref="ArgumentException">A width is not d, key and value have different lengths, or keep is not
    /// L_q×L_k; the message names the shapes.</exception>
    public (Matrix<double> Output, IReadOnlyList<Matrix<double>> Weights) Forward(
        Matrix<double> query, Matrix<double> key, Matrix<double> value, bool[,]? keep = null)
    {
        Validate(query, key, value);
        ValidateKeep(keep, query.RowCount, key.RowCount);
        return Attend(query, key, value, keep);
    }

    /// <summary>
    /// Multi-head attention of a batch of B sequences (PyTorch with <c>batch_first=True</c>): sequence b's queries attend
    /// to sequence b's keys only.
    /// </summary>
    /// <param name="query">B matrices, each L_q×d.</param>
    /// <param name="key">B matrices, each L_k×d.</param>
    /// <param name="value">B matrices, each L_k×d.</param>
    /// <param name="keep">Optional L_q×L_k mask applied to every sequence and head (PyTorch's 2-D boolean <c>attn_mask</c>, negated).</param>
    /// <param name="keyPaddingKeep">Optional B×L_k mask: <c>false</c> at [b, j] hides key j of sequence b from all its
    /// queries (PyTorch's <c>key_padding_mask</c>, negated; build it with <see cref="Masks.KeyPadding"/>). A key is seen
    /// only if both masks allow it.</param>
    /// <returns>Output[b] is L_q×d; Weights[b][i] is head i's L_q×L_k weights for sequence b, i.e. shape (B, h, L_q, L_k).</returns>
    /// <exception cref="ArgumentException">The batch is empty, the three lists have different lengths, the sequences of
    /// one list differ in shape, or a shape does not fit; the message names the shapes.</exception>
    public (IReadOnlyList<Matrix<double>> Output, IReadOnlyList<IReadOnlyList<Matrix<double>>> Weights) Forward(
        IReadOnlyList<Matrix<double>> query, IReadOnlyList<Matrix<double>> key, IReadOnlyList<Matrix<double>> value,
        bool[,]? keep = null, bool[,]? keyPaddingKeep = null)
    {
        ValidateBatch(query, key, value);
        for (var b = 0; b < query.Count; b++)
            Validate(query[b], key[b], value[b], $"[{b}]");
        var (queries, keys) = (query[0].RowCount, key[0].RowCount);
        ValidateKeep(keep, queries, keys);
        if (keyPaddingKeep is not null && (keyPaddingKeep.GetLength(0) != query.Count || keyPaddingKeep.GetLength(1) != keys))
            throw new ArgumentException(
                $"keyPaddingKeep is {keyPaddingKeep.GetLength(0)}×{keyPaddingKeep.GetLength(1)} but must be B×L_k = {query.Count}×{keys}.",
                nameof(keyPaddingKeep));
        var outputs = new Matrix<double>[query.Count];
        var weights = new IReadOnlyList<Matrix<double>>[query.Count];
        for (var b = 0; b < query.Count; b++)
            (outputs[b], weights[b]) = Attend(query[b], key[b], value[b], Combine(keep, keyPaddingKeep, b, queries, keys));
        return (outputs, weights);
    }

    /// <summary>
    /// The mean of the heads' weights, (1/h) Σ_i Weights[i]: what PyTorch returns with its default
    /// <c>average_attn_weights=True</c>. Rows still sum to 1.
    /// </summary>
    /// <exception cref="ArgumentException">No matrices, or matrices of different shapes.</exception>
    public static Matrix<double> AverageHeads(IReadOnlyList<Matrix<double>> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0) throw new ArgumentException("Give the weights of at least one head.", nameof(weights));
        var sum = weights[0].Clone();
        for (var i = 1; i < weights.Count; i++)
        {
            Guard.SameShape(weights[0], "weights[0]", weights[i], $"weights[{i}]");
            sum += weights[i];
        }
        return sum / weights.Count;
    }

    private (Matrix<double> Output, IReadOnlyList<Matrix<double>> Weights) Attend(
        Matrix<double> query, Matrix<double> key, Matrix<double> value, bool[,]? keep)
    {
        var (q, k, v) = (Project(query, WQ, BQ), Project(key, WK, BK), Project(value, WV, BV));
        var concat = Matrix<double>.Build.Dense(query.RowCount, DModel);
        var weights = new Matrix<double>[Heads];
        for (var i = 0; i < Heads; i++)
        {
            var (head, w) = ScaledDotProductAttention.Compute(Columns(q, i), Columns(k, i), Columns(v, i), keep);
            concat.SetSubMatrix(0, i * HeadDim, head);
            weights[i] = w;
        }
        return (Project(concat, WO, BO), weights);
    }

    /// <summary>x Wᵀ + b (nn.Linear).</summary>
    private static Matrix<double> Project(Matrix<double> x, Matrix<double> w, Vector<double>? b)
    {
        var y = x.TransposeAndMultiply(w);
        if (b is not null)
            for (var r = 0; r < y.RowCount; r++)
                y.SetRow(r, y.Row(r) + b);
        return y;
    }

    private Matrix<double> Columns(Matrix<double> x, int head) => x.SubMatrix(0, x.RowCount, head * HeadDim, HeadDim);

    private Matrix<double> Block(Matrix<double> stacked, int part) => stacked.SubMatrix(part * DModel, DModel, 0, DModel);

    private static bool[,]? Combine(bool[,]? keep, bool[,]? keyPaddingKeep, int b, int queries, int keys)
    {
        if (keyPaddingKeep is null) return keep;
        var padding = new bool[queries, keys];
        for (var i = 0; i < queries; i++)
            for (var j = 0; j < keys; j++)
                padding[i, j] = keyPaddingKeep[b, j];
        return keep is null ? padding : Masks.And(keep, padding);
    }

    /// <summary>Checks widths and lengths; <paramref name="index"/> ("[b]" in a batch, else "") is shown after the argument name.</summary>
    private void Validate(Matrix<double> query, Matrix<double> key, Matrix<double> value, string index = "")
    {
        Width(query, nameof(query), index);
        Width(key, nameof(key), index);
        Width(value, nameof(value), index);
        if (key.RowCount != value.RowCount)
            throw new ArgumentException(
                $"key{index} is {Guard.Shape(key)} and value{index} is {Guard.Shape(value)}: there must be one value row per key.", nameof(value));
    }

    private void Width(Matrix<double> x, string name, string index)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.ColumnCount != DModel)
            throw new ArgumentException($"{name}{index} is {Guard.Shape(x)} but must have {DModel} columns (dModel).", name);
    }

    private static void ValidateKeep(bool[,]? keep, int queries, int keys)
    {
        if (keep is not null && (keep.GetLength(0) != queries || keep.GetLength(1) != keys))
            throw new ArgumentException(
                $"keep is {keep.GetLength(0)}×{keep.GetLength(1)} but must be L_q×L_k = {queries}×{keys}.", nameof(keep));
    }

    private static void ValidateBatch(IReadOnlyList<Matrix<double>> query, IReadOnlyList<Matrix<double>> key, IReadOnlyList<Matrix<double>> value)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (query.Count == 0) throw new ArgumentException("The batch is empty: give at least one query sequence.", nameof(query));
        foreach (var (list, name) in new[] { (key, nameof(key)), (value, nameof(value)) })
            if (list.Count != query.Count)
                throw new ArgumentException($"query has {query.Count} sequences but {name} has {list.Count}.", name);
        foreach (var (list, name) in new[] { (query, nameof(query)), (key, nameof(key)), (value, nameof(value)) })
            for (var b = 0; b < list.Count; b++)
            {
                ArgumentNullException.ThrowIfNull(list[b], name);
                if (list[b].RowCount != list[0].RowCount || list[b].ColumnCount != list[0].ColumnCount)
                    throw new ArgumentException(
                        $"{name}[{b}] is {Guard.Shape(list[b])} but {name}[0] is {Guard.Shape(list[0])}: the sequences of a batch have one shape (pad them).",
                        name);
            }
    }
}
