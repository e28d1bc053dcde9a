using MLCourse.Convolution;

namespace MLCourse.Tests.Convolution;

public class Conv2dLayerTests
{
    [Theory]
    [InlineData(3, 64, 3, 1, true, 1792)]
    [InlineData(64, 128, 3, 4, true, 18560)]
    [InlineData(64, 64, 3, 1, false, 36864)]
    [InlineData(512, 1000, 1, 1, true, 513000)]
    [InlineData(32, 32, 3, 32, true, 320)]
    public void Counts_the_parameters_it_holds_as_pytorch_does(int inChannels, int outChannels, int kernel, int groups, bool bias, long expected)
    {
        var layer = new Conv2dLayer(inChannels, outChannels, kernel, groups: groups, bias: bias);

        Assert.Equal(expected, layer.ParameterCount);   // sum(p.numel() for p in nn.Conv2d(...).parameters())
        Assert.Equal(outChannels * inChannels / groups * kernel * kernel, layer.Weight.Count);
        Assert.Equal(bias ? outChannels : null, layer.Bias?.Count);
    }

    [Fact]
    public void Initialises_as_pytorch_within_one_over_the_square_root_of_the_fan_in()
    {
        var layer = new Conv2dLayer(4, 6, (3, 2), groups: 2, random: Rng.Create(3));
        var bound = 1 / Math.Sqrt(2 * 3 * 2);

        Assert.All(layer.Weight, w => Assert.InRange(w, -bound, bound));
        Assert.All(layer.Bias!, b => Assert.InRange(b, -bound, bound));
        Assert.True(layer.Weight.Enumerate().Max() > 0.8 * bound && layer.Weight.Enumerate().Min() < -0.8 * bound);
        Assert.All(new Conv2dLayer(2, 2, 3).Weight, w => Assert.Equal(0, w));
    }

    [Fact]
    public void Forward_and_backward_are_the_static_functions_with_the_layers_kernels()
    {
        var random = Rng.Create(4);
        var layer = new Conv2dLayer(4, 6, (3, 2), stride: 2, padding: 1, dilation: 1, groups: 2, random: random);
        var x = ConvolutionGolden.RandomChannels(4, 7, 6, random);
        var kernels = layer.Kernels();

        var y = layer.Forward(x);
        var upstream = y.Select(c => Rng.StandardNormal(c.RowCount, c.ColumnCount, random)).ToArray();
        var (layerGradients, staticGradients) = (layer.Backward(x, upstream), Conv2d.Backward(x, kernels, upstream, 2, 1, 1, 2));

        Assert.Equal(6, kernels.Length);
        Assert.Equal(layer.Weight[((5 * 2 + 1) * 3 + 2) * 2 + 1], kernels[5][1][2, 1]);   // PyTorch's (o, c, u, v) order
        Assert.Equal(Conv2d.Forward(x, kernels, layer.Bias, 2, 1, 1, 2), y);
        Assert.Equal(staticGradients.Input, layerGradients.Input);
        for (var o = 0; o < 6; o++) Assert.Equal(staticGradients.Weight[o], layerGradients.Weight[o]);
        Assert.Equal(staticGradients.Bias, layerGradients.Bias);
    }

    [Fact]
    public void Its_weight_and_bias_are_live()
    {
        var layer = new Conv2dLayer(1, 1, 2);
        layer.Weight[3] = 2;
        layer.Bias![0] = 0.5;

        var y = layer.Forward([Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } })]);

        Assert.Equal(2 * 4 + 0.5, y[0][0, 0]);
    }

    [Fact]
    public void Invalid_settings_and_inputs_are_named()
    {
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => new Conv2dLayer(6, 4, 3, groups: 4)).ParamName);
        Assert.Equal("kernelSize", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2dLayer(1, 1, (0, 3))).ParamName);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2dLayer(1, 1, 3, stride: 0)).ParamName);
        var layer = new Conv2dLayer(3, 2, 3);
        var error = Assert.Throws<ArgumentException>(() => layer.Forward(ConvolutionGolden.RandomChannels(2, 5, 5, Rng.Create(1))));
        Assert.Equal("input", error.ParamName);
        Assert.Contains("input has 2 channels (2×5×5) but the layer takes 3", error.Message);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => layer.Forward(ConvolutionGolden.RandomChannels(3, 2, 5, Rng.Create(1)))).ParamName);
        Assert.Equal("gradOutput", Assert.Throws<ArgumentException>(() =>
            layer.Backward(ConvolutionGolden.RandomChannels(3, 5, 5, Rng.Create(1)), ConvolutionGolden.RandomChannels(1, 3, 3, Rng.Create(2)))).ParamName);
    }
}
