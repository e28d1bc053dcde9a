using MLCourse.Convolution;

namespace MLCourse.Tests.Convolution;

public class TextCnnTests
{
    public static TheoryData<string> Cases => ConvolutionGolden.Names("textcnn");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Features_and_logits_match_pytorch(string name)
    {
        var c = ConvolutionGolden.Case(name);
        var (widths, filters, biases) = (GoldenData.Ints(c["widths"]), c["filters"]!.AsArray(), c["filter_biases"]!.AsArray());
        var embeddings = GoldenData.Matrix(c["embeddings"]);
        var net = new TextCnn(embeddings.ColumnCount, widths, filters[0]!.AsArray().Count, GoldenData.Vector(c["output_bias"]).Count, Rng.Create(1));
        for (var w = 0; w < widths.Length; w++)
        {
            var kernels = ConvolutionGolden.Channels(filters[w]);
            for (var o = 0; o < kernels.Length; o++) kernels[o].CopyTo(net.Filters[w][o]);
            GoldenData.Vector(biases[w]).CopyTo(net.FilterBiases[w]);
        }
        GoldenData.Matrix(c["output_weight"]).CopyTo(net.OutputWeight);
        GoldenData.Vector(c["output_bias"]).CopyTo(net.OutputBias);

        var features = net.Features(embeddings, c["length"] is null ? null : (int)c["length"]!);

        GoldenData.AssertRelative(GoldenData.Vector(c["features"]), features, 1e-9, "features");
        GoldenData.AssertRelative(GoldenData.Vector(c["logits"]), net.Logits(features), 1e-9, "logits");
    }

    [Fact]
    public void Kims_configuration_has_360_300_convolution_parameters_and_a_length_independent_feature()
    {
        var net = new TextCnn(300, [3, 4, 5], 100, 2, Rng.Create(2));
        var random = Rng.Create(3);

        Assert.Equal(360_300 + 602, net.ParameterCount);
        Assert.Equal(300, net.Features(Rng.StandardNormal(20, 300, random)).Count);
        Assert.Equal(300, net.Features(Rng.StandardNormal(57, 300, random)).Count);
        Assert.Equal(57 - 5 + 1, net.FeatureMaps(Rng.StandardNormal(57, 300, random), 2).ColumnCount);
    }

    [Fact]
    public void Masking_the_padding_restores_the_unpadded_features()
    {
        var net = new TextCnn(8, [2, 3], 20, 2, Rng.Create(4));
        var sentence = Rng.StandardNormal(6, 8, Rng.Create(5));
        var padded = Matrix<double>.Build.Dense(10, 8);
        padded.SetSubMatrix(0, 0, sentence);

        Assert.Equal(net.Features(sentence), net.Features(padded, 6));
        Assert.All(net.Features(sentence).Zip(net.Features(padded)), p => Assert.True(p.Second >= p.First));   // more windows: the max can only grow
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        var net = new TextCnn(4, [2, 3], 2, 2, Rng.Create(1));
        Assert.Equal("embeddings", Assert.Throws<ArgumentException>(() => net.Features(Matrix<double>.Build.Dense(5, 3))).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => net.Features(Matrix<double>.Build.Dense(5, 4), 2)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => net.Features(Matrix<double>.Build.Dense(5, 4), 6)).ParamName);
        Assert.Equal("widths", Assert.Throws<ArgumentException>(() => new TextCnn(4, [], 2, 2, Rng.Create(1))).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => net.Logits(Vector<double>.Build.Dense(3))).ParamName);
    }
}
