namespace MLCourse.Transformers;

/// <summary>
/// Parameter counts of Transformer building blocks and of whole BERT / ALBERT encoders, from their sizes alone, in the
/// layout of PyTorch's <c>nn.Linear</c> (weight out×in plus a bias of length out), <c>nn.Embedding</c> and
/// <c>nn.LayerNorm</c> (a gain and a bias). Counts are <see cref="long"/>s, exact for any model that fits in memory.
/// Introduced in notebook 12; checked against modules built with PyTorch (tests/MLCourse.Tests/Golden/transformer_parameters.py).
/// </summary>
public static class ParameterCount
{
    /// <summary>A fully connected layer y = xWᵀ + b: <paramref name="inputs"/>·<paramref name="outputs"/> weights, plus
    /// <paramref name="outputs"/> biases when <paramref name="bias"/>. Range: inputs, outputs ≥ 1.</summary>
    public static long Linear(int inputs, int outputs, bool bias = true)
    {
        Guard.Positive(inputs, nameof(inputs));
        Guard.Positive(outputs, nameof(outputs));
        return (long)inputs * outputs + (bias ? outputs : 0);
    }

    /// <summary>An embedding table of <paramref name="rows"/> vectors of width <paramref name="width"/>: rows·width.
    /// Range: rows, width ≥ 1.</summary>
    public static long Embedding(int rows, int width)
    {
        Guard.Positive(rows, nameof(rows));
        Guard.Positive(width, nameof(width));
        return (long)rows * width;
    }

    /// <summary>LayerNorm over <paramref name="width"/> features: a gain γ and a bias β, 2·width. Range: width ≥ 1.</summary>
    public static long LayerNorm(int width)
    {
        Guard.Positive(width, nameof(width));
        return 2L * width;
    }

    /// <summary>
    /// The position-wise feed-forward block FFN(x) = max(0, xW₁ + b₁)W₂ + b₂ with W₁ ∈ ℝ^{d×d_ff}, W₂ ∈ ℝ^{d_ff×d}:
    /// 2·d·d_ff + d_ff + d. The activation (ReLU, GELU) has no parameters. Range: width, feedForwardSize ≥ 1.
    /// </summary>
    public static long FeedForward(int width, int feedForwardSize)
    {
        Guard.Positive(width, nameof(width));
        Guard.Positive(feedForwardSize, nameof(feedForwardSize));
        return Linear(width, feedForwardSize) + Linear(feedForwardSize, width);
    }

    /// <summary>
    /// Multi-head self-attention of width d with biases: W_Q, W_K, W_V, W_O each d×d plus a bias of d, so 4d² + 4d,
    /// whatever the number of heads (PyTorch's <c>nn.MultiheadAttention(d, h)</c> has exactly this many). Range: width ≥ 1.
    /// </summary>
    public static long MultiHeadAttention(int width)
    {
        Guard.Positive(width, nameof(width));
        return 4 * Linear(width, width);
    }

    /// <summary>
    /// One post-LN encoder layer (BERT's, and PyTorch's <c>nn.TransformerEncoderLayer</c>): attention 4H² + 4H, a
    /// LayerNorm 2H, the feed-forward block 2H·d_ff + d_ff + H and a second LayerNorm 2H, in all
    /// 4H² + 2H·d_ff + d_ff + 9H, which is 12H² + 13H when d_ff = 4H. Range: width, feedForwardSize ≥ 1.
    /// </summary>
    public static long EncoderLayer(int width, int feedForwardSize) =>
        MultiHeadAttention(width) + FeedForward(width, feedForwardSize) + 2 * LayerNorm(width);

    /// <summary>
    /// The trainable parameters LoRA adds to a frozen d×k weight: B ∈ ℝ^{d×r} and A ∈ ℝ^{r×k}, r(d + k)
    /// (instead of d·k for full fine-tuning). Range: outputs (d), inputs (k), rank (r) ≥ 1.
    /// </summary>
    public static long Lora(int outputs, int inputs, int rank)
    {
        Guard.Positive(outputs, nameof(outputs));
        Guard.Positive(inputs, nameof(inputs));
        Guard.Positive(rank, nameof(rank));
        return (long)rank * ((long)outputs + inputs);
    }

    /// <summary>
    /// LoRA adapters of rank <paramref name="rank"/> on <paramref name="matricesPerLayer"/> of the four H×H attention
    /// projections (W_Q, W_K, W_V, W_O) of every layer of <paramref name="config"/>: layers·matricesPerLayer·r(H + H), with
    /// one set of adapters when the layers are shared. The LoRA paper's default adapts W_Q and W_V (matricesPerLayer = 2).
    /// Range: rank ≥ 1; 1 ≤ matricesPerLayer ≤ 4.
    /// </summary>
    public static long LoraOnAttention(BertConfig config, int rank, int matricesPerLayer = 2)
    {
        ArgumentNullException.ThrowIfNull(config);
        Guard.Positive(rank, nameof(rank));
        if (matricesPerLayer is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(matricesPerLayer), matricesPerLayer,
                $"matricesPerLayer must be in [1, 4] (the attention block has four H×H projections), got {matricesPerLayer}.");
        var storedLayers = config.ShareLayers ? 1 : config.Layers;
        return storedLayers * matricesPerLayer * Lora(config.HiddenSize, config.HiddenSize, rank);
    }

