using MathNet.Numerics.LinearAlgebra;
using MLCourse.Attention;
using MLCourse.Numerics;

namespace MLCourse.Inference;

/// <summary>
/// A small decoder-only Transformer on token vectors, to compare full recomputation with KV-cached decoding.
/// Each of the layers maps the L×d hidden states H (d = heads·headDim) to
/// A = H + concat_i(Attention(H W_Q⁽ⁱ⁾, H W_K⁽ᵍ⁽ⁱ⁾⁾, H W_V⁽ᵍ⁽ⁱ⁾⁾, causal mask)) W_O and then A + ReLU(A W₁) W₂,
/// where query head i uses key/value head g(i) = ⌊i / (heads/kvHeads)⌋ (grouped-query attention; kvHeads = heads is ordinary
/// multi-head attention): consecutive query heads share a KV head, the order of PyTorch's <c>repeat_interleave</c> as
/// Hugging Face's LLaMA uses it (golden-tested). Attention is <see cref="ScaledDotProductAttention"/> with <see cref="Masks.Causal"/>.
/// No biases, normalisation or positional encoding: none of them changes the caching argument.
/// Introduced in notebook 13 (LLM inference: KV cache and quantization).
/// </summary>
/// <remarks>
/// <para><see cref="Forward"/> recomputes every position of a sequence in one causally masked pass;
/// <see cref="Step"/> computes one new position from the cached keys and values of the earlier ones. Both give the same
/// outputs (up to rounding) because a position's hidden state at every layer depends only on positions ≤ itself.</para>
/// <para><b>FLOPs.</b> <see cref="Flops"/> counts the floating-point operations of the matrix products actually performed,
/// 2·m·k·n for an (m×k)(k×n) product (one multiply and one add per term); softmax, ReLU and additions are not counted.
/// <see cref="ForwardFlops"/> and <see cref="StepFlops"/> give the same counts in closed form.</para>
/// <para>Random weights are drawn i.i.d. N(0, 1/fan_in) from the given generator, so a seed fixes the model; the other
/// constructor takes given weights (<see cref="DecoderLayerWeights"/>).</para>
/// </remarks>
public sealed class CausalDecoder
{
    private readonly DecoderLayerWeights[] _layers;

    /// <summary>A decoder with random weights. Range: layers, heads, kvHeads, headDim, ffnDim ≥ 1; kvHeads divides heads.</summary>
    /// <exception cref="ArgumentException">A size is out of range or kvHeads does not divide heads.</exception>
    public CausalDecoder(int layers, int heads, int kvHeads, int headDim, int ffnDim, Random random)
    {
        Guard.Positive(layers, nameof(layers));
        Guard.Positive(heads, nameof(heads));
        Guard.Positive(kvHeads, nameof(kvHeads));
        Guard.Positive(headDim, nameof(headDim));
        Guard.Positive(ffnDim, nameof(ffnDim));
        ArgumentNullException.ThrowIfNull(random);
        CheckGroups(heads, kvHeads);
        (Layers, Heads, KvHeads, HeadDim, FfnDim) = (layers, heads, kvHeads, headDim, ffnDim);
        var (d, kv) = (ModelDim, kvHeads * headDim);
        Matrix<double> Weight(int rows, int columns) => Rng.StandardNormal(rows, columns, random) / Math.Sqrt(rows);
        _layers = Enumerable.Range(0, layers)
            .Select(_ => new DecoderLayerWeights(Weight(d, d), Weight(d, kv), Weight(d, kv), Weight(d, d), Weight(d, ffnDim), Weight(ffnDim, d)))
            .ToArray();
    }

