using MLCourse.Recurrent;

namespace MLCourse.Tests.Recurrent;

/// <summary>What the three layers share: parameter shapes and counts, seeded initialisation, live tensors, validation.</summary>
public class RecurrentLayerTests
{
    /// <summary>Each layer kind with its gate count and a forward pass that returns the outputs.</summary>
    public static TheoryData<string> Kinds => new("rnn", "lstm", "gru");

    private static RecurrentLayer Create(string kind, int d, int h, System.Random? random = null) => kind switch
    {
        "rnn" => new Rnn(d, h, random),
        "lstm" => new Lstm(d, h, random),
        _ => new Gru(d, h, random),
    };

    private static int Gates(string kind) => kind switch { "rnn" => 1, "lstm" => 4, _ => 3 };

    private static Matrix<double> Outputs(RecurrentLayer layer, Matrix<double> x, Vector<double>? h0 = null) => layer switch
    {
        Rnn rnn => rnn.Forward(x, h0).Outputs,
        Lstm lstm => lstm.Forward(x, h0).Outputs,
        Gru gru => gru.Forward(x, h0).Outputs,
        _ => throw new ArgumentOutOfRangeException(nameof(layer)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parameters_have_pytorchs_shapes_and_are_counted_from_them(string kind)
    {
        var layer = Create(kind, 100, 128);
        var k = Gates(kind);

        Assert.Equal((k * 128, 100), (layer.WeightIH.RowCount, layer.WeightIH.ColumnCount));
        Assert.Equal((k * 128, 128), (layer.WeightHH.RowCount, layer.WeightHH.ColumnCount));
        Assert.Equal(k * 128, layer.BiasIH.Count);
        Assert.Equal(k * 128, layer.BiasHH.Count);
        Assert.Equal(new Dictionary<string, int> { ["rnn"] = 29_440, ["lstm"] = 117_760, ["gru"] = 88_320 }[kind], layer.ParameterCount);
        Assert.Equal((layer.InputSize, layer.HiddenSize), (100, 128));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Initialisation_is_seeded_and_uniform_within_one_over_root_h(string kind)
    {
        var (a, b, c) = (Create(kind, 3, 16, Rng.Create(5)), Create(kind, 3, 16, Rng.Create(5)), Create(kind, 3, 16, Rng.Create(6)));
        var (byDefault, seedZero) = (Create(kind, 3, 16), Create(kind, 3, 16, Rng.Create(0)));

        Assert.Equal(a.WeightIH, b.WeightIH);
        Assert.Equal(a.BiasHH, b.BiasHH);
        Assert.NotEqual(a.WeightHH, c.WeightHH);
        Assert.Equal(seedZero.WeightHH, byDefault.WeightHH);
        var all = a.WeightIH.Enumerate().Concat(a.WeightHH.Enumerate()).Concat(a.BiasIH).Concat(a.BiasHH).ToList();
        Assert.All(all, w => Assert.InRange(w, -0.25, 0.25));
        Assert.True(all.Max() > 0.2 && all.Min() < -0.2, "the draws fill U(−1/√h, 1/√h), not a narrower range");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parameters_are_live_and_a_null_h0_means_zeros(string kind)
    {
        var layer = Create(kind, 2, 3);
        var x = Rng.StandardNormal(4, 2, Rng.Create(1));
        var before = Outputs(layer, x);

        Assert.Equal(before, Outputs(layer, x, Vector<double>.Build.Dense(3)));
        layer.BiasHH[0] += 0.5;
        Assert.NotEqual(before, Outputs(layer, x));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Forward_leaves_the_initial_state_untouched(string kind)
    {
        var layer = Create(kind, 2, 3);
        var h0 = Vector<double>.Build.DenseOfArray([0.1, -0.2, 0.3]);
        var copy = h0.Clone();

        Outputs(layer, Rng.StandardNormal(5, 2, Rng.Create(2)), h0);

        Assert.Equal(copy, h0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Bad_sizes_throw_naming_the_argument(string kind)
    {
        Assert.Equal("inputSize", Assert.Throws<ArgumentOutOfRangeException>(() => Create(kind, 0, 3)).ParamName);
        Assert.Equal("hiddenSize", Assert.Throws<ArgumentOutOfRangeException>(() => Create(kind, 3, 0)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_input_of_the_wrong_width_throws_naming_both_shapes(string kind)
    {
        var layer = Create(kind, 4, 3);

        var e = Assert.Throws<ArgumentException>(() => Outputs(layer, Matrix<double>.Build.Dense(5, 3)));

        Assert.Equal("x", e.ParamName);
        Assert.Contains("5×3", e.Message);
        Assert.Contains($"{Gates(kind) * 3}×4", e.Message);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => Outputs(layer, null!)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_initial_state_of_the_wrong_length_throws_naming_both_lengths(string kind)
    {
        var layer = Create(kind, 2, 4);

        var e = Assert.Throws<ArgumentException>(() => Outputs(layer, Matrix<double>.Build.Dense(3, 2), Vector<double>.Build.Dense(3)));

        Assert.Equal("h0", e.ParamName);
        Assert.Contains("length 3", e.Message);
        Assert.Contains("length 4", e.Message);
    }
}
