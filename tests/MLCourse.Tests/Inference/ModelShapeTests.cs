using MLCourse.Inference;

namespace MLCourse.Tests.Inference;

public class ModelShapeTests
{
    private const double MiB = 1 << 20;

    [Fact]
    public void Llama2_7B_needs_half_a_MiB_per_token_in_fp16()
    {
        Assert.Equal(0.5 * MiB, ModelShape.Llama2_7B.KvCacheBytesPerToken());
        Assert.Equal(2.0 * 1024 * MiB, ModelShape.Llama2_7B.KvCacheBytes(4096));   // 2 GiB at the full context
    }

    [Fact]
    public void Gqa_divides_the_cache_by_heads_over_kv_heads()
    {
        var shape = ModelShape.Llama2_70B;
        var withoutGqa = new ModelShape("70B with MHA", shape.Layers, shape.Heads, shape.Heads, shape.HeadDim, "");

        Assert.Equal(320 * 1024.0, shape.KvCacheBytesPerToken());
        Assert.Equal(8.0, withoutGqa.KvCacheBytesPerToken() / shape.KvCacheBytesPerToken());
        Assert.Equal(8192, shape.ModelDim);
    }

    [Fact]
    public void Memory_is_linear_in_length_batch_and_bytes()
    {
        var shape = ModelShape.Gpt2Small;

        Assert.Equal(36 * 1024.0, shape.KvCacheBytesPerToken());
        Assert.Equal(2.0 * 12 * 12 * 64 * 1000 * 8 * 1, shape.KvCacheBytes(1000, batchSize: 8, bytesPerValue: 1));
        Assert.Equal(0.0, shape.KvCacheBytes(0));
    }

    [Fact]
    public void Validates_its_arguments()
    {
        Assert.Equal("kvHeads", Assert.Throws<ArgumentException>(() => new ModelShape("x", 1, 6, 4, 8, "")).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentOutOfRangeException>(() => new ModelShape("x", 0, 6, 6, 8, "")).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => ModelShape.Gpt2Small.KvCacheBytes(10, 0)).ParamName);
        Assert.Equal("bytesPerValue", Assert.Throws<ArgumentOutOfRangeException>(() => ModelShape.Gpt2Small.KvCacheBytesPerToken(0)).ParamName);
        Assert.Equal("sequenceLength", Assert.Throws<ArgumentOutOfRangeException>(() => ModelShape.Gpt2Small.KvCacheBytes(-1)).ParamName);
    }
}
