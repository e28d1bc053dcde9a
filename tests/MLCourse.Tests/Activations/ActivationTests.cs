using System.Text.Json.Nodes;
using MLCourse.Activations;

namespace MLCourse.Tests.Activations;

public class ActivationTests
{
    private const string File = "activations.json";

    public static TheoryData<string> ScalarCases => GoldenData.Names(File, "scalar");

    public static TheoryData<string> GluCases => GoldenData.Names(File, "glu");

    /// <summary>The library function and derivative a "scalar" golden case describes.</summary>
    private static (Func<double, double> Value, Func<double, double> Derivative) Function(JsonObject c)
    {
        var name = (string)c["name"]!;
        if (name.StartsWith("leaky_relu"))
        {
            var slope = (double)c["negative_slope"]!;
            return (x => Activation.LeakyRelu(x, slope), x => Activation.LeakyReluDerivative(x, slope));
        }
        if (name.StartsWith("swish"))
        {
            var beta = (double)c["beta"]!;
            return (x => Activation.Swish(x, beta), x => Activation.SwishDerivative(x, beta));
        }
        return name switch
        {
            "sigmoid" => (Activation.Sigmoid, Activation.SigmoidDerivative),
            "tanh" => (Activation.Tanh, Activation.TanhDerivative),
            "relu" => (Activation.Relu, Activation.ReluDerivative),
            "gelu" => (Activation.Gelu, Activation.GeluDerivative),
            "gelu tanh" => (Activation.GeluTanh, Activation.GeluTanhDerivative),
            "silu" => (Activation.Silu, Activation.SiluDerivative),
            "softplus" => (Activation.Softplus, Activation.SoftplusDerivative),
            _ => throw new InvalidOperationException($"no library function for golden case '{name}'"),
        };
    }

    /// <summary>
    /// Compares with PyTorch at 1e-9 relative, except at the points the file lists where PyTorch's own float64 formula
    /// cancels (σ′ = σ(1 − σ) for large x, tanh′ = 1 − tanh², GELU via 1 + erf for large negative x): there the library
    /// must give the exact value instead.
    /// </summary>
    private static void AssertMatches(JsonObject c, Func<double, double> f, string torchKey, string exactKey, string roundedKey)
    {
        var (x, torch, exact) = (GoldenData.Vector(c["x"]), GoldenData.Vector(c[torchKey]), GoldenData.Vector(c[exactKey]));
        var rounded = GoldenData.Ints(c[roundedKey]).ToHashSet();
        for (var i = 0; i < x.Count; i++)
        {
            var expected = rounded.Contains(i) ? exact[i] : torch[i];
            GoldenData.AssertRelative(expected, f(x[i]), 1e-9, $"{c["name"]} {torchKey} at x = {x[i]:R}{(rounded.Contains(i) ? " (exact; PyTorch rounds it differently)" : "")}");
        }
    }

