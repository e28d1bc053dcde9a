using System.Text.Json.Nodes;
using MathNet.Numerics.Statistics;
using MLCourse.Initialization;

namespace MLCourse.Tests.Initialization;

public class InitTests
{
    private const string File = "stability.json";

    public static TheoryData<string> InitCases => GoldenData.Names(File, "init");

    public static TheoryData<string> GainCases => GoldenData.Names(File, "gain");

    /// <summary>Calls the initialiser a golden case names, with the case's options (C# names), on a new matrix.</summary>
    private static (Matrix<double> Weight, double Std) Run(JsonObject c, System.Random random)
    {
        var w = Matrix<double>.Build.Dense((int)c["rows"]!, (int)c["columns"]!);
        var options = c["options"]!.AsObject();
        var gain = options["gain"] is { } g ? (double)g : 1.0;
        var a = options["a"] is { } slope ? (double)slope : 0.0;
        var mode = options["mode"] is { } m ? Enum.Parse<FanMode>((string)m!) : FanMode.FanIn;
        var nonlinearity = options["nonlinearity"] is { } n ? Enum.Parse<Nonlinearity>((string)n!) : Nonlinearity.LeakyRelu;
        return (string)c["method"]! switch
        {
            "xavier_uniform_" => (Init.XavierUniform(w, random, gain), Init.XavierStd(w, gain)),
            "xavier_normal_" => (Init.XavierNormal(w, random, gain), Init.XavierStd(w, gain)),
            "kaiming_uniform_" => (Init.KaimingUniform(w, random, a, mode, nonlinearity), Init.KaimingStd(w, a, mode, nonlinearity)),
            "kaiming_normal_" => (Init.KaimingNormal(w, random, a, mode, nonlinearity), Init.KaimingStd(w, a, mode, nonlinearity)),
            var other => throw new InvalidOperationException(other),
        };
    }

    [Theory]
    [MemberData(nameof(InitCases))]
    public void The_bound_or_standard_deviation_is_torch_nn_init_s(string name)
    {
        var c = GoldenData.Case(File, name);
        var (w, std) = Run(c, Rng.Create(1));

        if ((string)c["distribution"]! == "uniform")
        {
            var bound = GoldenData.Number(c["bound"]);
            GoldenData.AssertRelative(bound, Math.Sqrt(3) * std, 1e-9, "uniform bound √3·std");
            Assert.All(w.Enumerate(), x => Assert.InRange(x, -bound, bound));
            Assert.True(w.Enumerate().Max(Math.Abs) > bound * (1 - 20.0 / w.RowCount / w.ColumnCount), "the samples reach the bound");
        }
        else
        {
            GoldenData.AssertRelative(GoldenData.Number(c["std"]), std, 1e-9, "normal std");
            var samples = w.Enumerate().ToArray();
            if (std == 0) Assert.All(samples, x => Assert.Equal(0, x));
            else Assert.InRange(samples.Max(Math.Abs), 0.5 * std, 7 * std);
        }
    }

    [Theory]
    [MemberData(nameof(GainCases))]
    public void Gain_is_torch_calculate_gain(string name)
    {
        var c = GoldenData.Case(File, name);
        var nonlinearity = Enum.Parse<Nonlinearity>((string)c["nonlinearity"]!);
        double? param = c["param"] is null ? null : GoldenData.Number(c["param"]);

        GoldenData.AssertRelative(GoldenData.Number(c["gain"]), Init.Gain(nonlinearity, param), 1e-12, name);
    }

