using MLCourse.Convolution;

namespace MLCourse.Tests.Convolution;

public class MaxPool2dTests
{
    public static TheoryData<string> Cases => ConvolutionGolden.Names("max_pool");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_and_backward_match_pytorch_including_ties_and_overlaps(string name)
    {
        var c = ConvolutionGolden.Case(name);
        var (x, k, s, p) = (GoldenData.Matrix(c["x"]), (int)c["kernel"]!, (int)c["stride"]!, (int)c["padding"]!);

        GoldenData.AssertRelative(GoldenData.Matrix(c["y"]), MaxPool2d.Forward(x, k, s, p), 0, "y");
        GoldenData.AssertRelative(GoldenData.Matrix(c["grad_x"]), MaxPool2d.Backward(x, GoldenData.Matrix(c["grad_output"]), k, s, p), 1e-12, "∂L/∂x");
    }

    [Fact]
    public void A_value_that_is_the_maximum_of_four_windows_receives_four_gradients_and_a_tie_goes_to_the_first()
    {
        var peak = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1, 0 }, { 1, 9, 1 }, { 0, 1, 0 } });
        var ties = Matrix<double>.Build.DenseOfArray(new double[,] { { 5, 5 }, { 5, 5 } });

        Assert.Equal(4, MaxPool2d.Backward(peak, Matrix<double>.Build.Dense(2, 2, 1.0), 2, 1)[1, 1]);
        Assert.Equal([1.0, 0, 0, 0], MaxPool2d.Backward(ties, Matrix<double>.Build.Dense(1, 1, 1.0), 2, 2).ToRowMajorArray());
    }

    [Fact]
    public void Backward_matches_finite_differences_away_from_ties()
    {
        var random = Rng.Create(5);
        var x = Rng.StandardNormal(7, 6, random);
        var upstream = Rng.StandardNormal(4, 3, random);

        var numeric = FiniteDifference.Gradient(m => MaxPool2d.Forward(m, 3, 2, 1).PointwiseMultiply(upstream).Enumerate().Sum(), x);

        Assert.True((numeric - MaxPool2d.Backward(x, upstream, 3, 2, 1)).Enumerate().Max(Math.Abs) < 1e-9);
    }

    [Fact]
    public void Invalid_arguments_are_named_with_both_shapes()
    {
        var x = Matrix<double>.Build.Dense(4, 5);
        var wrong = Assert.Throws<ArgumentException>(() => MaxPool2d.Backward(x, Matrix<double>.Build.Dense(3, 3), 2, 2));
        Assert.Equal("gradOutput", wrong.ParamName);
        Assert.Contains("gradOutput is 3×3 but pooling x (4×5) gives 2×2", wrong.Message);
        var large = Assert.Throws<ArgumentException>(() => MaxPool2d.Forward(x, 5, 1));
        Assert.Equal("kernelSize", large.ParamName);
        Assert.Contains("kernelSize is 5 but x is 4×5", large.Message);
        Assert.Equal("padding", Assert.Throws<ArgumentOutOfRangeException>(() => MaxPool2d.Forward(x, 3, 1, 2)).ParamName);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => MaxPool2d.Forward(x, 2, 0)).ParamName);
        Assert.Equal("kernelSize", Assert.Throws<ArgumentOutOfRangeException>(() => MaxPool2d.Forward(x, 0, 1)).ParamName);
    }
}

public class AvgPool2dTests
{
    public static TheoryData<string> Cases => ConvolutionGolden.Names("avg_pool");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_and_backward_match_pytorch(string name)
    {
        var c = ConvolutionGolden.Case(name);
        var (x, k, s) = (GoldenData.Matrix(c["x"]), (int)c["kernel"]!, (int)c["stride"]!);

        GoldenData.AssertRelative(GoldenData.Matrix(c["y"]), AvgPool2d.Forward(x, k, s), 1e-12, "y");
        GoldenData.AssertRelative(GoldenData.Matrix(c["grad_x"]), AvgPool2d.Backward(x, GoldenData.Matrix(c["grad_output"]), k, s), 1e-12, "∂L/∂x");
    }

    [Fact]
    public void Every_element_of_a_2_by_2_window_receives_a_quarter_and_overlaps_add_up()
    {
        var x = Matrix<double>.Build.Dense(3, 3);

        Assert.Equal(Matrix<double>.Build.Dense(2, 2, 0.25), AvgPool2d.Backward(Matrix<double>.Build.Dense(2, 2), Matrix<double>.Build.Dense(1, 1, 1.0), 2, 2));
        Assert.Equal(1.0, AvgPool2d.Backward(x, Matrix<double>.Build.Dense(2, 2, 1.0), 2, 1)[1, 1]);
        Assert.Equal(0.25, AvgPool2d.Backward(x, Matrix<double>.Build.Dense(2, 2, 1.0), 2, 1)[0, 0]);
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        var x = Matrix<double>.Build.Dense(4, 4);
        Assert.Equal("gradOutput", Assert.Throws<ArgumentException>(() => AvgPool2d.Backward(x, Matrix<double>.Build.Dense(2, 3), 2, 2)).ParamName);
        Assert.Equal("kernelSize", Assert.Throws<ArgumentException>(() => AvgPool2d.Forward(x, 5, 1)).ParamName);
    }
}