    [Theory]
    [MemberData(nameof(ScalarCases))]
    public void Values_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        AssertMatches(c, Function(c).Value, "value", "exact_value", "torch_value_rounded");
    }

    [Theory]
    [MemberData(nameof(ScalarCases))]
    public void Derivatives_match_pytorch_autograd(string name)
    {
        var c = GoldenData.Case(File, name);
        AssertMatches(c, Function(c).Derivative, "derivative", "exact_derivative", "torch_derivative_rounded");
    }

    /// <summary>
    /// Against the 60-digit values at every grid point, the tails included. 1e-12 rather than a few ulps: far out the
    /// functions are ill-conditioned (|x f′(x)/f(x)| ≈ 2|u| ≈ 520 for GELU_tanh at x = −19, ≈ x² = 400 for GELU at
    /// x = −20), so one rounding of x's polynomial costs up to ~500 ulps; the errors seen are below 6e-14.
    /// </summary>
    [Theory]
    [MemberData(nameof(ScalarCases))]
    public void Values_and_derivatives_are_accurate_in_the_tails_too(string name)
    {
        var c = GoldenData.Case(File, name);
        var (value, derivative) = Function(c);
        var x = GoldenData.Vector(c["x"]);
        GoldenData.AssertRelative(GoldenData.Vector(c["exact_value"]), x.Map(value), 1e-12, $"{name} value");
        GoldenData.AssertRelative(GoldenData.Vector(c["exact_derivative"]), x.Map(derivative), 1e-12, $"{name} derivative");
    }

    [Fact]
    public void The_points_where_pytorch_rounds_differently_are_the_expected_ones()
    {
        double[] Rounded(string name, string key)
        {
            var c = GoldenData.Case(File, name);
            var x = GoldenData.Vector(c["x"]);
            return GoldenData.Ints(c[key]).Select(i => x[i]).Order().ToArray();
        }

        Assert.Equal([19.0, 20, 20.5, 36, 40], Rounded("sigmoid", "torch_derivative_rounded"));
        Assert.Equal([-40.0, -36, -20.5, -20, -19, -10, 10, 19, 20, 20.5, 36, 40], Rounded("tanh", "torch_derivative_rounded"));
        Assert.Equal([-36.0, -20.5, -20, -19, -10], Rounded("gelu", "torch_value_rounded"));
        Assert.Equal([-20.5, -20, -19, -10], Rounded("gelu tanh", "torch_value_rounded"));
        foreach (var clean in new[] { "sigmoid", "tanh", "relu", "silu", "softplus" })
            Assert.Empty(Rounded(clean, "torch_value_rounded"));
    }

    [Theory]
    [InlineData(800.0)]
    [InlineData(-800.0)]
    [InlineData(1e300)]
    [InlineData(-1e300)]
    public void Far_out_everything_is_finite(double x)
    {
        var values = new[]
        {
            Activation.Sigmoid(x), Activation.SigmoidDerivative(x), Activation.Tanh(x), Activation.TanhDerivative(x),
            Activation.Relu(x), Activation.ReluDerivative(x), Activation.LeakyRelu(x), Activation.LeakyReluDerivative(x),
            Activation.Gelu(x), Activation.GeluDerivative(x), Activation.GeluTanh(x), Activation.GeluTanhDerivative(x),
            Activation.Silu(x), Activation.SiluDerivative(x), Activation.Swish(x, 10), Activation.SwishDerivative(x, 10),
            Activation.Softplus(x), Activation.SoftplusDerivative(x),
        };

        Assert.All(values, v => Assert.True(double.IsFinite(v), $"{v} at x = {x}"));
        Assert.Equal(x < 0 ? 0.0 : 1.0, Activation.Sigmoid(x));
        Assert.Equal(x < 0 ? 0.0 : x, Activation.Gelu(x));
        Assert.Equal(x < 0 ? 0.0 : x, Activation.GeluTanh(x));
    }

    [Fact]
    public void Log_sigmoid_is_log_of_sigmoid_and_stays_exact_in_the_tails()
    {
        foreach (var x in new[] { -30.0, -5.5, -1, -1e-8, 0, 1e-8, 0.3, 2, 15, 30 })
        {
            Assert.Equal(Math.Log(Activation.Sigmoid(x)), Activation.LogSigmoid(x), 1e-14 * Math.Max(1, Math.Abs(x)));
            Assert.Equal(-Activation.Softplus(-x), Activation.LogSigmoid(x), 1e-14 * Math.Max(1, Math.Abs(x)));
        }
        Assert.Equal(-800.0, Activation.LogSigmoid(-800));   // log(σ(−800)) = log 0 = −∞
        Assert.Equal(0.0, Activation.LogSigmoid(800));
        Assert.Equal(-Math.Exp(-40), Activation.LogSigmoid(40), 1e-32);   // log(σ(40)) = log(1 − 4e-18) rounds to 0
        Assert.Equal(-Math.Log(2), Activation.LogSigmoid(0), 1e-16);
        Assert.True(double.IsNaN(Activation.LogSigmoid(double.NaN)));
    }

    [Fact]
    public void Nan_gives_nan()
    {
        Func<double, double>[] functions =
        [
            Activation.Sigmoid, Activation.SigmoidDerivative, Activation.Tanh, Activation.TanhDerivative, Activation.Relu,
            Activation.ReluDerivative, x => Activation.LeakyRelu(x), x => Activation.LeakyReluDerivative(x), Activation.Gelu,
            Activation.GeluDerivative, Activation.GeluTanh, Activation.GeluTanhDerivative, Activation.Silu,
            Activation.SiluDerivative, Activation.Softplus, Activation.SoftplusDerivative,
        ];

        Assert.All(functions, f => Assert.True(double.IsNaN(f(double.NaN))));
    }

    [Fact]
    public void Derivatives_match_finite_differences()
    {
        Func<double, double>[] values = [Activation.Sigmoid, Activation.Tanh, Activation.Gelu, Activation.GeluTanh, Activation.Silu, Activation.Softplus, x => Activation.Swish(x, 1.7)];
        Func<double, double>[] derivatives = [Activation.SigmoidDerivative, Activation.TanhDerivative, Activation.GeluDerivative, Activation.GeluTanhDerivative, Activation.SiluDerivative, Activation.SoftplusDerivative, x => Activation.SwishDerivative(x, 1.7)];
        const double h = 1e-5;
        for (var k = 0; k < values.Length; k++)
            foreach (var x in new[] { -3.1, -0.7, 0.0, 0.4, 2.2 })
                Assert.Equal((values[k](x + h) - values[k](x - h)) / (2 * h), derivatives[k](x), 9);
    }

    [Fact]
    public void Relu_and_leaky_relu_take_pytorchs_subgradient_at_the_kink()
    {
        Assert.Equal(0.0, Activation.ReluDerivative(0));
        Assert.Equal(0.01, Activation.LeakyReluDerivative(0));
        Assert.Equal(0.3, Activation.LeakyReluDerivative(-0.0, 0.3));
        Assert.Equal(-6.0, Activation.LeakyRelu(-3, 2));   // slope 2: not max(2x, x) = −3
    }

    [Fact]
    public void Slopes_must_be_finite()
    {
        Assert.Equal("negativeSlope", Assert.Throws<ArgumentOutOfRangeException>(() => Activation.LeakyRelu(1, double.NaN)).ParamName);
        Assert.Equal("negativeSlope", Assert.Throws<ArgumentOutOfRangeException>(() => Activation.LeakyReluDerivative(1, double.PositiveInfinity)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => Activation.Swish(1, double.NegativeInfinity)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => Activation.SwishDerivative(1, double.NaN)).ParamName);
    }

    [Theory]
    [MemberData(nameof(GluCases))]
    public void Glu_matches_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        GoldenData.AssertRelative(GoldenData.Vector(c["y"]), Activation.Glu(GoldenData.Vector(c["x"])), 1e-12, name);
    }

    [Fact]
    public void Glu_rejects_odd_and_empty_lengths_naming_x()
    {
        var odd = Assert.Throws<ArgumentException>(() => Activation.Glu(Vector<double>.Build.Dense(5)));
        Assert.Equal("x", odd.ParamName);
        Assert.Contains("length 5", odd.Message);
        Assert.Contains("2 and 3", odd.Message);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Activation.Glu(Vector<double>.Build.Dense(0))).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => Activation.Glu(null!)).ParamName);
    }
}
