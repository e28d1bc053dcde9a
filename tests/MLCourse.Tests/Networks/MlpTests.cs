using System.Text.Json.Nodes;
using MLCourse.Activations;
using MLCourse.Networks;

namespace MLCourse.Tests.Networks;

public class MlpTests
{
    private const string File = "activations.json";

    public static TheoryData<string> Cases => GoldenData.Names(File, "mlp");

    private static ActivationFunction Named(string name) => name switch
    {
        "identity" => ActivationFunction.Identity,
        "relu" => ActivationFunction.Relu,
        "tanh" => ActivationFunction.Tanh,
        "sigmoid" => ActivationFunction.Sigmoid,
        "gelu" => ActivationFunction.Gelu,
        "silu" => ActivationFunction.Silu,
        "leaky_relu 0.1" => ActivationFunction.LeakyRelu(0.1),
        _ => throw new InvalidOperationException(name),
    };

    /// <summary>The network of a golden case, with PyTorch's weights and biases copied into it.</summary>
    private static Mlp Load(JsonObject c)
    {
        var net = new Mlp(GoldenData.Ints(c["sizes"]), Named((string)c["activation"]!), Rng.Create(1), (bool)c["bias"]!);
        var (weights, biases) = (c["weights"]!.AsArray(), c["biases"]!.AsArray());
        for (var l = 0; l < net.Weights.Count; l++)
        {
            GoldenData.Matrix(weights[l]).CopyTo(net.Weights[l]);
            if (net.HasBias) GoldenData.Vector(biases[l]).CopyTo(net.Biases[l]);
        }
        return net;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_match_pytorch_autograd(string name)
    {
        var c = GoldenData.Case(File, name);
        var net = Load(c);
        var (x, y) = (GoldenData.Matrix(c["x"]), GoldenData.Matrix(c["y"]));

        var gradients = net.Gradients(x, y);

        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), net.Forward(x), 1e-12, "output");
        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), gradients.Loss, 1e-12, "loss");
        for (var l = 0; l < net.Weights.Count; l++)
        {
            GoldenData.AssertRelative(GoldenData.Matrix(c["weight_grads"]![l]), gradients.Weights[l], 1e-9, $"∂ℓ/∂W{l + 1}");
            if (net.HasBias) GoldenData.AssertRelative(GoldenData.Vector(c["bias_grads"]![l]), gradients.Biases[l], 1e-9, $"∂ℓ/∂b{l + 1}");
        }
        Assert.Equal(net.HasBias ? net.Weights.Count : 0, gradients.Biases.Count);
    }

    [Fact]
    public void Step_moves_every_parameter_against_its_gradient_and_returns_the_loss_before()
    {
        var net = new Mlp([3, 4, 2], ActivationFunction.Tanh, Rng.Create(3));
        var (x, y) = (Rng.StandardNormal(6, 3, Rng.Create(4)), Rng.StandardNormal(6, 2, Rng.Create(5)));
        var before = (W: net.Weights.Select(w => w.Clone()).ToList(), B: net.Biases.Select(b => b.Clone()).ToList());
        var gradients = net.Gradients(x, y);

        var loss = net.Step(x, y, 0.3);

        Assert.Equal(gradients.Loss, loss);
        for (var l = 0; l < 2; l++)
        {
            Assert.True((before.W[l] - 0.3 * gradients.Weights[l] - net.Weights[l]).FrobeniusNorm() < 1e-15);
            Assert.True((before.B[l] - 0.3 * gradients.Biases[l] - net.Biases[l]).L2Norm() < 1e-15);
        }
        Assert.True(net.Gradients(x, y).Loss < loss);
    }

    [Fact]
    public void Pre_activations_are_the_hidden_layers_inputs_to_the_activation()
    {
        var net = new Mlp([2, 3, 4, 1], ActivationFunction.Relu, Rng.Create(8));
        var x = Rng.StandardNormal(5, 2, Rng.Create(9));

        var z = net.PreActivations(x);

        Assert.Equal(2, z.Count);
        var z1 = x.TransposeAndMultiply(net.Weights[0]).MapIndexed((_, j, v) => v + net.Biases[0][j]);
        var z2 = z1.Map(Activation.Relu).TransposeAndMultiply(net.Weights[1]).MapIndexed((_, j, v) => v + net.Biases[1][j]);
        Assert.True((z1 - z[0]).FrobeniusNorm() < 1e-15);
        Assert.True((z2 - z[1]).FrobeniusNorm() < 1e-15);
        Assert.Empty(new Mlp([2, 1], ActivationFunction.Relu, Rng.Create(1)).PreActivations(x));
    }

    [Fact]
    public void Initialisation_is_nn_Linear_s_uniform_and_parameters_are_counted_from_the_matrices()
    {
        var net = new Mlp([400, 300, 5], ActivationFunction.Relu, Rng.Create(2));
        var withoutBias = new Mlp([400, 300, 5], ActivationFunction.Relu, Rng.Create(2), bias: false);

        Assert.Equal(400 * 300 + 300 + 300 * 5 + 5, net.ParameterCount);
        Assert.Equal(400 * 300 + 300 * 5, withoutBias.ParameterCount);
        Assert.Empty(withoutBias.Biases);
        Assert.Equal((300, 400), (net.Weights[0].RowCount, net.Weights[0].ColumnCount));
        var first = net.Weights[0].Enumerate().ToArray();
        Assert.InRange(first.Max(), 0.049, 0.05);   // U(−1/√400, 1/√400), 120 000 draws reach the edges
        Assert.InRange(first.Min(), -0.05, -0.049);
        Assert.InRange(first.Select(w => w * w).Average(), 0.05 * 0.05 / 3 * 0.99, 0.05 * 0.05 / 3 * 1.01);   // variance bound²/3
        Assert.InRange(net.Weights[1].Enumerate().Max(x => Math.Abs(x)), 0.05, 1 / Math.Sqrt(300));
        Assert.Equal(net.Weights[0], new Mlp([400, 300, 5], ActivationFunction.Relu, Rng.Create(2)).Weights[0]);
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        var net = new Mlp([2, 3, 2], ActivationFunction.Silu, Rng.Create(11));
        var (x, y) = (Rng.StandardNormal(4, 2, Rng.Create(12)), Rng.StandardNormal(4, 2, Rng.Create(13)));
        var analytic = net.Gradients(x, y).Weights[0];
        const double h = 1e-6;
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 2; j++)
            {
                var w = net.Weights[0][i, j];
                net.Weights[0][i, j] = w + h;
                var up = net.Gradients(x, y).Loss;
                net.Weights[0][i, j] = w - h;
                var down = net.Gradients(x, y).Loss;
                net.Weights[0][i, j] = w;
                Assert.Equal((up - down) / (2 * h), analytic[i, j], 8);
            }
    }

    [Fact]
    public void Bad_arguments_name_the_parameter_and_the_shapes()
    {
        var net = new Mlp([3, 4, 2], ActivationFunction.Relu, Rng.Create(1));

        Assert.Equal("sizes", Assert.Throws<ArgumentException>(() => new Mlp([3], ActivationFunction.Relu, Rng.Create(1))).ParamName);
        Assert.Equal("sizes", Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp([3, 0, 2], ActivationFunction.Relu, Rng.Create(1))).ParamName);
        var x = Assert.Throws<ArgumentException>(() => net.Forward(Matrix<double>.Build.Dense(5, 4)));
        Assert.Equal("x", x.ParamName);
        Assert.Contains("5×4", x.Message);
        Assert.Contains("input size is 3", x.Message);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => net.PreActivations(Matrix<double>.Build.Dense(5, 2))).ParamName);
        var y = Assert.Throws<ArgumentException>(() => net.Gradients(Matrix<double>.Build.Dense(5, 3), Matrix<double>.Build.Dense(5, 3)));
        Assert.Equal("y", y.ParamName);
        Assert.Contains("5×3", y.Message);
        Assert.Contains("5×2", y.Message);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => net.Step(Matrix<double>.Build.Dense(5, 3), Matrix<double>.Build.Dense(5, 2), 0)).ParamName);
    }
}
