using System.Text.Json.Nodes;
using MLCourse.Activations;
using MLCourse.Losses;
using MLCourse.Networks;
using MLCourse.Optimization;

namespace MLCourse.Tests.Networks;

public class ResidualMlpTests
{
    private const string File = "residual_networks.json";

    public static TheoryData<string> Cases => GoldenData.Names(File, "residual_mlp");

    /// <summary>The network of a golden case with PyTorch's parameters copied into it.</summary>
    private static ResidualMlp Load(JsonObject c)
    {
        var net = new ResidualMlp((int)c["input_size"]!, (int)c["width"]!, (int)c["output_size"]!, (int)c["blocks"]!, (int)c["layers_per_block"]!,
            (string)c["activation"]! == "relu" ? ActivationFunction.Relu : ActivationFunction.Tanh, (bool)c["residual"]!, (bool)c["batch_norm"]!, Rng.Create(1));
        for (var l = 0; l < net.Depth; l++)
        {
            GoldenData.Matrix(c["weights"]![l]).CopyTo(net.Weights[l]);
            GoldenData.Vector(c["biases"]![l]).CopyTo(net.Biases[l]);
        }
        for (var l = 0; l < net.Norms.Count; l++)
        {
            GoldenData.Vector(c["gammas"]![l]).CopyTo(net.Norms[l].Gamma);
            GoldenData.Vector(c["betas"]![l]).CopyTo(net.Norms[l].Beta);
        }
        return net;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_every_gradient_match_pytorch_autograd(string name)
    {
        var c = GoldenData.Case(File, name);
        var net = Load(c);
        var (x, labels) = (GoldenData.Matrix(c["x"]), GoldenData.Ints(c["labels"]));

        var gradients = net.Gradients(x, labels);

        GoldenData.AssertRelative(GoldenData.Matrix(c["logits"]), net.Forward(x), 1e-9, "logits");
        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), gradients.Loss, 1e-12, "loss");
        for (var l = 0; l < net.Depth; l++)
        {
            GoldenData.AssertRelative(GoldenData.Matrix(c["weight_grads"]![l]), gradients.Weights[l], 1e-9, $"∂L/∂W{l}");
            if (l < net.Norms.Count)   // a bias followed by batch norm is subtracted out with the mean: its gradient is 0 up to rounding
                Assert.True(gradients.Parameters[2 * l + 1].AbsoluteMaximum() < 1e-14 && GoldenData.Vector(c["bias_grads"]![l]).AbsoluteMaximum() < 1e-14);
            else
                GoldenData.AssertRelative(GoldenData.Vector(c["bias_grads"]![l]), gradients.Parameters[2 * l + 1], 1e-9, $"∂L/∂b{l}");
            Assert.Equal(gradients.Weights[l].ToColumnMajorArray(), gradients.Parameters[2 * l].ToArray());
        }
        for (var l = 0; l < net.Norms.Count; l++)
        {
            GoldenData.AssertRelative(GoldenData.Vector(c["gamma_grads"]![l]), gradients.Parameters[2 * net.Depth + 2 * l], 1e-9, $"∂L/∂γ{l}");
            GoldenData.AssertRelative(GoldenData.Vector(c["beta_grads"]![l]), gradients.Parameters[2 * net.Depth + 2 * l + 1], 1e-9, $"∂L/∂β{l}");
        }
        GoldenData.AssertRelative(GoldenData.Matrix(c["input_grad"]), gradients.Input, 1e-9, "∂L/∂x");
        for (var b = 0; b <= net.Blocks; b++)
            GoldenData.AssertRelative(GoldenData.Matrix(c["block_input_grads"]![b]), gradients.BlockInputs[b], 1e-9, $"∂L/∂h{b}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Training_with_momentum_matches_torch_optim_sgd(string name)
    {
        var c = GoldenData.Case(File, name);
        var net = Load(c);
        var (x, labels) = (GoldenData.Matrix(c["x"]), GoldenData.Ints(c["labels"]));
        var (lr, momentum) = ((double)c["lr"]!, (double)c["momentum"]!);

        var losses = net.Train(x, labels, (int)c["steps"]!, () => new SGD(lr, momentum: momentum));

        GoldenData.AssertRelative(GoldenData.Vector(c["train_losses"]), Vector<double>.Build.DenseOfArray(losses), 1e-9, "losses");
        GoldenData.AssertRelative(GoldenData.Number(c["loss_after_training"]), Loss.CrossEntropy(net.Forward(x), labels), 1e-9, "final loss");
    }

    [Fact]
    public void A_residual_block_is_the_identity_plus_its_branch_and_zero_gamma_makes_it_the_identity()
    {
        var residual = new ResidualMlp(3, 4, 2, 2, 2, ActivationFunction.Relu, residual: true, batchNorm: true, Rng.Create(2));
        var plain = new ResidualMlp(3, 4, 2, 2, 2, ActivationFunction.Relu, residual: false, batchNorm: true, Rng.Create(2));
        var h = Rng.StandardNormal(6, 4, Rng.Create(3));

        Assert.True((residual.BlockForward(1, h) - h - plain.BlockForward(1, h)).Enumerate().Max(Math.Abs) < 1e-15);
        residual.Norms[residual.Layer(1, 1)].Gamma.Clear();
        Assert.Equal(h, residual.BlockForward(1, h));
    }

    [Fact]
    public void The_input_gradient_matches_finite_differences()
    {
        var net = new ResidualMlp(3, 5, 2, 3, 1, ActivationFunction.Tanh, residual: true, batchNorm: true, Rng.Create(4));
        var x = Rng.StandardNormal(4, 3, Rng.Create(5));
        int[] labels = [0, 1, 1, 0];

        var numeric = FiniteDifference.Gradient(m => Loss.CrossEntropy(net.Forward(m), labels), x);

        Assert.True((numeric - net.Gradients(x, labels).Input).Enumerate().Max(Math.Abs) < 1e-9);
    }

    [Fact]
    public void Counts_its_parameters_and_draws_weights_with_the_given_spread()
    {
        var net = new ResidualMlp(2, 16, 2, 4, 2, ActivationFunction.Relu, residual: false, batchNorm: true, Rng.Create(6));
        var scaled = new ResidualMlp(64, 64, 2, 10, 1, ActivationFunction.Tanh, residual: true, batchNorm: false, Rng.Create(7), weightStd: 0.5 / 8);

        Assert.Equal(10, net.Depth);
        Assert.Equal(2 * 16 + 16 + 8 * (16 * 16 + 16) + 16 * 2 + 2 + 9 * 2 * 16, net.ParameterCount);
        var weights = scaled.Weights.Take(11).SelectMany(w => w.Enumerate()).ToArray();
        Assert.InRange(Math.Sqrt(weights.Average(w => w * w)), 0.95 * 0.0625, 1.05 * 0.0625);
        Assert.All(scaled.Biases, b => Assert.Equal(0, b.AbsoluteMaximum()));
        Assert.Empty(scaled.Norms);
        Assert.Equal(3, net.Layer(1, 0));
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        var net = new ResidualMlp(3, 4, 2, 2, 1, ActivationFunction.Relu, true, true, Rng.Create(1));
        var wrong = Assert.Throws<ArgumentException>(() => net.Forward(Matrix<double>.Build.Dense(5, 4)));
        Assert.Equal("x", wrong.ParamName);
        Assert.Contains("x is 5×4 but must have 3 columns", wrong.Message);
        var single = Assert.Throws<ArgumentException>(() => net.Forward(Matrix<double>.Build.Dense(1, 3)));
        Assert.Equal("x", single.ParamName);
        Assert.Contains("x is 1×3 but batch norm in training mode needs more than 1 value per channel", single.Message);
        Assert.DoesNotContain("Training = false", single.Message);   // the residual network has no evaluation mode
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => net.BlockForward(0, Matrix<double>.Build.Dense(5, 3))).ParamName);
        Assert.Equal("block", Assert.Throws<ArgumentOutOfRangeException>(() => net.BlockForward(2, Matrix<double>.Build.Dense(5, 4))).ParamName);
        Assert.Equal("weightStd", Assert.Throws<ArgumentOutOfRangeException>(() => new ResidualMlp(3, 4, 2, 2, 1, ActivationFunction.Relu, true, true, Rng.Create(1), 0)).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => net.Layer(0, 1)).ParamName);
    }
}
