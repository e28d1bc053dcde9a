using System.Text.Json.Nodes;
using MLCourse.Attention;

namespace MLCourse.Tests.Attention;

public class MultiHeadAttentionTests
{
    private const string File = "multihead.json";

    public static TheoryData<string> Cases => GoldenData.Names(File);

    private static List<Matrix<double>> Batch(JsonNode? node) => node!.AsArray().Select(GoldenData.Matrix).ToList();

    /// <summary>PyTorch's boolean mask (True = masked out) in this library's keep convention (true = visible).</summary>
    private static bool[,]? Keep(JsonNode? torchMask)
    {
        var masked = GoldenData.Bools(torchMask);
        if (masked is null) return null;
        var keep = new bool[masked.GetLength(0), masked.GetLength(1)];
        for (var i = 0; i < keep.GetLength(0); i++)
            for (var j = 0; j < keep.GetLength(1); j++)
                keep[i, j] = !masked[i, j];
        return keep;
    }

    /// <summary>A layer holding the case's PyTorch parameters.</summary>
    private static MultiHeadAttention Layer(JsonObject c)
    {
        var bias = (bool)c["bias"]!;
        var layer = new MultiHeadAttention((int)c["d"]!, (int)c["heads"]!, bias);
        layer.SetInProjection(GoldenData.Matrix(c["in_proj_weight"]), bias ? GoldenData.Vector(c["in_proj_bias"]) : null);
        GoldenData.Matrix(c["out_proj_weight"]).CopyTo(layer.WO);
        if (bias) GoldenData.Vector(c["out_proj_bias"]).CopyTo(layer.BO!);
        return layer;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var layer = Layer(c);

        var (output, weights) = layer.Forward(Batch(c["query"]), Batch(c["key"]), Batch(c["value"]), Keep(c["attn_mask"]), Keep(c["key_padding_mask"]));

        var expectedOutput = Batch(c["output"]);
        var expectedWeights = c["weights"]!.AsArray().Select(Batch).ToList();
        var expectedAverage = Batch(c["average_weights"]);
        Assert.Equal(expectedOutput.Count, output.Count);
        for (var b = 0; b < output.Count; b++)
        {
            GoldenData.AssertRelative(expectedOutput[b], output[b], 1e-9, $"output[{b}]");
            Assert.Equal(layer.Heads, weights[b].Count);
            for (var h = 0; h < layer.Heads; h++)
                GoldenData.AssertRelative(expectedWeights[b][h], weights[b][h], 1e-9, $"weights[{b}][{h}]");
            GoldenData.AssertRelative(expectedAverage[b], MultiHeadAttention.AverageHeads(weights[b]), 1e-9, $"average weights[{b}]");
        }
    }

