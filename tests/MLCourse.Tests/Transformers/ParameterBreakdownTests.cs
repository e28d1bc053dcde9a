using MLCourse.Transformers;

namespace MLCourse.Tests.Transformers;

public class ParameterBreakdownTests
{
    private static readonly ParameterBreakdown BertBase = ParameterCount.Bert(BertConfig.Base);

    [Fact]
    public void Blocks_are_embeddings_then_each_layer_then_the_pooler()
    {
        Assert.Equal(14, BertBase.Blocks.Count);
        Assert.Equal("embeddings", BertBase.Blocks[0]);
        Assert.Equal("layer 0", BertBase.Blocks[1]);
        Assert.Equal("layer 11", BertBase.Blocks[12]);
        Assert.Equal("pooler", BertBase.Blocks[13]);
        Assert.Equal(["embeddings", "layers 0–11 (shared)", "pooler"], ParameterCount.Bert(BertConfig.AlbertBase).Blocks);
    }

    [Fact]
    public void Kinds_partition_the_total()
    {
        Assert.Equal(BertBase.Total, Enum.GetValues<ParameterKind>().Sum(BertBase.Count));
        Assert.Equal(12 * (4L * 768 * 768 + 4 * 768), BertBase.Count(ParameterKind.Attention));
        Assert.Equal(12 * (2L * 768 * 3072 + 3072 + 768), BertBase.Count(ParameterKind.FeedForward));
        Assert.Equal((1 + 2 * 12) * 1536L, BertBase.Count(ParameterKind.LayerNorm));
        Assert.Equal(768L * 768 + 768, BertBase.Count(ParameterKind.Pooler));
        Assert.Equal((30522L + 512 + 2) * 768, BertBase.Count(ParameterKind.Embeddings));
    }

    [Fact]
    public void Bytes_multiplies_the_total()
    {
        Assert.Equal(409_070_592.0, ParameterCount.Bert(BertConfig.ChineseBase).Bytes());
        Assert.Equal(2.0 * BertBase.Total, BertBase.Bytes(2));
        Assert.Equal("bytesPerParameter", Assert.Throws<ArgumentOutOfRangeException>(() => BertBase.Bytes(0)).ParamName);
    }

    [Fact]
    public void Blocks_split_by_kind_and_list_their_groups()
    {
        Assert.Equal(2_362_368L, BertBase.Count("layer 0", ParameterKind.Attention));
        Assert.Equal(3_072L, BertBase.Count("layer 5", ParameterKind.LayerNorm));
        Assert.Equal(0L, BertBase.Count("pooler", ParameterKind.Embeddings));
        Assert.Equal(BertBase.Count("layer 3"), Enum.GetValues<ParameterKind>().Sum(k => BertBase.Count("layer 3", k)));
        Assert.Equal(["attention.query", "attention.key", "attention.value", "attention.output.dense", "attention.output.LayerNorm", "intermediate.dense", "output.dense", "output.LayerNorm"],
            BertBase.GroupsOf("layer 3").Select(g => g.Name));
    }

    [Fact]
    public void An_unknown_block_is_named_with_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => BertBase.Count("layer 12"));

        Assert.Equal("block", e.ParamName);
        Assert.Contains("'layer 12' is not one of: embeddings, layer 0", e.Message);
        Assert.Equal("block", Assert.Throws<ArgumentException>(() => BertBase.GroupsOf("decoder")).ParamName);
        Assert.Equal("block", Assert.Throws<ArgumentException>(() => BertBase.Count("decoder", ParameterKind.Attention)).ParamName);
    }
}
