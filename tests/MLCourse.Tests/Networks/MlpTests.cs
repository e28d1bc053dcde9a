using System.Text.Json.Nodes;
using MLCourse.Activations;
using MLCourse.Losses;
using MLCourse.Networks;
using MLCourse.Regularization;

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

    public static TheoryData<string> BackpropCases => GoldenData.Names("backprop.json", "mlp");

    /// <summary>A network of backprop.json (cross-entropy head, batch normalization, residual blocks), with PyTorch's parameters copied into it.</summary>
    private static Mlp LoadBackprop(JsonObject c)
    {
        var net = new Mlp(GoldenData.Ints(c["sizes"]), Named((string)c["activation"]!), Rng.Create(1), (bool)c["bias"]!,
            batchNorm: (bool)c["batch_norm"]!, residual: (bool)c["residual"]!) { Training = (bool)c["training"]! };
        for (var l = 0; l < net.Weights.Count; l++)
        {
            GoldenData.Matrix(c["weights"]![l]).CopyTo(net.Weights[l]);
            if (net.HasBias) GoldenData.Vector(c["biases"]![l]).CopyTo(net.Biases[l]);
        }
        for (var l = 0; l < net.BatchNorms.Count; l++)
        {
            GoldenData.Vector(c["gammas"]![l]).CopyTo(net.BatchNorms[l].Gamma);
            GoldenData.Vector(c["betas"]![l]).CopyTo(net.BatchNorms[l].Beta);
            if (net.Training) continue;
            GoldenData.Vector(c["running_means"]![l]).CopyTo(net.BatchNorms[l].RunningMean);
            GoldenData.Vector(c["running_vars"]![l]).CopyTo(net.BatchNorms[l].RunningVar);
        }
        return net;
    }

    [Theory]
    [MemberData(nameof(BackpropCases))]
    public void Cross_entropy_batch_norm_and_residual_gradients_match_pytorch_autograd(string name)
    {
        var c = GoldenData.Case("backprop.json", name);
        var net = LoadBackprop(c);
        var x = GoldenData.Matrix(c["x"]);

        var gradients = (string)c["loss"]! == "mse" ? net.Gradients(x, GoldenData.Matrix(c["y"])) : net.Gradients(x, GoldenData.Ints(c["targets"]));

        GoldenData.AssertRelative(GoldenData.Number(c["value"]), gradients.Loss, 1e-13, "loss");
        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), LoadBackprop(c).Forward(x), 1e-13, "output");
        var relative = net.Sizes.Count == 3 && net.BatchNorms.Count == 0 ? 1e-12 : 1e-10;   // deeper: sums of more terms, and BN's means
        for (var l = 0; l < net.Weights.Count; l++)
        {
            GoldenData.AssertRelative(GoldenData.Matrix(c["weight_grads"]![l]), gradients.Weights[l], relative, $"∂ℓ/∂W{l + 1}");
            if (!net.HasBias) continue;
            var (expected, actual) = (GoldenData.Vector(c["bias_grads"]![l]), gradients.Biases[l]);
            if (l < net.BatchNorms.Count && net.Training)   // BN ignores a shift, so a bias before it has gradient 0: rounding noise in both libraries
                Assert.True(expected.AbsoluteMaximum() < 1e-12 && actual.AbsoluteMaximum() < 1e-12, $"∂ℓ/∂b{l + 1} before BN: {expected} vs {actual}");
            else GoldenData.AssertRelative(expected, actual, relative, $"∂ℓ/∂b{l + 1}");
        }
        Assert.Equal(net.BatchNorms.Count, gradients.Gammas.Count);
        for (var l = 0; l < net.BatchNorms.Count; l++)
        {
            GoldenData.AssertRelative(GoldenData.Vector(c["gamma_grads"]![l]), gradients.Gammas[l], relative, $"∂ℓ/∂γ{l + 1}");
            GoldenData.AssertRelative(GoldenData.Vector(c["beta_grads"]![l]), gradients.Betas[l], relative, $"∂ℓ/∂β{l + 1}");
        }
    }

    [Fact]
    public void The_cross_entropy_head_is_Loss_CrossEntropy_of_the_logits_and_its_step_descends()
    {
        var net = new Mlp([3, 5, 4], ActivationFunction.Tanh, Rng.Create(21));
        var x = Rng.StandardNormal(6, 3, Rng.Create(22));
        int[] targets = [0, 3, 1, 1, 2, 0];

        var gradients = net.Gradients(x, targets);

        Assert.Equal(Loss.CrossEntropy(net.Forward(x), targets), gradients.Loss);
        var before = net.Weights[0].Clone();
        Assert.Equal(gradients.Loss, net.Step(x, targets, 0.5));
        Assert.True((before - 0.5 * gradients.Weights[0] - net.Weights[0]).FrobeniusNorm() < 1e-15);
        Assert.True(net.Gradients(x, targets).Loss < gradients.Loss);
    }

    [Fact]
    public void Operation_counts_are_the_multiply_adds_of_the_matrix_products()
    {
        var net = new Mlp([7, 5, 4, 3], ActivationFunction.Relu, Rng.Create(23));
        var gradients = net.Gradients(Rng.StandardNormal(6, 7, Rng.Create(24)), [0, 1, 2, 0, 1, 2]);

        Assert.Equal(6L * (7 * 5 + 5 * 4 + 4 * 3), gradients.ForwardMultiplyAdds);
        Assert.Equal(6L * (7 * 5 + 5 * 4 + 4 * 3) + 6L * (5 * 4 + 4 * 3), gradients.BackwardMultiplyAdds);   // every dW, no dX for layer 1
        var single = new Mlp([7, 3], ActivationFunction.Relu, Rng.Create(23)).Gradients(Matrix<double>.Build.Dense(2, 7), [0, 1]);
        Assert.Equal(single.ForwardMultiplyAdds, single.BackwardMultiplyAdds);
    }

    [Fact]
    public void The_backward_pass_of_1024_2048_2048_2048_10_costs_1_80_forward_passes()
    {
        var wide = Mlp.Constant([1024, 2048, 2048, 2048, 10], ActivationFunction.Relu, 1e-3).Gradients(Matrix<double>.Build.Dense(1, 1024, 0.1), [3]);

        Assert.Equal(1024L * 2048 + 2 * 2048L * 2048 + 2048 * 10, wide.ForwardMultiplyAdds);
        Assert.Equal(2 * wide.ForwardMultiplyAdds - 1024L * 2048, wide.BackwardMultiplyAdds);   // no dX for the first layer
        Assert.Equal(1.8004, (double)wide.BackwardMultiplyAdds / wide.ForwardMultiplyAdds, 4);
    }

    [Fact]
    public void Constant_sets_every_weight_and_bias_and_keeps_the_hidden_units_identical_under_training()
    {
        var net = Mlp.Constant([4, 6, 3], ActivationFunction.Tanh, 0.3);
        Assert.All(net.Weights.Concat<object>(net.Biases), p => Assert.All(p is Matrix<double> m ? m.Enumerate() : ((Vector<double>)p).Enumerate(), v => Assert.Equal(0.3, v)));
        var x = Rng.StandardNormal(10, 4, Rng.Create(25));
        int[] targets = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0];

        for (var t = 0; t < 20; t++) net.Step(x, targets, 0.5);

        for (var j = 1; j < 6; j++)
        {
            Assert.Equal(net.Weights[0].Row(0), net.Weights[0].Row(j));
            Assert.Equal(net.Weights[1].Column(0), net.Weights[1].Column(j));
        }
        Assert.NotEqual(0.3, net.Weights[0][0, 0]);
        var zero = Mlp.Constant([4, 6, 3], ActivationFunction.Tanh, 0, bias: false);
        Assert.Empty(zero.Biases);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => Mlp.Constant([2, 1], ActivationFunction.Tanh, double.NaN)).ParamName);
    }

    [Fact]
    public void Dropout_multiplies_forward_and_backward_by_the_same_mask()
    {
        const int seed = 26;
        var net = new Mlp([3, 5, 2], ActivationFunction.Tanh, Rng.Create(27), dropout: new Dropout(0.4, Rng.Create(seed)));
        var x = Rng.StandardNormal(4, 3, Rng.Create(28));
        int[] targets = [0, 1, 1, 0];

        var gradients = net.Gradients(x, targets);

        var mask = new Dropout(0.4, Rng.Create(seed)).Mask(4, 5);   // the mask the pass drew
        Assert.Contains(0.0, mask.Enumerate());
        double LossWith(Matrix<double> w1)
        {
            var hidden = (x * w1.Transpose()).MapIndexed((_, j, v) => Math.Tanh(v + net.Biases[0][j])).PointwiseMultiply(mask);
            return Loss.CrossEntropy((hidden * net.Weights[1].Transpose()).MapIndexed((_, j, v) => v + net.Biases[1][j]), targets);
        }
        Assert.Equal(LossWith(net.Weights[0]), gradients.Loss, 14);
        var numeric = FiniteDifference.Gradient(LossWith, net.Weights[0]);
        Assert.True((numeric - gradients.Weights[0]).FrobeniusNorm() < 1e-9);
        net.Training = false;
        Assert.False(net.Dropout!.Training);
        Assert.Equal(net.Forward(x), net.Forward(x));   // evaluation: no masks
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]   // the network in evaluation mode, its first batch norm set back to training by hand
    public void Batch_norm_gradients_match_finite_differences_in_either_mode(bool training, bool firstNormTraining)
    {
        var net = new Mlp([3, 5, 4, 2], ActivationFunction.Tanh, Rng.Create(31), batchNorm: true);
        var x = Rng.StandardNormal(6, 3, Rng.Create(32));
        int[] targets = [0, 1, 1, 0, 1, 0];
        for (var step = 0; step < 3; step++) net.Step(Rng.StandardNormal(6, 3, Rng.Create(33 + step)), targets, 0.1);   // running statistics ≠ (0, 1)
        net.Training = training;
        net.BatchNorms[0].Training = firstNormTraining;
        net.BatchNorms[1].Gamma[2] = 1.7;
        net.BatchNorms[0].Beta[1] = -0.4;

        var gradients = net.Gradients(x, targets);

        double LossWith(Action set)
        {
            set();
            return net.Gradients(x, targets).Loss;   // batch statistics are the batch's own: the loss does not depend on the running ones
        }
        var (w, gamma) = (net.Weights[0].Clone(), net.BatchNorms[1].Gamma.Clone());
        var dW = FiniteDifference.Gradient(m => LossWith(() => m.CopyTo(net.Weights[0])), w);
        w.CopyTo(net.Weights[0]);
        var dGamma = FiniteDifference.Gradient(v => LossWith(() => v.CopyTo(net.BatchNorms[1].Gamma)), gamma);
        gamma.CopyTo(net.BatchNorms[1].Gamma);
        Assert.True((dW - gradients.Weights[0]).FrobeniusNorm() < 1e-9 * (1 + dW.FrobeniusNorm()), $"∂ℓ/∂W₁ off by {(dW - gradients.Weights[0]).FrobeniusNorm():E2}");
        Assert.True((dGamma - gradients.Gammas[1]).L2Norm() < 1e-9 * (1 + dGamma.L2Norm()), $"∂ℓ/∂γ₂ off by {(dGamma - gradients.Gammas[1]).L2Norm():E2}");
        Assert.Equal(firstNormTraining, net.BatchNorms[0].Training);
        if (firstNormTraining) Assert.Equal("x", Assert.Throws<ArgumentException>(() => net.Gradients(x.SubMatrix(0, 1, 0, 3), [0])).ParamName);
    }

    [Fact]
    public void Batch_norm_layers_follow_the_training_flag_and_their_gamma_and_beta_are_trained()
    {
        var net = new Mlp([3, 4, 4, 2], ActivationFunction.Relu, Rng.Create(29), batchNorm: true);
        Assert.Equal(2, net.BatchNorms.Count);
        Assert.Equal(3 * 4 + 4 + 4 * 4 + 4 + 4 * 2 + 2 + 2 * (4 + 4), net.ParameterCount);
        var x = Rng.StandardNormal(8, 3, Rng.Create(30));
        int[] targets = [0, 1, 1, 0, 1, 0, 0, 1];
        var gradients = net.Gradients(x, targets);

        net.Step(x, targets, 0.1);

        Assert.True((Vector<double>.Build.Dense(4, 1.0) - 0.1 * gradients.Gammas[0] - net.BatchNorms[0].Gamma).L2Norm() < 1e-15);
        Assert.True((-0.1 * gradients.Betas[1] - net.BatchNorms[1].Beta).L2Norm() < 1e-15);
        Assert.Equal(2, net.BatchNorms[0].NumBatchesTracked);   // Gradients and Step each ran a training-mode forward pass
        net.Training = false;
        Assert.All(net.BatchNorms, n => Assert.False(n.Training));
        Assert.Equal(1, net.Forward(x.SubMatrix(0, 1, 0, 3)).RowCount);   // one example in evaluation mode
        net.Training = true;
        var single = Assert.Throws<ArgumentException>(() => net.Forward(x.SubMatrix(0, 1, 0, 3)));
        Assert.Equal("x", single.ParamName);
        Assert.Contains("x is 1×3 but batch norm in training mode needs more than 1 value per channel", single.Message);
        Assert.Contains("or set Training = false", single.Message);
    }

    [Fact]
    public void Residual_blocks_need_two_hidden_layers_of_one_width()
    {
        Assert.True(new Mlp([3, 4, 4, 2], ActivationFunction.Relu, Rng.Create(1), residual: true).Residual);
        var e = Assert.Throws<ArgumentException>(() => new Mlp([3, 4, 5, 2], ActivationFunction.Relu, Rng.Create(1), residual: true));
        Assert.Equal("residual", e.ParamName);
        Assert.Contains("[3, 4, 5, 2]", e.Message);
        Assert.Equal("residual", Assert.Throws<ArgumentException>(() => new Mlp([3, 4, 2], ActivationFunction.Relu, Rng.Create(1), residual: true)).ParamName);
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
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => net.Gradients(Matrix<double>.Build.Dense(2, 3), [0, 2])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => net.Gradients(Matrix<double>.Build.Dense(2, 3), [0])).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => net.Step(Matrix<double>.Build.Dense(2, 3), [0, 1], -1)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => new Mlp([3, 2], ActivationFunction.Relu, null!)).ParamName);
    }
}
