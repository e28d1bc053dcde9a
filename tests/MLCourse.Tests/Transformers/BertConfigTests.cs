using MLCourse.Transformers;

namespace MLCourse.Tests.Transformers;

public class BertConfigTests
{
    [Fact]
    public void Presets_have_the_published_sizes()
    {
        Assert.Equal((30522, 768, 12, 3072, 512, 2), Sizes(BertConfig.Base));
        Assert.Equal((30522, 1024, 24, 4096, 512, 2), Sizes(BertConfig.Large));
        Assert.Equal((21128, 768, 12, 3072, 512, 2), Sizes(BertConfig.ChineseBase));
        Assert.Equal((30000, 768, 12, 3072, 512, 2), Sizes(BertConfig.AlbertBase));
        Assert.Equal((128, true), (BertConfig.AlbertBase.EmbeddingSize, BertConfig.AlbertBase.ShareLayers));
        Assert.Equal((128, true), (BertConfig.AlbertLarge.EmbeddingSize, BertConfig.AlbertLarge.ShareLayers));
        Assert.Null(BertConfig.Base.EmbeddingSize);
        Assert.False(BertConfig.Base.ShareLayers);
    }

    [Fact]
    public void Embedding_width_is_E_when_factorised_and_H_otherwise()
    {
        Assert.Equal(768, BertConfig.Base.EmbeddingWidth);
        Assert.Equal(128, BertConfig.AlbertBase.EmbeddingWidth);
    }

    [Fact]
    public void With_expressions_copy_and_change_one_size()
    {
        var chinese = BertConfig.Base with { VocabularySize = 21128 };

        Assert.Equal(BertConfig.ChineseBase, chinese);
        Assert.Equal(30522, BertConfig.Base.VocabularySize);
    }

    [Theory]
    [InlineData(0, 768, 12, 3072, 512, 2, null, "vocabularySize")]
    [InlineData(10, 0, 12, 3072, 512, 2, null, "hiddenSize")]
    [InlineData(10, 8, -1, 3072, 512, 2, null, "layers")]
    [InlineData(10, 8, 1, 0, 512, 2, null, "feedForwardSize")]
    [InlineData(10, 8, 1, 4, 0, 2, null, "maxPositions")]
    [InlineData(10, 8, 1, 4, 5, 0, null, "segmentTypes")]
    [InlineData(10, 8, 1, 4, 5, 2, 0, "embeddingSize")]
    public void The_constructor_names_a_size_below_one(int v, int h, int l, int f, int p, int t, int? e, string argument)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BertConfig(v, h, l, f, p, t, e));

        Assert.Equal(argument, error.ParamName);
        Assert.Contains("must be ≥ 1", error.Message);
    }

    [Fact]
    public void With_expressions_are_validated_too_and_name_the_property()
    {
        Assert.Equal("HiddenSize", Assert.Throws<ArgumentOutOfRangeException>(() => BertConfig.Base with { HiddenSize = 0 }).ParamName);
        Assert.Equal("VocabularySize", Assert.Throws<ArgumentOutOfRangeException>(() => BertConfig.Base with { VocabularySize = -3 }).ParamName);
        Assert.Equal("Layers", Assert.Throws<ArgumentOutOfRangeException>(() => BertConfig.Base with { Layers = 0 }).ParamName);
        Assert.Equal("FeedForwardSize", Assert.Throws<ArgumentOutOfRangeException>(() => BertConfig.Base with { FeedForwardSize = 0 }).ParamName);
        Assert.Equal("MaxPositions", Assert.Throws<ArgumentOutOfRangeException>(() => BertConfig.Base with { MaxPositions = 0 }).ParamName);
        Assert.Equal("SegmentTypes", Assert.Throws<ArgumentOutOfRangeException>(() => BertConfig.Base with { SegmentTypes = 0 }).ParamName);
        Assert.Equal("EmbeddingSize", Assert.Throws<ArgumentOutOfRangeException>(() => BertConfig.Base with { EmbeddingSize = 0 }).ParamName);
        Assert.Null((BertConfig.AlbertBase with { EmbeddingSize = null }).EmbeddingSize);
    }

    private static (int, int, int, int, int, int) Sizes(BertConfig c) =>
        (c.VocabularySize, c.HiddenSize, c.Layers, c.FeedForwardSize, c.MaxPositions, c.SegmentTypes);
}