    [Fact]
    public void One_sequence_gives_the_same_as_that_sequence_in_a_batch()
    {
        var c = GoldenData.Case(File, "causal self-attention d=16 h=4, batch of 3");
        var layer = Layer(c);
        var (query, keep) = (Batch(c["query"]), Keep(c["attn_mask"]));
        var batch = layer.Forward(query, query, query, keep);

        for (var b = 0; b < query.Count; b++)
        {
            var (output, weights) = layer.Forward(query[b], query[b], query[b], keep);
            Assert.Equal(batch.Output[b], output);
            for (var h = 0; h < layer.Heads; h++) Assert.Equal(batch.Weights[b][h], weights[h]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void Parameter_count_is_4d2_plus_4d_for_every_number_of_heads(int heads)
    {
        const int d = 16;

        Assert.Equal(4 * d * d + 4 * d, new MultiHeadAttention(d, heads, random: Rng.Create(1)).ParameterCount);
        Assert.Equal(4 * d * d, new MultiHeadAttention(d, heads, bias: false, random: Rng.Create(1)).ParameterCount);
    }

    [Fact]
    public void Initialisation_follows_pytorch()
    {
        const int d = 64;
        var layer = new MultiHeadAttention(d, 4, random: Rng.Create(2));
        var xavier = Math.Sqrt(6.0 / (4 * d));
        var inProjection = layer.InProjWeight.Enumerate().ToList();

        Assert.InRange(inProjection.Max(Math.Abs), 0.95 * xavier, xavier);
        Assert.InRange(layer.WO.Enumerate().Max(Math.Abs), 0.95 / Math.Sqrt(d), 1 / Math.Sqrt(d));
        Assert.All(new[] { layer.BQ!, layer.BK!, layer.BV!, layer.BO! }, b => Assert.Equal(0.0, b.L2Norm()));
        Assert.Equal(layer.WQ, new MultiHeadAttention(d, 4, random: Rng.Create(2)).WQ);
        Assert.NotEqual(layer.WQ, new MultiHeadAttention(d, 4, random: Rng.Create(3)).WQ);
    }

    [Fact]
    public void Without_bias_the_bias_vectors_are_null()
    {
        var layer = new MultiHeadAttention(8, 2, bias: false, random: Rng.Create(1));

        Assert.False(layer.HasBias);
        Assert.Null(layer.BQ);
        Assert.Null(layer.BO);
        Assert.Null(layer.InProjBias);
    }

    [Fact]
    public void Weights_are_live()
    {
        var random = Rng.Create(4);
        var layer = new MultiHeadAttention(8, 2, random: random);
        var x = Rng.StandardNormal(3, 8, random);
        var before = layer.Forward(x, x, x).Output;

        layer.BO![0] += 1;

        Assert.Equal(before.Column(0) + 1, layer.Forward(x, x, x).Output.Column(0));
        layer.WV.Clear();
        Assert.Equal(layer.BO, layer.Forward(x, x, x).Output.Row(2));
    }

    [Fact]
    public void In_projection_round_trips_and_splits_into_thirds()
    {
        var random = Rng.Create(5);
        var layer = new MultiHeadAttention(6, 3, random: random);
        var (weight, bias) = (Rng.StandardNormal(18, 6, random), Rng.StandardNormal(18, random));

        layer.SetInProjection(weight, bias);

        Assert.Equal(weight, layer.InProjWeight);
        Assert.Equal(bias, layer.InProjBias);
        Assert.Equal(weight.SubMatrix(6, 6, 0, 6), layer.WK);
        Assert.Equal(bias.SubVector(12, 6), layer.BV);
    }

    [Fact]
    public void One_head_is_scaled_dot_product_attention_of_the_projections()
    {
        var random = Rng.Create(6);
        var layer = new MultiHeadAttention(4, 1, bias: false, random: random);
        var (q, k) = (Rng.StandardNormal(3, 4, random), Rng.StandardNormal(5, 4, random));

        var (output, weights) = layer.Forward(q, k, k);
        var (head, expected) = ScaledDotProductAttention.Compute(q * layer.WQ.Transpose(), k * layer.WK.Transpose(), k * layer.WV.Transpose());

        Assert.True((weights[0] - expected).FrobeniusNorm() < 1e-14);
        Assert.True((output - head * layer.WO.Transpose()).FrobeniusNorm() < 1e-14);
    }

    [Fact]
    public void Every_head_hides_masked_keys_and_rows_sum_to_one()
    {
        var random = Rng.Create(7);
        var layer = new MultiHeadAttention(8, 4, random: random);
        var x = Enumerable.Range(0, 2).Select(_ => Rng.StandardNormal(4, 8, random)).ToList();

        var (_, weights) = layer.Forward(x, x, x, Masks.Causal(4), Masks.KeyPadding(4, 4, 2));

        for (var b = 0; b < 2; b++)
            foreach (var w in weights[b])
                for (var i = 0; i < 4; i++)
                {
                    Assert.Equal(1.0, w.Row(i).Sum(), 14);
                    for (var j = 0; j < 4; j++)
                        if (j > i || (b == 1 && j >= 2)) Assert.Equal(0.0, w[i, j]);
                }
    }

    [Fact]
    public void Average_heads_is_the_mean_and_rejects_mixed_shapes()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 } });
        var b = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 } });

        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 0.5, 0.5 } }), MultiHeadAttention.AverageHeads([a, b]));
        var e = Assert.Throws<ArgumentException>(() => MultiHeadAttention.AverageHeads([a, Matrix<double>.Build.Dense(2, 2)]));
        Assert.Equal("weights[1]", e.ParamName);
        Assert.Contains("weights[0] is 1×2 but weights[1] is 2×2", e.Message);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => MultiHeadAttention.AverageHeads([])).ParamName);
    }

    [Fact]
    public void D_model_must_be_divisible_by_heads_naming_both()
    {
        var e = Assert.Throws<ArgumentException>(() => new MultiHeadAttention(10, 3, random: Rng.Create(1)));

        Assert.Equal("heads", e.ParamName);
        Assert.Contains("dModel = 10 is not divisible by heads = 3", e.Message);
    }

    [Theory]
    [InlineData(8, 0, "heads")]
    [InlineData(8, -2, "heads")]
    [InlineData(0, 1, "dModel")]
    public void Sizes_must_be_positive(int dModel, int heads, string argument)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MultiHeadAttention(dModel, heads, random: Rng.Create(1)));

        Assert.Equal(argument, e.ParamName);
    }

    [Fact]
    public void Without_a_random_source_the_weights_come_from_seed_0()
    {
        var layer = new MultiHeadAttention(4, 2);

        Assert.Equal(new MultiHeadAttention(4, 2, random: Rng.Create(0)).WQ, layer.WQ);
        Assert.Equal(new MultiHeadAttention(4, 2, random: Rng.Create(0)).WO, new MultiHeadAttention(4, 2, bias: false).WO);
        Assert.True(layer.HasBias);
    }

    [Theory]
    [InlineData(5, 8, 8, "query", "query is 3×5 but must have 8 columns (dModel)")]
    [InlineData(8, 6, 8, "key", "key is 4×6 but must have 8 columns (dModel)")]
    [InlineData(8, 8, 2, "value", "value is 4×2 but must have 8 columns (dModel)")]
    public void Input_widths_must_be_d_model(int queryWidth, int keyWidth, int valueWidth, string argument, string message)
    {
        var layer = new MultiHeadAttention(8, 2, random: Rng.Create(1));
        var build = Matrix<double>.Build;

        var e = Assert.Throws<ArgumentException>(() => layer.Forward(build.Dense(3, queryWidth), build.Dense(4, keyWidth), build.Dense(4, valueWidth)));

        Assert.Equal(argument, e.ParamName);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void One_value_per_key()
    {
        var layer = new MultiHeadAttention(4, 2, random: Rng.Create(1));
        var build = Matrix<double>.Build;

        var e = Assert.Throws<ArgumentException>(() => layer.Forward(build.Dense(2, 4), build.Dense(3, 4), build.Dense(5, 4)));

        Assert.Equal("value", e.ParamName);
        Assert.Contains("key is 3×4 and value is 5×4", e.Message);
    }

    [Fact]
    public void Mask_must_be_Lq_by_Lk()
    {
        var layer = new MultiHeadAttention(4, 2, random: Rng.Create(1));
        var (q, k) = (Matrix<double>.Build.Dense(2, 4), Matrix<double>.Build.Dense(3, 4));

        var e = Assert.Throws<ArgumentException>(() => layer.Forward(q, k, k, Masks.Causal(3)));

        Assert.Equal("keep", e.ParamName);
        Assert.Contains("keep is 3×3 but must be L_q×L_k = 2×3", e.Message);
    }

    [Fact]
    public void Batch_arguments_are_validated_naming_the_sequence()
    {
        var layer = new MultiHeadAttention(4, 2, random: Rng.Create(1));
        var build = Matrix<double>.Build;
        var two = new[] { build.Dense(3, 4), build.Dense(3, 4) };

        var count = Assert.Throws<ArgumentException>(() => layer.Forward(two, two, [build.Dense(3, 4)]));
        Assert.Equal("value", count.ParamName);
        Assert.Contains("query has 2 sequences but value has 1", count.Message);

        var ragged = Assert.Throws<ArgumentException>(() => layer.Forward(two, [build.Dense(3, 4), build.Dense(2, 4)], two));
        Assert.Equal("key", ragged.ParamName);
        Assert.Contains("key[1] is 2×4 but key[0] is 3×4", ragged.Message);

        var width = Assert.Throws<ArgumentException>(() => layer.Forward([build.Dense(3, 5)], [build.Dense(3, 4)], [build.Dense(3, 4)]));
        Assert.Equal("query", width.ParamName);
        Assert.Contains("query[0] is 3×5 but must have 4 columns (dModel)", width.Message);

        Assert.Equal("query", Assert.Throws<ArgumentException>(() => layer.Forward(Array.Empty<Matrix<double>>(), [], [])).ParamName);
    }

    [Fact]
    public void Key_padding_mask_must_be_B_by_Lk()
    {
        var layer = new MultiHeadAttention(4, 2, random: Rng.Create(1));
        var two = new[] { Matrix<double>.Build.Dense(3, 4), Matrix<double>.Build.Dense(3, 4) };

        var e = Assert.Throws<ArgumentException>(() => layer.Forward(two, two, two, keyPaddingKeep: Masks.KeyPadding(3, 3, 3, 1)));

        Assert.Equal("keyPaddingKeep", e.ParamName);
        Assert.Contains("keyPaddingKeep is 3×3 but must be B×L_k = 2×3", e.Message);
    }

    [Fact]
    public void In_projection_shapes_and_bias_presence_are_validated()
    {
        var layer = new MultiHeadAttention(4, 2, random: Rng.Create(1));
        var build = Matrix<double>.Build;

        var shape = Assert.Throws<ArgumentException>(() => layer.SetInProjection(build.Dense(4, 4), Vector<double>.Build.Dense(12)));
        Assert.Equal("weight", shape.ParamName);
        Assert.Contains("weight is 4×4 but in_proj_weight must be 3·dModel×dModel = 12×4", shape.Message);

        var length = Assert.Throws<ArgumentException>(() => layer.SetInProjection(build.Dense(12, 4), Vector<double>.Build.Dense(4)));
        Assert.Equal("bias", length.ParamName);
        Assert.Contains("bias has length 4 but in_proj_bias must have length 3·dModel = 12", length.Message);

        Assert.Equal("bias", Assert.Throws<ArgumentException>(() => layer.SetInProjection(build.Dense(12, 4), null)).ParamName);
        var noBias = new MultiHeadAttention(4, 2, bias: false, random: Rng.Create(1));
        Assert.Equal("bias", Assert.Throws<ArgumentException>(() => noBias.SetInProjection(build.Dense(12, 4), Vector<double>.Build.Dense(12))).ParamName);
    }
}