    /// <summary>
    /// The parameters the pre-training heads add on top of <see cref="Bert"/> (Hugging Face's <c>BertForPreTraining</c> /
    /// <c>AlbertForPreTraining</c>): the MLM head's transform Linear(H → W) and LayerNorm(W), its output layer's bias
    /// (V; the output weight is the token table itself, tied), and the next-sentence (BERT) or sentence-order (ALBERT)
    /// classifier Linear(H → 2). With W = H (BERT): H² + H + 2H + V + 2H + 2; with W = E (ALBERT): H·E + E + 2E + V + 2H + 2.
    /// BERT-base: 624,188, so BertForPreTraining has 110,106,428.
    /// </summary>
    public static long PreTrainingHeads(BertConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (h, w) = (config.HiddenSize, config.EmbeddingWidth);
        return Linear(h, w) + LayerNorm(w) + config.VocabularySize + Linear(h, 2);
    }

    /// <summary>
    /// Every parameter of a BERT / ALBERT encoder (Hugging Face's <c>BertModel</c> / <c>AlbertModel</c>: embeddings,
    /// L encoder layers, pooler; no pre-training heads), group by group:
    /// <list type="bullet">
    /// <item>embeddings: token V·W, position P·W, segment T·W and a LayerNorm 2W, with W = H (BERT) or W = E (ALBERT,
    /// followed by the projection Linear(E → H): E·H + H);</item>
    /// <item>each layer: query, key, value and attention output H² + H each, LayerNorm 2H, intermediate H·d_ff + d_ff,
    /// output d_ff·H + H, LayerNorm 2H (12H² + 13H when d_ff = 4H); shared layers are stored, and counted, once;</item>
    /// <item>pooler: H² + H.</item>
    /// </list>
    /// BERT-base: 109,482,240. BERT-large: 335,141,888. Chinese BERT-base: 102,267,648. ALBERT-base: 11,683,584.
    /// </summary>
    public static ParameterBreakdown Bert(BertConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (v, h, f, w) = (config.VocabularySize, config.HiddenSize, config.FeedForwardSize, config.EmbeddingWidth);
        var width = config.EmbeddingSize is null ? "H" : "E";
        const string embeddings = "embeddings";
        var groups = new List<ParameterGroup>
        {
            new(embeddings, "word_embeddings", ParameterKind.Embeddings, $"V·{width}", Embedding(v, w)),
            new(embeddings, "position_embeddings", ParameterKind.Embeddings, $"P·{width}", Embedding(config.MaxPositions, w)),
            new(embeddings, "token_type_embeddings", ParameterKind.Embeddings, $"T·{width}", Embedding(config.SegmentTypes, w)),
            new(embeddings, "LayerNorm", ParameterKind.LayerNorm, $"2{width}", LayerNorm(w)),
        };
        if (config.EmbeddingSize is { } e)
            groups.Add(new(embeddings, "embedding_hidden_mapping_in", ParameterKind.Embeddings, "E·H + H", Linear(e, h)));
        var layerBlocks = config.ShareLayers
            ? [$"layers 0–{config.Layers - 1} (shared)"]
            : Enumerable.Range(0, config.Layers).Select(i => $"layer {i}").ToArray();
        foreach (var block in layerBlocks)
        {
            groups.Add(new(block, "attention.query", ParameterKind.Attention, "H² + H", Linear(h, h)));
            groups.Add(new(block, "attention.key", ParameterKind.Attention, "H² + H", Linear(h, h)));
            groups.Add(new(block, "attention.value", ParameterKind.Attention, "H² + H", Linear(h, h)));
            groups.Add(new(block, "attention.output.dense", ParameterKind.Attention, "H² + H", Linear(h, h)));
            groups.Add(new(block, "attention.output.LayerNorm", ParameterKind.LayerNorm, "2H", LayerNorm(h)));
            groups.Add(new(block, "intermediate.dense", ParameterKind.FeedForward, "H·d_ff + d_ff", Linear(h, f)));
            groups.Add(new(block, "output.dense", ParameterKind.FeedForward, "d_ff·H + H", Linear(f, h)));
            groups.Add(new(block, "output.LayerNorm", ParameterKind.LayerNorm, "2H", LayerNorm(h)));
        }
        groups.Add(new("pooler", "dense", ParameterKind.Pooler, "H² + H", Linear(h, h)));
        return new ParameterBreakdown(config, groups);
    }
}
