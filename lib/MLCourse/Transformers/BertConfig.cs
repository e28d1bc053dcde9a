namespace MLCourse.Transformers;

/// <summary>
/// The sizes that fix how many parameters a BERT-family encoder has (the fields of Hugging Face's <c>BertConfig</c> /
/// <c>AlbertConfig</c> that matter for counting). Introduced in notebook 12; counted by <see cref="ParameterCount.Bert"/>.
/// </summary>
/// <remarks>
/// <para>The number of attention heads is deliberately absent: h heads of width H/h hold exactly the H² + H weights
/// and biases of one H×H projection, so the count does not depend on h (notebook 12, section 2).</para>
/// <para>Every size is validated when it is set, by the constructor (the exception names the constructor argument,
/// e.g. <c>hiddenSize</c>) or by a <c>with</c> expression (it names the property, e.g. <c>HiddenSize</c>).</para>
/// </remarks>
public sealed record BertConfig
{
    /// <summary>A configuration. Ranges: every size ≥ 1; <paramref name="embeddingSize"/> null (BERT: the tables are
    /// H wide) or ≥ 1 (ALBERT: the tables are E wide and a Linear(E → H) follows them).</summary>
    /// <param name="vocabularySize">V, rows of the token (word-piece) embedding table: 30522 for English BERT, 21128 for Chinese BERT.</param>
    /// <param name="hiddenSize">H, the width of every layer: 768 (base), 1024 (large).</param>
    /// <param name="layers">L, the number of encoder layers: 12 (base), 24 (large).</param>
    /// <param name="feedForwardSize">d_ff, the width of the feed-forward block's hidden layer: 4H in BERT.</param>
    /// <param name="maxPositions">P, rows of the learned position table = the longest input (512). It limits the sequence length, not the vocabulary.</param>
    /// <param name="segmentTypes">T, rows of the segment (token type) table: 2 (sentence A, sentence B).</param>
    /// <param name="embeddingSize">E for ALBERT's factorised embeddings, or null for BERT (E = H, no projection).</param>
    /// <param name="shareLayers">ALBERT's cross-layer sharing: all L layers use one set of weights, stored once.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is &lt; 1 (the argument is named).</exception>
    public BertConfig(int vocabularySize, int hiddenSize, int layers, int feedForwardSize, int maxPositions = 512,
        int segmentTypes = 2, int? embeddingSize = null, bool shareLayers = false)
    {
        VocabularySize = AtLeastOne(vocabularySize, nameof(vocabularySize));
        HiddenSize = AtLeastOne(hiddenSize, nameof(hiddenSize));
        Layers = AtLeastOne(layers, nameof(layers));
        FeedForwardSize = AtLeastOne(feedForwardSize, nameof(feedForwardSize));
        MaxPositions = AtLeastOne(maxPositions, nameof(maxPositions));
        SegmentTypes = AtLeastOne(segmentTypes, nameof(segmentTypes));
        EmbeddingSize = embeddingSize is { } e ? AtLeastOne(e, nameof(embeddingSize)) : null;
        ShareLayers = shareLayers;
    }

    /// <summary>V: rows of the token embedding table. Range ≥ 1.</summary>
    public int VocabularySize { get; init => field = AtLeastOne(value, nameof(VocabularySize)); }

    /// <summary>H: the hidden width. Range ≥ 1.</summary>
    public int HiddenSize { get; init => field = AtLeastOne(value, nameof(HiddenSize)); }

    /// <summary>L: the number of encoder layers. Range ≥ 1.</summary>
    public int Layers { get; init => field = AtLeastOne(value, nameof(Layers)); }

    /// <summary>d_ff: the feed-forward block's inner width. Range ≥ 1.</summary>
    public int FeedForwardSize { get; init => field = AtLeastOne(value, nameof(FeedForwardSize)); }

    /// <summary>P: rows of the position table, the longest sequence the model accepts. Range ≥ 1.</summary>
    public int MaxPositions { get; init => field = AtLeastOne(value, nameof(MaxPositions)); }

    /// <summary>T: rows of the segment (token type) table. Range ≥ 1.</summary>
    public int SegmentTypes { get; init => field = AtLeastOne(value, nameof(SegmentTypes)); }

    /// <summary>E for ALBERT's factorised embeddings, or null (BERT). Range: null or ≥ 1.</summary>
    public int? EmbeddingSize { get; init => field = value is { } e ? AtLeastOne(e, nameof(EmbeddingSize)) : null; }

    /// <summary>Whether all layers share one set of weights (ALBERT).</summary>
    public bool ShareLayers { get; init; }

    /// <summary>The width of the embedding tables: E when factorised, otherwise H.</summary>
    public int EmbeddingWidth => EmbeddingSize ?? HiddenSize;

    /// <summary>BERT-base (uncased): V = 30522, H = 768, L = 12, d_ff = 3072. 109,482,240 parameters.</summary>
    public static BertConfig Base => new(30522, 768, 12, 3072);

    /// <summary>BERT-large: V = 30522, H = 1024, L = 24, d_ff = 4096. 335,141,888 parameters.</summary>
    public static BertConfig Large => new(30522, 1024, 24, 4096);

    /// <summary>Chinese BERT-base (bert-base-chinese): BERT-base with V = 21128. 102,267,648 parameters.</summary>
    public static BertConfig ChineseBase => new(21128, 768, 12, 3072);

    /// <summary>ALBERT-base: V = 30000, H = 768, L = 12, d_ff = 3072, E = 128, layers shared. 11,683,584 parameters.</summary>
    public static BertConfig AlbertBase => new(30000, 768, 12, 3072, embeddingSize: 128, shareLayers: true);

    /// <summary>ALBERT-large: V = 30000, H = 1024, L = 24, d_ff = 4096, E = 128, layers shared. 17,683,968 parameters.</summary>
    public static BertConfig AlbertLarge => new(30000, 1024, 24, 4096, embeddingSize: 128, shareLayers: true);

    private static int AtLeastOne(int value, string name)
    {
        Guard.Positive(value, name);
        return value;
    }
}