    /// <summary>
    /// A decoder with the given weights (copied), one <see cref="DecoderLayerWeights"/> per layer, e.g. from a PyTorch
    /// model. The sizes follow from the shapes: d = the rows of W_Q, headDim = d/heads, f = the columns of W₁.
    /// Range: at least one layer; heads, kvHeads ≥ 1 with kvHeads dividing heads and heads dividing d.
    /// </summary>
    /// <exception cref="ArgumentException">No layers, a count out of range, or a weight whose shape does not fit
    /// (the message names the layer, the weight, its shape and the expected one).</exception>
    public CausalDecoder(IReadOnlyList<DecoderLayerWeights> layers, int heads, int kvHeads)
    {
        ArgumentNullException.ThrowIfNull(layers);
        Guard.Positive(heads, nameof(heads));
        Guard.Positive(kvHeads, nameof(kvHeads));
        if (layers.Count == 0) throw new ArgumentException("layers must hold at least one layer's weights.", nameof(layers));
        CheckGroups(heads, kvHeads);
        var (d, f) = (layers[0]?.Wq?.RowCount ?? 0, layers[0]?.W1?.ColumnCount ?? 0);   // a null is reported below
        if (d % heads != 0)
            throw new ArgumentException($"heads = {heads} must divide the model width d = {d} (the rows of layer 0's Wq).", nameof(heads));
        (Layers, Heads, KvHeads, HeadDim, FfnDim) = (layers.Count, heads, kvHeads, d / heads, f);
        var kv = kvHeads * HeadDim;
        for (var l = 0; l < layers.Count; l++)
        {
            var w = layers[l] ?? throw new ArgumentNullException(nameof(layers), $"layers[{l}] is null.");
            foreach (var (name, m, rows, columns) in new[] { ("Wq", w.Wq, d, d), ("Wk", w.Wk, d, kv), ("Wv", w.Wv, d, kv), ("Wo", w.Wo, d, d), ("W1", w.W1, d, f), ("W2", w.W2, f, d) })
                if (m is null || m.RowCount != rows || m.ColumnCount != columns)
                    throw new ArgumentException(
                        $"layer {l}: {name} is {(m is null ? "null" : Guard.Shape(m))} but must be {rows}×{columns} (d = {d}, kvHeads·headDim = {kv}, f = {f}).", nameof(layers));
        }
        _layers = layers.Select(w => new DecoderLayerWeights(w.Wq.Clone(), w.Wk.Clone(), w.Wv.Clone(), w.Wo.Clone(), w.W1.Clone(), w.W2.Clone())).ToArray();
    }

    private static void CheckGroups(int heads, int kvHeads)
    {
        if (heads % kvHeads != 0)
            throw new ArgumentException($"kvHeads = {kvHeads} must divide heads = {heads}.", nameof(kvHeads));
    }

    /// <summary>The weights of every layer, in order. Live: changing an entry changes the decoder.</summary>
    public IReadOnlyList<DecoderLayerWeights> LayerWeights => _layers;

    /// <summary>Number of layers.</summary>
    public int Layers { get; }

    /// <summary>Number of query heads.</summary>
    public int Heads { get; }

    /// <summary>Number of key/value heads.</summary>
    public int KvHeads { get; }

    /// <summary>Width of one head.</summary>
    public int HeadDim { get; }

    /// <summary>Hidden width of the feed-forward block.</summary>
    public int FfnDim { get; }

    /// <summary>Model width d = heads·headDim (the width of a token vector).</summary>
    public int ModelDim => Heads * HeadDim;

    /// <summary>Matrix-product FLOPs performed by <see cref="Forward"/> and <see cref="Step"/> since construction or the last <see cref="ResetFlops"/>.</summary>
    public long Flops { get; private set; }

    /// <summary>Sets <see cref="Flops"/> to 0.</summary>
    public void ResetFlops() => Flops = 0;

    /// <summary>An empty cache shaped for this decoder.</summary>
    public KeyValueCache NewCache() => new(Layers, KvHeads, HeadDim);

    /// <summary>
    /// Full recomputation: the outputs at all L positions of <paramref name="x"/> (L×d, one token vector per row) in one
    /// causally masked pass per layer. Row t depends only on rows 0..t of x.
    /// </summary>
    /// <exception cref="ArgumentException">x does not have d columns (both shapes are named).</exception>
    public Matrix<double> Forward(Matrix<double> x)
    {
        Guard.Columns(x, ModelDim, nameof(x), "the model width d = heads·headDim");
        var h = x;
        foreach (var layer in _layers)
        {
            var (q, k, v) = (Multiply(h, layer.Wq), Multiply(h, layer.Wk), Multiply(h, layer.Wv));
            h = Block(layer, h, q, k, v, Masks.Causal(h.RowCount));
        }
        return h;
    }

