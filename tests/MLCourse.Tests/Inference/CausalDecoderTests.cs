using System.Text.Json.Nodes;
using MLCourse.Inference;

namespace MLCourse.Tests.Inference;

public class CausalDecoderTests
{
    private const string File = "causal_decoder.json";

    public static TheoryData<string> GoldenCases => GoldenData.Names(File);

    private static CausalDecoder FromGolden(JsonObject c) => new(
        c["layers"]!.AsArray().Select(l => new DecoderLayerWeights(GoldenData.Matrix(l!["Wq"]), GoldenData.Matrix(l["Wk"]),
            GoldenData.Matrix(l["Wv"]), GoldenData.Matrix(l["Wo"]), GoldenData.Matrix(l["W1"]), GoldenData.Matrix(l["W2"]))).ToList(),
        (int)c["heads"]!, (int)c["kv_heads"]!);

    /// <summary>PyTorch expands the KV heads with repeat_interleave (Hugging Face's repeat_kv): query heads 0 … G − 1 read
    /// KV head 0, the next G read KV head 1, …. Mapping head i to KV head i mod kvHeads instead fails every grouped case.</summary>
    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Grouped_query_attention_matches_pytorchs_repeat_interleave_order(string name)
    {
        var c = GoldenData.Case(File, name);
        var decoder = FromGolden(c);
        var x = GoldenData.Matrix(c["x"]);
        var expected = GoldenData.Matrix(c["output"]);

        GoldenData.AssertRelative(expected, decoder.Forward(x), 1e-9, "forward");
        var cache = decoder.NewCache();
        for (var t = 0; t < x.RowCount; t++)
            GoldenData.AssertRelative(expected.Row(t), decoder.Step(x.Row(t), cache), 1e-9, $"step {t}");
    }

    [Fact]
    public void Given_weights_are_copied_and_exposed_live()
    {
        var random = Rng.Create(8);
        var source = new CausalDecoder(2, 4, 2, 3, 5, random);
        var copy = new CausalDecoder(source.LayerWeights, heads: 4, kvHeads: 2);
        var x = Rng.StandardNormal(3, 12, random);

        Assert.Equal((2, 4, 2, 3, 5), (copy.Layers, copy.Heads, copy.KvHeads, copy.HeadDim, copy.FfnDim));
        AssertClose(source.Forward(x), copy.Forward(x), 0);
        source.LayerWeights[1].Wo[0, 0] += 1;   // live in the source, copied into the new decoder
        Assert.True((source.Forward(x) - copy.Forward(x)).FrobeniusNorm() > 1e-6);
    }

    [Fact]
    public void Given_weights_are_validated_naming_the_layer_and_the_shapes()
    {
        var good = new CausalDecoder(1, 4, 2, 3, 5, Rng.Create(9)).LayerWeights[0];

        var shape = Assert.Throws<ArgumentException>(() => new CausalDecoder([good, good with { Wk = Matrix<double>.Build.Dense(12, 5) }], 4, 2));
        Assert.Equal("layers", shape.ParamName);
        Assert.Contains("layer 1: Wk is 12×5 but must be 12×6", shape.Message);
        Assert.Contains("layer 0: W2 is 12×5 but must be 5×12", Assert.Throws<ArgumentException>(() => new CausalDecoder([good with { W2 = good.W1 }], 4, 2)).Message);
        Assert.Equal("layers", Assert.Throws<ArgumentException>(() => new CausalDecoder([], 4, 2)).ParamName);
        Assert.Equal("heads", Assert.Throws<ArgumentException>(() => new CausalDecoder([good], 5, 1)).ParamName);
        Assert.Equal("kvHeads", Assert.Throws<ArgumentException>(() => new CausalDecoder([good], 4, 3)).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentNullException>(() => new CausalDecoder([good, null!], 4, 2)).ParamName);
    }

    private static void AssertClose(Matrix<double> expected, Matrix<double> actual, double tolerance) =>
        Assert.True((expected - actual).Enumerate().All(e => Math.Abs(e) <= tolerance), $"max |difference| = {(expected - actual).Enumerate().Max(Math.Abs):E2}");

