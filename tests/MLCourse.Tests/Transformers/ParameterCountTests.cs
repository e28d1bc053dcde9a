using System.Text.Json.Nodes;
using MLCourse.Transformers;

namespace MLCourse.Tests.Transformers;

public class ParameterCountTests
{
    public static TheoryData<string> Models => TransformerGolden.Names("model");

    public static TheoryData<string> FeedForwardBlocks => TransformerGolden.Names("ffn");

    public static TheoryData<string> TorchLayers => TransformerGolden.Names("torch-layers");

    private static BertConfig Config(JsonObject c) => new(
        (int)c["vocabulary"]!, (int)c["hidden"]!, (int)c["layers"]!, (int)c["ffn"]!, (int)c["positions"]!, (int)c["types"]!,
        (int?)c["embedding"], (bool)c["shared"]!);

    [Theory]
    [MemberData(nameof(Models))]
    public void Bert_matches_a_model_built_with_pytorch_group_by_group(string name)
    {
        var c = TransformerGolden.Case(name);
        var breakdown = ParameterCount.Bert(Config(c));
        var golden = c["groups"]!.AsObject();
        var firstLayer = breakdown.Blocks[1];

        var ours = breakdown.Groups.Where(g => g.Block is "embeddings" or "pooler" || g.Block == firstLayer)
            .ToDictionary(g => g.Block == "embeddings" ? $"embeddings.{g.Name}" : g.Block == "pooler" ? $"pooler.{g.Name}" : $"layer.{g.Name}", g => g.Count);
        Assert.Equal(golden.Select(p => p.Key).Order(), ours.Keys.Order());
        foreach (var (key, value) in golden)
            Assert.True((long)value! == ours[key], $"{name}, {key}: PyTorch has {(long)value!}, the library {ours[key]}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Bert_block_totals_and_total_match_pytorch(string name)
    {
        var c = TransformerGolden.Case(name);
        var breakdown = ParameterCount.Bert(Config(c));
        var layers = breakdown.Blocks.Skip(1).SkipLast(1).ToList();

        Assert.Equal((long)c["total"]!, breakdown.Total);
        Assert.Equal((long)c["embeddings_total"]!, breakdown.Count("embeddings"));
        Assert.Equal((long)c["pooler_total"]!, breakdown.Count("pooler"));
        Assert.Equal((long)c["encoder_total"]!, layers.Sum(breakdown.Count));
        Assert.All(layers, layer => Assert.Equal((long)c["one_layer_total"]!, breakdown.Count(layer)));
        Assert.Equal((bool)c["shared"]! ? 1 : (int)c["layers"]!, layers.Count);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void PreTrainingHeads_match_pytorch_with_the_tied_output_weight(string name)
    {
        var c = TransformerGolden.Case(name);
        var config = Config(c);

        Assert.Equal((long)c["with_pretraining_heads"]!, ParameterCount.Bert(config).Total + ParameterCount.PreTrainingHeads(config));
    }

    [Fact]
    public void The_published_sizes_and_the_closed_forms()
    {
        Assert.Equal(109_482_240, ParameterCount.Bert(BertConfig.Base).Total);
        Assert.Equal(335_141_888, ParameterCount.Bert(BertConfig.Large).Total);
        Assert.Equal(102_267_648, ParameterCount.Bert(BertConfig.ChineseBase).Total);
        Assert.Equal(11_683_584, ParameterCount.Bert(BertConfig.AlbertBase).Total);
        Assert.Equal(624_188, ParameterCount.PreTrainingHeads(BertConfig.Base));
        foreach (var (v, h, l) in new[] { (30522L, 768L, 12L), (30522L, 1024L, 24L), (21128L, 768L, 12L), (7L, 4L, 3L) })
            Assert.Equal(v * h + 512 * h + 2 * h + 2 * h + l * (12 * h * h + 13 * h) + h * h + h,
                ParameterCount.Bert(new BertConfig((int)v, (int)h, (int)l, (int)(4 * h))).Total);
    }

    [Theory]
    [MemberData(nameof(FeedForwardBlocks))]
    public void FeedForward_matches_pytorch_and_is_2_d_dff_plus_dff_plus_d(string name)
    {
        var c = TransformerGolden.Case(name);
        var (d, f) = ((int)c["d"]!, (int)c["ffn"]!);

        Assert.Equal((long)c["count"]!, ParameterCount.FeedForward(d, f));
        Assert.Equal(2L * d * f + f + d, ParameterCount.FeedForward(d, f));
    }

    [Theory]
    [MemberData(nameof(TorchLayers))]
    public void Attention_and_encoder_layer_match_torch_nn_modules(string name)
    {
        var c = TransformerGolden.Case(name);
        var (d, f) = ((int)c["d"]!, (int)c["ffn"]!);

        Assert.Equal((long)c["multihead_attention"]!, ParameterCount.MultiHeadAttention(d));
        Assert.Equal(4L * d * d + 4L * d, ParameterCount.MultiHeadAttention(d));
        Assert.Equal((long)c["encoder_layer"]!, ParameterCount.EncoderLayer(d, f));
        Assert.Equal(4L * d * d + 2L * d * f + f + 9L * d, ParameterCount.EncoderLayer(d, f));
    }

    [Fact]
    public void Gpt2_small_assembled_from_the_building_blocks_matches_pytorch()
    {
        var c = TransformerGolden.OfKind("gpt2").Single();
        var (v, p, h, l, f) = ((int)c["vocabulary"]!, (int)c["positions"]!, (int)c["hidden"]!, (int)c["layers"]!, (int)c["ffn"]!);

        var total = ParameterCount.Embedding(v, h) + ParameterCount.Embedding(p, h) + l * ParameterCount.EncoderLayer(h, f) + ParameterCount.LayerNorm(h);

        Assert.Equal((long)c["total"]!, total);
        Assert.Equal(124_439_808, total);
    }

    [Fact]
    public void Building_blocks_follow_their_formulas()
    {
        Assert.Equal(12L * 768 * 768 + 13 * 768, ParameterCount.EncoderLayer(768, 3072));
        Assert.Equal(16L + (4 + 4), ParameterCount.Linear(4, 4, bias: false) + ParameterCount.Linear(1, 4));
        Assert.Equal(30000L * 768, ParameterCount.Embedding(30000, 768));
        Assert.Equal(1536L, ParameterCount.LayerNorm(768));
        Assert.Equal(8L * (768 + 768), ParameterCount.Lora(768, 768, 8));
        Assert.Equal(12L * 2 * 8 * 1536, ParameterCount.LoraOnAttention(BertConfig.Base, 8));
        Assert.Equal(12L * 4 * 1 * 1536, ParameterCount.LoraOnAttention(BertConfig.Base, 1, matricesPerLayer: 4));
        Assert.Equal(2L * 8 * 1536, ParameterCount.LoraOnAttention(BertConfig.AlbertBase, 8));
    }

    [Fact]
    public void Counts_do_not_overflow_int()
    {
        Assert.Equal(4L * 65536 * 65536 + 4 * 65536, ParameterCount.MultiHeadAttention(65536));
        Assert.Equal(1L << 40, ParameterCount.Embedding(1 << 20, 1 << 20));
    }

    [Fact]
    public void Arguments_below_one_are_named()
    {
        Assert.Equal("inputs", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.Linear(0, 3)).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.Linear(3, 0)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.Embedding(0, 3)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.Embedding(3, -1)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.LayerNorm(0)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.FeedForward(0, 3)).ParamName);
        Assert.Equal("feedForwardSize", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.FeedForward(3, 0)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.MultiHeadAttention(0)).ParamName);
        Assert.Equal("feedForwardSize", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.EncoderLayer(3, 0)).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.Lora(0, 3, 1)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.Lora(3, 0, 1)).ParamName);
        Assert.Equal("rank", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.Lora(3, 3, 0)).ParamName);
        Assert.Equal("rank", Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.LoraOnAttention(BertConfig.Base, 0)).ParamName);
        Assert.Equal("config", Assert.Throws<ArgumentNullException>(() => ParameterCount.Bert(null!)).ParamName);
        Assert.Equal("config", Assert.Throws<ArgumentNullException>(() => ParameterCount.PreTrainingHeads(null!)).ParamName);
        Assert.Equal("config", Assert.Throws<ArgumentNullException>(() => ParameterCount.LoraOnAttention(null!, 8)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void LoraOnAttention_adapts_one_to_four_projections(int matrices)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ParameterCount.LoraOnAttention(BertConfig.Base, 8, matrices));

        Assert.Equal("matricesPerLayer", e.ParamName);
        Assert.Contains("[1, 4]", e.Message);
    }
}
