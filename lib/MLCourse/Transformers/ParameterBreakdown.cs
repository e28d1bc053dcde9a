namespace MLCourse.Transformers;

/// <summary>What a group of parameters does, for summaries such as "how much of BERT is embeddings". Introduced in notebook 12.</summary>
public enum ParameterKind
{
    /// <summary>Embedding tables (token, position, segment) and ALBERT's projection from E to H.</summary>
    Embeddings,

    /// <summary>The attention projections W_Q, W_K, W_V, W_O and their biases.</summary>
    Attention,

    /// <summary>The feed-forward block's two linear layers.</summary>
    FeedForward,

    /// <summary>LayerNorm gains and biases.</summary>
    LayerNorm,

    /// <summary>The pooler: a dense layer applied to the [CLS] output.</summary>
    Pooler,
}

/// <summary>One named tensor group of a model, e.g. layer 3's <c>attention.query</c> (weight and bias). Introduced in notebook 12.</summary>
/// <param name="Block">Where it sits: <c>embeddings</c>, <c>layer i</c> (or the one shared layer), <c>pooler</c>.</param>
/// <param name="Name">Its name inside the block, as in Hugging Face's BertModel (<c>attention.query</c>, <c>intermediate.dense</c>, …).</param>
/// <param name="Kind">What it does.</param>
/// <param name="Formula">How it is counted, in the sizes V, P, T, H, E, d_ff.</param>
/// <param name="Count">How many numbers it holds.</param>
public sealed record ParameterGroup(string Block, string Name, ParameterKind Kind, string Formula, long Count);

/// <summary>
/// A model's parameters group by group, as returned by <see cref="ParameterCount.Bert"/>, with totals by block and by
/// kind (<c>MLCourse.Notebook.Tables.Parameters</c> shows them as tables). Shared layers appear once (they are stored
/// once). Introduced in notebook 12.
/// </summary>
public sealed class ParameterBreakdown
{
    internal ParameterBreakdown(BertConfig config, IReadOnlyList<ParameterGroup> groups)
    {
        Config = config;
        Groups = groups;
        Blocks = groups.Select(g => g.Block).Distinct().ToList();
    }

    /// <summary>The configuration that was counted.</summary>
    public BertConfig Config { get; }

    /// <summary>Every group, in model order: embeddings, the layers, the pooler.</summary>
    public IReadOnlyList<ParameterGroup> Groups { get; }

    /// <summary>The block names in model order: <c>embeddings</c>, <c>layer 0</c> … <c>layer L−1</c> (or one shared block), <c>pooler</c>.</summary>
    public IReadOnlyList<string> Blocks { get; }

    /// <summary>All parameters of the model.</summary>
    public long Total => Groups.Sum(g => g.Count);

    /// <summary>The parameters of one kind (all embeddings, all attention projections, …).</summary>
    public long Count(ParameterKind kind) => Groups.Where(g => g.Kind == kind).Sum(g => g.Count);

    /// <summary>The parameters of one block, e.g. <c>"layer 0"</c>.</summary>
    /// <exception cref="ArgumentException">No such block (the known blocks are listed).</exception>
    public long Count(string block) => GroupsOf(block).Sum(g => g.Count);

    /// <summary>The parameters of one kind inside one block, e.g. the attention projections of <c>"layer 0"</c>.</summary>
    /// <exception cref="ArgumentException">No such block (the known blocks are listed).</exception>
    public long Count(string block, ParameterKind kind) => GroupsOf(block).Where(g => g.Kind == kind).Sum(g => g.Count);

    /// <summary>The groups of one block, in model order.</summary>
    /// <exception cref="ArgumentException">No such block (the known blocks are listed).</exception>
    public IReadOnlyList<ParameterGroup> GroupsOf(string block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (!Blocks.Contains(block))
            throw new ArgumentException($"block '{block}' is not one of: {string.Join(", ", Blocks)}.", nameof(block));
        return Groups.Where(g => g.Block == block).ToList();
    }

    /// <summary>The size in bytes at <paramref name="bytesPerParameter"/> bytes each (4 for fp32, 2 for fp16, 1 for int8).
    /// Range: bytesPerParameter &gt; 0.</summary>
    public double Bytes(double bytesPerParameter = 4)
    {
        Guard.Positive(bytesPerParameter, nameof(bytesPerParameter));
        return Total * bytesPerParameter;
    }
}