    [Theory]
    [InlineData(1, 1, 1, 4, 8)]
    [InlineData(2, 4, 4, 3, 16)]
    [InlineData(3, 4, 2, 2, 8)]   // grouped-query attention
    [InlineData(2, 4, 1, 3, 5)]   // multi-query attention
    public void Cached_steps_equal_full_recomputation_at_every_position(int layers, int heads, int kvHeads, int headDim, int ffn)
    {
        var random = Rng.Create(layers * 100 + heads * 10 + kvHeads);
        var decoder = new CausalDecoder(layers, heads, kvHeads, headDim, ffn, random);
        var x = Rng.StandardNormal(7, decoder.ModelDim, random);
        var cache = decoder.NewCache();

        for (var t = 0; t < x.RowCount; t++)
        {
            var step = decoder.Step(x.Row(t), cache);
            var full = decoder.Forward(x.SubMatrix(0, t + 1, 0, decoder.ModelDim));
            AssertClose(full.SubMatrix(t, 1, 0, decoder.ModelDim), step.ToRowMatrix(), 1e-12);
            Assert.Equal(t + 1, cache.Length);
        }
    }

    [Fact]
    public void Later_tokens_do_not_change_earlier_outputs()
    {
        var random = Rng.Create(3);
        var decoder = new CausalDecoder(2, 2, 2, 3, 6, random);
        var x = Rng.StandardNormal(5, 6, random);
        var changed = x.Clone();
        changed.SetRow(4, Rng.StandardNormal(6, random));

        AssertClose(decoder.Forward(x).SubMatrix(0, 4, 0, 6), decoder.Forward(changed).SubMatrix(0, 4, 0, 6), 0);
        Assert.True((decoder.Forward(x).Row(4) - decoder.Forward(changed).Row(4)).L2Norm() > 1e-3);
    }

    [Fact]
    public void Flop_counter_matches_the_closed_forms()
    {
        var random = Rng.Create(4);
        var decoder = new CausalDecoder(3, 4, 2, 5, 11, random);
        var x = Rng.StandardNormal(6, decoder.ModelDim, random);

        decoder.Forward(x);
        Assert.Equal(decoder.ForwardFlops(6), decoder.Flops);

        var cache = decoder.NewCache();
        for (var t = 0; t < 6; t++)
        {
            decoder.ResetFlops();
            decoder.Step(x.Row(t), cache);
            Assert.Equal(decoder.StepFlops(t + 1), decoder.Flops);
        }
    }

    [Fact]
    public void Closed_forms_by_hand()
    {
        // d = 4, kv = 2, f = 3, one layer: forward of L = 2 is 4·2·16 + 4·2·4·2 + 4·4·4 + 4·2·4·3 = 128 + 64 + 64 + 96.
        var decoder = new CausalDecoder(1, 2, 1, 2, 3, Rng.Create(5));
        Assert.Equal(352, decoder.ForwardFlops(2));
        Assert.Equal(4 * 16 + 4 * 4 * 2 + 4 * 2 * 4 + 4 * 4 * 3, decoder.StepFlops(2));
    }

    [Fact]
    public void Cache_holds_two_layers_kvheads_headdim_values_per_token()
    {
        var random = Rng.Create(6);
        var decoder = new CausalDecoder(3, 4, 2, 5, 7, random);
        var cache = decoder.NewCache();
        for (var t = 0; t < 4; t++) decoder.Step(Rng.StandardNormal(decoder.ModelDim, random), cache);

        Assert.Equal(2L * 3 * 2 * 5 * 4, cache.StoredValues);
        Assert.Equal((4, 10), (cache.Keys(2).RowCount, cache.Values(0).ColumnCount));
    }

    [Fact]
    public void Validates_shapes_and_sizes()
    {
        var random = Rng.Create(7);
        var decoder = new CausalDecoder(2, 2, 1, 3, 4, random);

        var e = Assert.Throws<ArgumentException>(() => decoder.Forward(Matrix<double>.Build.Dense(3, 5)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("x is 3×5 but must have 6 columns", e.Message);

        var s = Assert.Throws<ArgumentException>(() => decoder.Step(Vector<double>.Build.Dense(5), decoder.NewCache()));
        Assert.Equal("x", s.ParamName);

        var c = Assert.Throws<ArgumentException>(() => decoder.Step(Vector<double>.Build.Dense(6), new KeyValueCache(2, 2, 3)));
        Assert.Equal("cache", c.ParamName);
        Assert.Contains("cache is 2 layers × 2 KV heads × 3 but the decoder is 2 layers × 1 KV heads × 3", c.Message);

        Assert.Equal("kvHeads", Assert.Throws<ArgumentException>(() => new CausalDecoder(1, 4, 3, 2, 2, random)).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentOutOfRangeException>(() => new CausalDecoder(0, 4, 4, 2, 2, random)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => decoder.ForwardFlops(0)).ParamName);
        Assert.Equal("contextLength", Assert.Throws<ArgumentOutOfRangeException>(() => decoder.StepFlops(0)).ParamName);
    }
}
