using MLCourse.Activations;

namespace MLCourse.Tests.Activations;

public class ActivationFunctionTests
{
    public static TheoryData<string> BuiltIn => new(Pairs.Keys);

    /// <summary>Each built-in pair and the Activation functions it must call.</summary>
    private static readonly Dictionary<string, (ActivationFunction F, Func<double, double> Value, Func<double, double> Derivative)> Pairs = new()
    {
        ["identity"] = (ActivationFunction.Identity, x => x, _ => 1),
        ["sigmoid"] = (ActivationFunction.Sigmoid, Activation.Sigmoid, Activation.SigmoidDerivative),
        ["tanh"] = (ActivationFunction.Tanh, Activation.Tanh, Activation.TanhDerivative),
        ["relu"] = (ActivationFunction.Relu, Activation.Relu, Activation.ReluDerivative),
        ["gelu"] = (ActivationFunction.Gelu, Activation.Gelu, Activation.GeluDerivative),
        ["gelu tanh"] = (ActivationFunction.GeluTanh, Activation.GeluTanh, Activation.GeluTanhDerivative),
        ["silu"] = (ActivationFunction.Silu, Activation.Silu, Activation.SiluDerivative),
        ["softplus"] = (ActivationFunction.Softplus, Activation.Softplus, Activation.SoftplusDerivative),
        ["leaky 0.2"] = (ActivationFunction.LeakyRelu(0.2), x => Activation.LeakyRelu(x, 0.2), x => Activation.LeakyReluDerivative(x, 0.2)),
        ["leaky default"] = (ActivationFunction.LeakyRelu(), x => Activation.LeakyRelu(x), x => Activation.LeakyReluDerivative(x)),
        ["swish 1.7"] = (ActivationFunction.Swish(1.7), x => Activation.Swish(x, 1.7), x => Activation.SwishDerivative(x, 1.7)),
    };

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void Built_in_pairs_call_the_matching_functions(string key)
    {
        var (f, value, derivative) = Pairs[key];
        foreach (var x in new[] { -25.0, -2.5, -0.3, 0.0, 0.7, 3.0, 21.0 })
        {
            Assert.Equal(value(x), f.Value(x));
            Assert.Equal(derivative(x), f.Derivative(x));
        }
    }

    [Fact]
    public void Names_identify_the_function_and_its_parameter()
    {
        Assert.Equal("ReLU", ActivationFunction.Relu.ToString());
        Assert.Equal("LeakyReLU(0.1)", ActivationFunction.LeakyRelu(0.1).Name);
        Assert.Equal("Swish(β = 2)", ActivationFunction.Swish(2).Name);
    }

    [Fact]
    public void Parameters_must_be_finite()
    {
        Assert.Equal("negativeSlope", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationFunction.LeakyRelu(double.NaN)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationFunction.Swish(double.PositiveInfinity)).ParamName);
    }
}