    [Theory]
    [InlineData("xavier_uniform", 2.0 / (200 + 300))]
    [InlineData("xavier_normal", 2.0 / (200 + 300))]
    [InlineData("kaiming_uniform", 2.0 / 300)]
    [InlineData("kaiming_normal", 2.0 / 300)]
    public void Sample_mean_and_variance_match_the_formula_within_four_standard_errors(string method, double variance)
    {
        var w = Matrix<double>.Build.Dense(200, 300);   // fan_out 200, fan_in 300
        var random = Rng.Create(7);
        _ = method switch
        {
            "xavier_uniform" => Init.XavierUniform(w, random),
            "xavier_normal" => Init.XavierNormal(w, random),
            "kaiming_uniform" => Init.KaimingUniform(w, random),
            _ => Init.KaimingNormal(w, random),
        };
        var samples = w.Enumerate().ToArray();
        var n = samples.Length;
        // fourth central moment: 3σ⁴ (normal), 9σ⁴/5 (uniform), so the sample variance has s.e. √((μ₄ − σ⁴)/n)
        var kurtosis = method.EndsWith("uniform") ? 1.8 : 3.0;
        var varianceError = variance * Math.Sqrt((kurtosis - 1) / n);

        Assert.InRange(samples.Mean(), -4 * Math.Sqrt(variance / n), 4 * Math.Sqrt(variance / n));
        Assert.InRange(samples.PopulationVariance(), variance - 4 * varianceError, variance + 4 * varianceError);
    }

    [Fact]
    public void Fans_follow_the_out_by_in_layout()
    {
        var w = Matrix<double>.Build.Dense(100, 400);

        Assert.Equal((400, 100), Init.Fans(w));
        Assert.Equal(Math.Sqrt(2.0 / 400), Init.KaimingStd(w), 1e-15);
        Assert.Equal(Math.Sqrt(2.0 / 100), Init.KaimingStd(w, mode: FanMode.FanOut), 1e-15);
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(3, 5)]
    [InlineData(16, 16)]
    public void Orthogonal_has_orthonormal_rows_or_columns_times_the_gain(int rows, int columns)
    {
        var w = Init.Orthogonal(Matrix<double>.Build.Dense(rows, columns), Rng.Create(8), gain: 1.5);

        var gram = rows >= columns ? w.TransposeThisAndMultiply(w) : w.TransposeAndMultiply(w);
        var expected = Matrix<double>.Build.DenseIdentity(Math.Min(rows, columns)) * 2.25;
        Assert.True((gram - expected).Enumerate().Max(Math.Abs) < 1e-13, "WᵀW (or WWᵀ) = gain²·I");
    }

    [Fact]
    public void Orthogonal_is_Haar_its_first_entry_is_symmetric_about_zero()
    {
        // Householder QR without PyTorch's sign fix gives q₀₀ = −|a₀₀|/‖a₁‖, always negative; the Haar Q (R's diagonal > 0) has E[q₀₀] = 0.
        var random = Rng.Create(9);
        var first = Enumerable.Range(0, 4000).Select(_ => Init.Orthogonal(Matrix<double>.Build.Dense(3, 3), random)[0, 0]).ToArray();

        Assert.InRange(first.Mean(), -4 * Math.Sqrt(1.0 / 3 / 4000), 4 * Math.Sqrt(1.0 / 3 / 4000));   // Var(q₀₀) = 1/3
    }

    [Fact]
    public void Invalid_arguments_are_rejected_by_name()
    {
        var w = Matrix<double>.Build.Dense(3, 4);

        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() => Init.XavierUniform(w, Rng.Create(0), -1)).ParamName);
        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Orthogonal(w, Rng.Create(0), double.NaN)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentOutOfRangeException>(() => Init.KaimingNormal(w, Rng.Create(0), double.PositiveInfinity)).ParamName);
        Assert.Equal("param", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Gain(Nonlinearity.LeakyRelu, double.NaN)).ParamName);
        Assert.Equal("nonlinearity", Assert.Throws<ArgumentOutOfRangeException>(() => Init.Gain((Nonlinearity)42)).ParamName);
        Assert.Equal("weight", Assert.Throws<ArgumentNullException>(() => Init.KaimingUniform(null!, Rng.Create(0))).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => Init.XavierNormal(w, null!)).ParamName);
    }
}
