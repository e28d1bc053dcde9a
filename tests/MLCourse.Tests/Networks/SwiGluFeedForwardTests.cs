using MLCourse.Activations;
using MLCourse.Networks;

namespace MLCourse.Tests.Networks;

public class SwiGluFeedForwardTests
{
    private const string File = "activations.json";

    public static TheoryData<string> Cases => GoldenData.Names(File, "swiglu");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_matches_the_notes_pytorch_module(string name)
    {
        var c = GoldenData.Case(File, name);
        var ffn = new SwiGluFeedForward((int)c["hidden"]!, (int)c["intermediate"]!, Rng.Create(1));
        GoldenData.Matrix(c["w1"]).CopyTo(ffn.W1);
        GoldenData.Matrix(c["w2"]).CopyTo(ffn.W2);
        GoldenData.Matrix(c["w3"]).CopyTo(ffn.W3);

        GoldenData.AssertRelative(GoldenData.Matrix(c["y"]), ffn.Forward(GoldenData.Matrix(c["x"])), 1e-12, name);
    }

    [Fact]
    public void Beta_changes_the_gate_and_tokens_do_not_interact()
    {
        var ffn = new SwiGluFeedForward(4, 6, Rng.Create(2), beta: 2.5);
        var x = Rng.StandardNormal(3, 4, Rng.Create(3));

        var y = ffn.Forward(x);

        var row = x.Row(1);
        var gate = (ffn.W1 * row).Map(z => z * Activation.Sigmoid(2.5 * z));
        Assert.True((ffn.W2 * gate.PointwiseMultiply(ffn.W3 * row) - y.Row(1)).L2Norm() < 1e-14);
        Assert.True((ffn.Forward(x.SubMatrix(1, 1, 0, 4)).Row(0) - y.Row(1)).L2Norm() < 1e-14);
        Assert.Equal(2.5, ffn.Beta);
    }

    [Fact]
    public void Parameters_are_the_three_matrices_initialised_like_nn_Linear()
    {
        var ffn = new SwiGluFeedForward(48, 128, Rng.Create(4));

        Assert.Equal(3 * 48 * 128, ffn.ParameterCount);
        Assert.Equal((128, 48, 48, 128, 128, 48), (ffn.W1.RowCount, ffn.W1.ColumnCount, ffn.W2.RowCount, ffn.W2.ColumnCount, ffn.W3.RowCount, ffn.W3.ColumnCount));
        Assert.InRange(ffn.W1.Enumerate().Max(Math.Abs), 0.9 / Math.Sqrt(48), 1 / Math.Sqrt(48));
        Assert.InRange(ffn.W2.Enumerate().Max(Math.Abs), 0.9 / Math.Sqrt(128), 1 / Math.Sqrt(128));
        Assert.Equal(ffn.W3, new SwiGluFeedForward(48, 128, Rng.Create(4)).W3);
        Assert.NotEqual(ffn.W1, ffn.W3);
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        Assert.Equal("hiddenSize", Assert.Throws<ArgumentOutOfRangeException>(() => new SwiGluFeedForward(0, 4, Rng.Create(1))).ParamName);
        Assert.Equal("intermediateSize", Assert.Throws<ArgumentOutOfRangeException>(() => new SwiGluFeedForward(4, -1, Rng.Create(1))).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new SwiGluFeedForward(4, 4, Rng.Create(1), double.NaN)).ParamName);
        var x = Assert.Throws<ArgumentException>(() => new SwiGluFeedForward(4, 8, Rng.Create(1)).Forward(Matrix<double>.Build.Dense(2, 5)));
        Assert.Equal("x", x.ParamName);
        Assert.Contains("2×5", x.Message);
        Assert.Contains("4 columns", x.Message);
    }
}
