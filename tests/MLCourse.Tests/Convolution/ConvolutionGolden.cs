using System.Text.Json.Nodes;

namespace MLCourse.Tests.Convolution;

/// <summary>Reads convolution.json: channels (C×H×W) as matrices, weights (C_out×C_in×k_h×k_w) as weight[o][c].</summary>
internal static class ConvolutionGolden
{
    public const string File = "convolution.json";

    public static TheoryData<string> Names(string kind) => GoldenData.Names(File, kind);

    public static JsonObject Case(string name) => GoldenData.Case(File, name);

    public static Matrix<double>[] Channels(JsonNode? node) => node!.AsArray().Select(GoldenData.Matrix).ToArray();

    public static Matrix<double>[][] Weight(JsonNode? node) => node!.AsArray().Select(Channels).ToArray();

    public static void AssertChannels(Matrix<double>[] expected, Matrix<double>[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var c = 0; c < expected.Length; c++) GoldenData.AssertRelative(expected[c], actual[c], 1e-9, $"{what}[{c}]");
    }

    public static void AssertWeight(Matrix<double>[][] expected, Matrix<double>[][] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var o = 0; o < expected.Length; o++) AssertChannels(expected[o], actual[o], $"{what}[{o}]");
    }

    /// <summary>A random multi-channel input, C channels of H×W.</summary>
    public static Matrix<double>[] RandomChannels(int channels, int height, int width, System.Random random) =>
        Enumerable.Range(0, channels).Select(_ => Rng.StandardNormal(height, width, random)).ToArray();

    /// <summary>A random weight, C_out filters of C kernels of k_h×k_w.</summary>
    public static Matrix<double>[][] RandomWeight(int outChannels, int channels, int kh, int kw, System.Random random) =>
        Enumerable.Range(0, outChannels).Select(_ => RandomChannels(channels, kh, kw, random)).ToArray();
}