    /// <summary>
    /// One decoding step: the output at the next position for the token vector <paramref name="x"/> (length d), using and
    /// extending <paramref name="cache"/> (which holds the keys and values of the earlier positions of the same sequence).
    /// After the call the cache holds one more token.
    /// </summary>
    /// <exception cref="ArgumentException">x does not have length d, or the cache was made for another shape (both are named).</exception>
    public Vector<double> Step(Vector<double> x, KeyValueCache cache)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(cache);
        if (x.Count != ModelDim)
            throw new ArgumentException($"x has length {x.Count} but must have length d = heads·headDim = {ModelDim}.", nameof(x));
        if (cache.Layers != Layers || cache.KvHeads != KvHeads || cache.HeadDim != HeadDim)
            throw new ArgumentException(
                $"cache is {cache.Layers} layers × {cache.KvHeads} KV heads × {cache.HeadDim} but the decoder is {Layers} layers × {KvHeads} KV heads × {HeadDim}.", nameof(cache));
        var h = x.ToRowMatrix();
        for (var l = 0; l < Layers; l++)
        {
            var layer = _layers[l];
            cache.Append(l, Multiply(h, layer.Wk).Row(0), Multiply(h, layer.Wv).Row(0));
            h = Block(layer, h, Multiply(h, layer.Wq), cache.Keys(l), cache.Values(l), keep: null);
        }
        return h.Row(0);
    }

    /// <summary>
    /// FLOPs of <see cref="Forward"/> on <paramref name="length"/> = L tokens:
    /// layers·(4Ld² + 4Ld·kvHeads·headDim + 4L²d + 4Ldf) — the Q and O projections, the K and V projections, QKᵀ and
    /// AV over all L² (query, key) pairs (the masked half included, as a dense kernel computes it), and the feed-forward block.
    /// Range: length ≥ 1.
    /// </summary>
    public long ForwardFlops(int length)
    {
        Guard.Positive(length, nameof(length));
        long l = length, d = ModelDim, kv = (long)KvHeads * HeadDim, f = FfnDim;
        return Layers * (4 * l * d * d + 4 * l * d * kv + 4 * l * l * d + 4 * l * d * f);
    }

    /// <summary>
    /// FLOPs of one <see cref="Step"/> when the cache holds <paramref name="contextLength"/> = n tokens after the step
    /// (the new one included): layers·(4d² + 4d·kvHeads·headDim + 4nd + 4df). Range: contextLength ≥ 1.
    /// </summary>
    public long StepFlops(int contextLength)
    {
        Guard.Positive(contextLength, nameof(contextLength));
        long n = contextLength, d = ModelDim, kv = (long)KvHeads * HeadDim, f = FfnDim;
        return Layers * (4 * d * d + 4 * d * kv + 4 * n * d + 4 * d * f);
    }

    /// <summary>Attention over all heads, output projection, residual, feed-forward block, residual.</summary>
    private Matrix<double> Block(DecoderLayerWeights layer, Matrix<double> h, Matrix<double> q, Matrix<double> k, Matrix<double> v, bool[,]? keep)
    {
        var (rows, keys, group) = (q.RowCount, k.RowCount, Heads / KvHeads);
        var heads = Matrix<double>.Build.Dense(rows, ModelDim);
        for (var i = 0; i < Heads; i++)
        {
            var g = i / group;   // query heads gG … gG + G − 1 share KV head g (repeat_interleave order)
            var (output, _) = ScaledDotProductAttention.Compute(
                q.SubMatrix(0, rows, i * HeadDim, HeadDim), k.SubMatrix(0, keys, g * HeadDim, HeadDim), v.SubMatrix(0, keys, g * HeadDim, HeadDim), keep);
            Flops += 4L * rows * keys * HeadDim;   // QKᵀ and AV
            heads.SetSubMatrix(0, i * HeadDim, output);
        }
        var a = h + Multiply(heads, layer.Wo);
        return a + Multiply(Multiply(a, layer.W1).PointwiseMaximum(0), layer.W2);
    }

    private Matrix<double> Multiply(Matrix<double> a, Matrix<double> b)
    {
        Flops += 2L * a.RowCount * a.ColumnCount * b.ColumnCount;
        return a * b;
    }
}

/// <summary>
/// The weights of one <see cref="CausalDecoder"/> layer, applied to row vectors (H·W, not PyTorch's x·Wᵀ): W_Q d×d,
/// W_K and W_V d×(kvHeads·headDim) (KV head g in columns g·headDim …), W_O d×d, W₁ d×f and W₂ f×d.
/// Introduced in notebook 13 (LLM inference: KV cache and quantization).
/// </summary>
/// <param name="Wq">The query projection, d×d; query head i in columns i·headDim ….</param>
/// <param name="Wk">The key projection, d×(kvHeads·headDim).</param>
/// <param name="Wv">The value projection, d×(kvHeads·headDim).</param>
/// <param name="Wo">The output projection, d×d.</param>
/// <param name="W1">The feed-forward block's first weight, d×f.</param>
/// <param name="W2">The feed-forward block's second weight, f×d.</param>
public sealed record DecoderLayerWeights(Matrix<double> Wq, Matrix<double> Wk, Matrix<double> Wv, Matrix<double> Wo, Matrix<double> W1, Matrix<double> W2);
