using System.Text.Json.Nodes;
using MLCourse.Normalization;

namespace MLCourse.Tests.Normalization;

public class ResidualStackTests
{
    private const string File = "residual_stack.json";

    public static TheoryData<string> Cases => GoldenData.Names(File, "residualstack");

    private static (Matrix<double> W1, Matrix<double> W2)[] Blocks(JsonObject c) =>
        c["w1"]!.AsArray().Zip(c["w2"]!.AsArray(), (a, b) => (GoldenData.Matrix(a), GoldenData.Matrix(b))).ToArray();

    private static (Matrix<double> W1, Matrix<double> W2)[] RandomBlocks(System.Random random, int count, int width, int hidden) =>
        Enumerable.Range(0, count).Select(_ => (Rng.StandardNormal(hidden, width, random), Rng.StandardNormal(width, hidden, random) / Math.Sqrt(hidden))).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stream_output_and_gradients_match_pytorch_autograd(string name)
    {
        var c = GoldenData.Case(File, name);
        var stack = new ResidualStack(Blocks(c), Enum.Parse<NormPlacement>((string)c["placement"]!), (double)c["eps"]!);

        var pass = stack.Run(GoldenData.Matrix(c["x0"]), GoldenData.Matrix(c["upstream"]));

        var (stream, gradients) = (c["stream"]!.AsArray(), c["gradients"]!.AsArray());
        Assert.Equal(stream.Count, pass.Stream.Count);
        Assert.Equal(gradients.Count, pass.Gradients.Count);
        for (var l = 0; l < stream.Count; l++)
        {
            GoldenData.AssertRelative(GoldenData.Matrix(stream[l]), pass.Stream[l], 1e-9, $"x_{l}");
            GoldenData.AssertRelative(GoldenData.Matrix(gradients[l]), pass.Gradients[l], 1e-9, $"∂L/∂x_{l}");
        }
        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), pass.Output, 1e-9, "output");
    }

    [Theory]
    [InlineData(NormPlacement.PreNorm)]
    [InlineData(NormPlacement.PostNorm)]
    public void The_gradient_at_the_input_matches_finite_differences(NormPlacement placement)
    {
        var random = Rng.Create(31);
        var stack = new ResidualStack(RandomBlocks(random, 4, 5, 7), placement);
        var (x0, upstream) = (Rng.StandardNormal(3, 5, random), Rng.StandardNormal(3, 5, random));
        double Loss(Vector<double> v) => stack.Run(Matrix<double>.Build.DenseOfColumnMajor(3, 5, v), upstream).Output.PointwiseMultiply(upstream).Enumerate().Sum();

        var numeric = FiniteDifference.Gradient(Loss, Vector<double>.Build.DenseOfArray(x0.ToColumnMajorArray()));

        var analytic = Vector<double>.Build.DenseOfArray(stack.Run(x0, upstream).Gradients[0].ToColumnMajorArray());
        Assert.True((analytic - numeric).AbsoluteMaximum() < 1e-7 * numeric.AbsoluteMaximum(), $"max difference {(analytic - numeric).AbsoluteMaximum()}");
    }

    [Fact]
    public void With_zero_weights_pre_norm_passes_the_input_through_and_post_norm_normalises_it()
    {
        var zero = new[] { (Matrix<double>.Build.Dense(6, 3), Matrix<double>.Build.Dense(3, 6)) };
        var x0 = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 4 }, { -3, 0, 3 } });
        var upstream = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0, -1 }, { 0.5, 2, 1 } });

        var pre = new ResidualStack(zero, NormPlacement.PreNorm).Run(x0, upstream);
        var post = new ResidualStack(zero, NormPlacement.PostNorm).Run(x0, upstream);

        var layerNorm = new LayerNorm(3);
        Assert.Equal(x0, pre.Stream[1]);                                                   // x₁ = x₀ + F(LN(x₀)) = x₀
        GoldenData.AssertRelative(layerNorm.Forward(x0), pre.Output, 1e-15, "pre-norm output LN(x₁)");
        GoldenData.AssertRelative(layerNorm.Forward(x0), post.Stream[1], 1e-15, "post-norm x₁ = LN(x₀)");
        GoldenData.AssertRelative(layerNorm.Backward(x0, upstream).Dx, pre.Gradients[0], 1e-15, "pre-norm ∂L/∂x₀: the final LN only");
        Assert.Equal(pre.Gradients[1], pre.Gradients[0]);                                  // identity path, nothing from the branch
        Assert.Equal(upstream, post.Gradients[1]);
    }

    [Fact]
    public void Reports_its_shape_and_copies_the_weights()
    {
        var random = Rng.Create(32);
        var blocks = RandomBlocks(random, 3, 4, 9);
        var stack = new ResidualStack(blocks, NormPlacement.PostNorm, 1e-3);
        var (x0, upstream) = (Rng.StandardNormal(2, 4, random), Rng.StandardNormal(2, 4, random));
        var before = stack.Run(x0, upstream);

        blocks[0].W1.Clear();

        Assert.Equal((3, 4, 9, NormPlacement.PostNorm, 1e-3), (stack.Depth, stack.Width, stack.Hidden, stack.Placement, stack.Eps));
        Assert.Equal(before.Output, stack.Run(x0, upstream).Output);
    }

    [Fact]
    public void Validates_its_arguments_and_names_the_shapes()
    {
        var random = Rng.Create(33);
        var good = RandomBlocks(random, 2, 4, 8);
        var wrongW1 = new[] { good[0], (Rng.StandardNormal(8, 5, random), good[1].W2) };
        var wrongW2 = new[] { good[0], (good[1].W1, Rng.StandardNormal(4, 7, random)) };
        var stack = new ResidualStack(good, NormPlacement.PreNorm);

        var none = Assert.Throws<ArgumentException>(() => new ResidualStack([], NormPlacement.PreNorm));
        var w1 = Assert.Throws<ArgumentException>(() => new ResidualStack(wrongW1, NormPlacement.PreNorm));
        var w2 = Assert.Throws<ArgumentException>(() => new ResidualStack(wrongW2, NormPlacement.PreNorm));
        var placement = Assert.Throws<ArgumentOutOfRangeException>(() => new ResidualStack(good, (NormPlacement)7));
        var eps = Assert.Throws<ArgumentOutOfRangeException>(() => new ResidualStack(good, NormPlacement.PostNorm, 0));
        var x0 = Assert.Throws<ArgumentException>(() => stack.Run(Matrix<double>.Build.Dense(2, 5), Matrix<double>.Build.Dense(2, 5)));
        var upstream = Assert.Throws<ArgumentException>(() => stack.Run(Matrix<double>.Build.Dense(2, 4), Matrix<double>.Build.Dense(3, 4)));

        Assert.Equal(["blocks", "blocks", "blocks", "placement", "eps", "x0", "upstream"],
            new[] { none, w1, w2, placement, eps, x0, upstream }.Select(e => e.ParamName));
        Assert.Contains("blocks[1].W1 is 8×5 but blocks[0].W1 is 8×4", w1.Message);
        Assert.Contains("blocks[1].W2 is 4×7 but must be 4×8", w2.Message);
        Assert.Contains("2×5", x0.Message);
        Assert.Contains("2×4", upstream.Message);
        Assert.Contains("3×4", upstream.Message);
        Assert.Throws<ArgumentNullException>(() => new ResidualStack(null!, NormPlacement.PreNorm));
        Assert.Throws<ArgumentNullException>(() => stack.Run(null!, Matrix<double>.Build.Dense(2, 4)));
    }
}
