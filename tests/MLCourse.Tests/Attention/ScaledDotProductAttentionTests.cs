using MLCourse.Attention;

namespace MLCourse.Tests.Attention;

public class ScaledDotProductAttentionTests
{
    private const string File = "attention.json";

    public static TheoryData<string> Cases => GoldenData.Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (output, weights) = ScaledDotProductAttention.Compute(
            GoldenData.Matrix(c["q"]), GoldenData.Matrix(c["k"]), GoldenData.Matrix(c["v"]), GoldenData.Bools(c["keep"]));

        GoldenData.AssertRelative(GoldenData.Matrix(c["weights"]), weights, 1e-9, "weights");
        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), output, 1e-9, "output");
    }

    [Fact]
    public void Weights_rows_sum_to_one_and_masked_keys_get_exactly_zero()
    {
        var random = Rng.Create(1);
        var x = Rng.StandardNormal(5, 4, random);
        var (_, weights) = ScaledDotProductAttention.Compute(x, x, x, Masks.Causal(5));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(1.0, weights.Row(i).Sum(), 12);
            for (var j = i + 1; j < 5; j++) Assert.Equal(0.0, weights[i, j]);
        }
    }

    [Fact]
    public void Scores_are_qkT_over_sqrt_d()
    {
        var q = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 3, 4 } });
        var k = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0, 0, 0 }, { 0, 0, 0, 1 } });

        var scores = ScaledDotProductAttention.Scores(q, k);

        Assert.Equal(1.0 / 2, scores[0, 0], 15);
        Assert.Equal(4.0 / 2, scores[0, 1], 15);
    }

    [Fact]
    public void Mismatched_widths_name_both_shapes()
    {
        var q = Matrix<double>.Build.Dense(3, 4);
        var k = Matrix<double>.Build.Dense(5, 8);
        var v = Matrix<double>.Build.Dense(5, 2);

        var e = Assert.Throws<ArgumentException>(() => ScaledDotProductAttention.Compute(q, k, v));

        Assert.Equal("k", e.ParamName);
        Assert.Contains("q is 3×4", e.Message);
        Assert.Contains("k is 5×8", e.Message);
    }

    [Fact]
    public void One_value_row_per_key()
    {
        var e = Assert.Throws<ArgumentException>(() => ScaledDotProductAttention.Compute(
            Matrix<double>.Build.Dense(2, 4), Matrix<double>.Build.Dense(3, 4), Matrix<double>.Build.Dense(2, 4)));

        Assert.Equal("v", e.ParamName);
        Assert.Contains("k is 3×4 and v is 2×4", e.Message);
    }

    [Fact]
    public void Mask_must_be_Lq_by_Lk()
    {
        var x = Matrix<double>.Build.Dense(3, 2);

        var e = Assert.Throws<ArgumentException>(() => ScaledDotProductAttention.Compute(x, x, x, new bool[3, 2]));

        Assert.Equal("keep", e.ParamName);
        Assert.Contains("keep is 3×2 but must be L_q×L_k = 3×3", e.Message);
    }

    [Fact]
    public void Zero_width_is_rejected()
    {
        var x = Matrix<double>.Build.Dense(2, 0);

        var e = Assert.Throws<ArgumentException>(() => ScaledDotProductAttention.Scores(x, x));

        Assert.Equal("q", e.ParamName);
    }
}
