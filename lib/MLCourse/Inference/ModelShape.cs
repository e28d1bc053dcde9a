namespace MLCourse.Inference;

/// <summary>
/// The attention shape of a decoder-only Transformer, enough to size its KV cache: layers, query heads, key/value heads
/// and head width. Introduced in notebook 13 (LLM inference: KV cache and quantization).
/// </summary>
/// <remarks>
/// KV-cache memory = 2 (K and V) · layers · kvHeads · headDim · sequence length · batch · bytes per value.
/// With ordinary multi-head attention kvHeads = heads; grouped-query attention (GQA) shares each key/value head among
/// heads/kvHeads query heads, which divides the cache by that factor; multi-query attention is kvHeads = 1.
/// </remarks>
public sealed record ModelShape
{
    /// <summary>Creates a shape. Range: layers, heads, kvHeads, headDim ≥ 1; kvHeads divides heads.</summary>
    /// <exception cref="ArgumentException">A count is out of range, or kvHeads does not divide heads.</exception>
    public ModelShape(string name, int layers, int heads, int kvHeads, int headDim, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Guard.Positive(layers, nameof(layers));
        Guard.Positive(heads, nameof(heads));
        Guard.Positive(kvHeads, nameof(kvHeads));
        Guard.Positive(headDim, nameof(headDim));
        if (heads % kvHeads != 0)
            throw new ArgumentException($"kvHeads = {kvHeads} must divide heads = {heads} (each KV head serves the same number of query heads).", nameof(kvHeads));
        (Name, Layers, Heads, KvHeads, HeadDim, Source) = (name, layers, heads, kvHeads, headDim, source ?? "");
    }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>Number of Transformer blocks.</summary>
    public int Layers { get; }

    /// <summary>Number of query heads.</summary>
    public int Heads { get; }

    /// <summary>Number of key/value heads (= <see cref="Heads"/> without GQA).</summary>
    public int KvHeads { get; }

    /// <summary>Width of one head, d_head.</summary>
    public int HeadDim { get; }

    /// <summary>Where the numbers come from.</summary>
    public string Source { get; }

    /// <summary>The model width d = heads · headDim.</summary>
    public int ModelDim => Heads * HeadDim;

    /// <summary>KV-cache bytes per token of one sequence: 2·layers·kvHeads·headDim·bytesPerValue (fp16/bf16: 2, int8: 1, int4: 0.5).</summary>
    public double KvCacheBytesPerToken(double bytesPerValue = 2)
    {
        Guard.Positive(bytesPerValue, nameof(bytesPerValue));
        return 2.0 * Layers * KvHeads * HeadDim * bytesPerValue;
    }

    /// <summary>KV-cache bytes for <paramref name="batchSize"/> sequences of <paramref name="sequenceLength"/> tokens
    /// (prompt plus generated): 2·layers·kvHeads·headDim·sequenceLength·batchSize·bytesPerValue. Range: sequenceLength ≥ 0, batchSize ≥ 1.</summary>
    public double KvCacheBytes(int sequenceLength, int batchSize = 1, double bytesPerValue = 2)
    {
        Guard.NonNegative(sequenceLength, nameof(sequenceLength));
        Guard.Positive(batchSize, nameof(batchSize));
        return KvCacheBytesPerToken(bytesPerValue) * sequenceLength * batchSize;
    }

    /// <summary>GPT-2 small (124M): 12 layers, 12 heads of width 64 (d = 768), context 1024.</summary>
    public static ModelShape Gpt2Small { get; } = new("GPT-2 small", 12, 12, 12, 64,
        "Radford et al. 2019, Language Models are Unsupervised Multitask Learners, table 2; Hugging Face gpt2 config.json (n_layer 12, n_head 12, n_embd 768)");

    /// <summary>LLaMA-2-7B: 32 layers, 32 heads of width 128 (d = 4096), no GQA, context 4096.</summary>
    public static ModelShape Llama2_7B { get; } = new("LLaMA-2-7B", 32, 32, 32, 128,
        "Touvron et al. 2023, Llama 2, table 1 (no GQA at 7B); meta-llama/Llama-2-7b-hf config.json (num_hidden_layers 32, num_attention_heads 32, num_key_value_heads 32, hidden_size 4096)");

    /// <summary>LLaMA-2-13B: 40 layers, 40 heads of width 128 (d = 5120), no GQA, context 4096.</summary>
    public static ModelShape Llama2_13B { get; } = new("LLaMA-2-13B", 40, 40, 40, 128,
        "Touvron et al. 2023, Llama 2, table 1; meta-llama/Llama-2-13b-hf config.json (40 layers, 40 heads, 40 KV heads, hidden_size 5120)");

    /// <summary>LLaMA-2-70B: 80 layers, 64 query heads of width 128 (d = 8192) sharing 8 key/value heads (GQA), context 4096.</summary>
    public static ModelShape Llama2_70B { get; } = new("LLaMA-2-70B (GQA)", 80, 64, 8, 128,
        "Touvron et al. 2023, Llama 2, table 1 and section 2.2 (GQA for 34B and 70B); meta-llama/Llama-2-70b-hf config.json (80 layers, 64 heads, num_key_value_heads 8, hidden_size 8192)");
}
