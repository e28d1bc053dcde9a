using MLCourse.Normalization;

namespace MLCourse.Tests.Normalization;

public class BatchNorm1dTests
{
    public static TheoryData<string> Sequences => NormalizationGolden.Names("batchnorm1d");
    public static TheoryData<string> Images => NormalizationGolden.Names("batchnorm2d");
    public static TheoryData<string> Foldings => NormalizationGolden.Names("folding");

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Matches_pytorch_over_training_and_evaluation_steps(string name)
    {
        var c = NormalizationGolden.Case(name);
        var bn = new BatchNorm1d((int)c["features"]!, (double)c["eps"]!, (double)c["momentum"]!);
        NormalizationGolden.LoadAffine(c, bn.Gamma, bn.Beta);

        var step = 0;
        foreach (var s in c["steps"]!.AsArray())
        {
            bn.Training = (string)s!["mode"]! == "train";
            var y = bn.Forward(GoldenData.Matrix(s["x"]));

            GoldenData.AssertRelative(GoldenData.Matrix(s["y"]), y, 1e-9, $"step {step} y");
            GoldenData.AssertRelative(GoldenData.Vector(s["running_mean"]), bn.RunningMean, 1e-9, $"step {step} running_mean");
            GoldenData.AssertRelative(GoldenData.Vector(s["running_var"]), bn.RunningVar, 1e-9, $"step {step} running_var");
            Assert.Equal((long)s["num_batches_tracked"]!, bn.NumBatchesTracked);
            step++;
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Is_BatchNorm2d_on_the_matrix_of_channel_values(string name)
    {
        var c = NormalizationGolden.Case(name);
        var (n, channels, spatial) = ((int)c["n"]!, (int)c["channels"]!, (int)c["spatial"]!);
        var bn = new BatchNorm1d(channels);

        foreach (var s in c["steps"]!.AsArray())
        {
            var x = GoldenData.Matrix(s!["x"]);   // N rows of C·H·W values, channel-major
            var pixels = Matrix<double>.Build.Dense(n * spatial, channels, (r, j) => x[r / spatial, j * spatial + r % spatial]);
            var y = bn.Forward(pixels);
            var back = Matrix<double>.Build.Dense(n, channels * spatial, (i, k) => y[i * spatial + k % spatial, k / spatial]);

            GoldenData.AssertRelative(GoldenData.Matrix(s["y"]), back, 1e-9, "y");
            GoldenData.AssertRelative(GoldenData.Vector(s["running_mean"]), bn.RunningMean, 1e-9, "running_mean");
            GoldenData.AssertRelative(GoldenData.Vector(s["running_var"]), bn.RunningVar, 1e-9, "running_var");
        }
    }

    [Theory]
    [MemberData(nameof(Foldings))]
    public void Folding_matches_pytorch_fuse_linear_bn_eval(string name)
    {
        var c = NormalizationGolden.Case(name);
        var weight = GoldenData.Matrix(c["weight"]);
        var bias = c["bias"] is null ? null : GoldenData.Vector(c["bias"]);
        var bn = new BatchNorm1d(weight.RowCount, (double)c["eps"]!) { Training = false };
        NormalizationGolden.LoadAffine(c, bn.Gamma, bn.Beta);
        NormalizationGolden.Load(bn.RunningMean, c["running_mean"]);
        NormalizationGolden.Load(bn.RunningVar, c["running_var"]);
        var x = GoldenData.Matrix(c["x"]);

        var (foldedWeight, foldedBias) = bn.FoldInto(weight, bias);

        GoldenData.AssertRelative(GoldenData.Matrix(c["folded_weight"]), foldedWeight, 1e-9, "folded weight");
        GoldenData.AssertRelative(GoldenData.Vector(c["folded_bias"]), foldedBias, 1e-9, "folded bias");
        GoldenData.AssertRelative(GoldenData.Matrix(c["y"]), NormalizationGolden.Linear(x, foldedWeight, foldedBias), 1e-9, "folded output");
        GoldenData.AssertRelative(GoldenData.Matrix(c["y"]), bn.Forward(NormalizationGolden.Linear(x, weight, bias)), 1e-9, "unfolded output");
    }

    public static TheoryData<string> Backwards => GoldenData.Names("backprop.json", "batchnorm");

    [Theory]
    [MemberData(nameof(Backwards))]
    public void Backward_matches_pytorch_autograd_in_both_modes(string name)
    {
        var c = GoldenData.Case("backprop.json", name);
        var x = GoldenData.Matrix(c["x"]);
        var bn = new BatchNorm1d(x.ColumnCount, (double)c["eps"]!) { Training = (bool)c["training"]! };
        GoldenData.Vector(c["gamma"]).CopyTo(bn.Gamma);
        GoldenData.Vector(c["beta"]).CopyTo(bn.Beta);
        GoldenData.Vector(c["running_mean"]).CopyTo(bn.RunningMean);
        GoldenData.Vector(c["running_var"]).CopyTo(bn.RunningVar);

        var (dx, dGamma, dBeta) = bn.Backward(x, GoldenData.Matrix(c["dy"]));

        GoldenData.AssertRelative(GoldenData.Matrix(c["y"]), bn.Forward(x), 1e-9, "y");
        GoldenData.AssertRelative(GoldenData.Matrix(c["dx"]), dx, 1e-9, "dx");
        GoldenData.AssertRelative(GoldenData.Vector(c["dgamma"]), dGamma, 1e-10, "dγ");
        GoldenData.AssertRelative(GoldenData.Vector(c["dbeta"]), dBeta, 1e-12, "dβ");
    }

    [Fact]
    public void Training_backward_columns_sum_to_zero_are_orthogonal_to_the_normalised_input_and_update_nothing()
    {
        var bn = new BatchNorm1d(3, eps: 1e-14);   // orthogonality holds up to ε/(σ² + ε)
        var x = Rng.StandardNormal(7, 3, Rng.Create(40));
        bn.Gamma.SetValues([0.5, 2.0, -1.0]);

        var (dx, _, _) = bn.Backward(x, Rng.StandardNormal(7, 3, Rng.Create(41)));

        for (var j = 0; j < 3; j++)
        {
            var centred = x.Column(j) - x.Column(j).Average();
            Assert.True(Math.Abs(dx.Column(j).Sum()) < 1e-13);
            Assert.True(Math.Abs(dx.Column(j).DotProduct(centred)) < 1e-12);
        }
        Assert.Equal(0, bn.NumBatchesTracked);
        Assert.Equal([1.0, 1, 1], bn.RunningVar.ToArray());
    }

    [Fact]
    public void Backward_validates_the_shapes()
    {
        var bn = new BatchNorm1d(3);

        var columns = Assert.Throws<ArgumentException>(() => bn.Backward(Matrix<double>.Build.Dense(4, 2), Matrix<double>.Build.Dense(4, 2)));
        var rows = Assert.Throws<ArgumentException>(() => bn.Backward(Matrix<double>.Build.Dense(1, 3), Matrix<double>.Build.Dense(1, 3)));
        var dy = Assert.Throws<ArgumentException>(() => bn.Backward(Matrix<double>.Build.Dense(4, 3), Matrix<double>.Build.Dense(5, 3)));

        Assert.Equal(("x", "x", "dy"), (columns.ParamName, rows.ParamName, dy.ParamName));
        Assert.Contains("4×2", columns.Message);
        Assert.Contains("1×3", rows.Message);
        Assert.Contains("4×3", dy.Message);
        Assert.Contains("5×3", dy.Message);
        bn.Training = false;
        Assert.Equal(1, bn.Backward(Matrix<double>.Build.Dense(1, 3), Matrix<double>.Build.Dense(1, 3)).Dx.RowCount);
    }

    [Fact]
    public void Starts_like_pytorch()
    {
        var bn = new BatchNorm1d(3);

        Assert.True(bn.Training);
        Assert.Equal((1e-5, 0.1, 0L), (bn.Eps, bn.Momentum, bn.NumBatchesTracked));
        Assert.Equal([1.0, 1, 1], bn.Gamma.ToArray());
        Assert.Equal([0.0, 0, 0], bn.Beta.ToArray());
        Assert.Equal([0.0, 0, 0], bn.RunningMean.ToArray());
        Assert.Equal([1.0, 1, 1], bn.RunningVar.ToArray());
    }

    [Fact]
    public void Training_output_has_mean_zero_and_variance_sigma2_over_sigma2_plus_eps()
    {
        var x = Rng.StandardNormal(20, 4, Rng.Create(1)) * 3 + 5;
        var bn = new BatchNorm1d(4, eps: 0.1);

        var y = bn.Forward(x);

        for (var j = 0; j < 4; j++)
        {
            var centred = x.Column(j) - x.Column(j).Average();
            var biased = centred.DotProduct(centred) / 20;
            Assert.Equal(0, y.Column(j).Average(), 12);
            Assert.Equal(biased / (biased + 0.1), y.Column(j).PointwiseMultiply(y.Column(j)).Average(), 12);
        }
    }

    [Fact]
    public void One_training_step_updates_running_statistics_with_the_unbiased_variance()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1 }, { 2 }, { 6 } });   // mean 3, biased var 14/3, unbiased 7
        var bn = new BatchNorm1d(1, momentum: 0.25);

        bn.Forward(x);

        Assert.Equal(0.75 * 0 + 0.25 * 3, bn.RunningMean[0], 15);
        Assert.Equal(0.75 * 1 + 0.25 * 7, bn.RunningVar[0], 15);
        Assert.Equal(1, bn.NumBatchesTracked);
    }

    [Fact]
    public void Evaluation_uses_running_statistics_updates_nothing_and_treats_rows_independently()
    {
        var random = Rng.Create(2);
        var bn = new BatchNorm1d(3);
        for (var i = 0; i < 5; i++) bn.Forward(Rng.StandardNormal(8, 3, random));
        var (mean, variance, tracked) = (bn.RunningMean.Clone(), bn.RunningVar.Clone(), bn.NumBatchesTracked);
        bn.Training = false;
        var x = Rng.StandardNormal(6, 3, random);

        var y = bn.Forward(x);
        var alone = bn.Forward(x.SubMatrix(2, 1, 0, 3));

        Assert.Equal(mean, bn.RunningMean);
        Assert.Equal(variance, bn.RunningVar);
        Assert.Equal(tracked, bn.NumBatchesTracked);
        Assert.Equal(y.Row(2), alone.Row(0));
        Assert.Equal((x[0, 1] - mean[1]) / Math.Sqrt(variance[1] + 1e-5), y[0, 1], 14);
    }

    [Fact]
    public void Parameters_and_buffers_are_live()
    {
        var bn = new BatchNorm1d(2) { Training = false };
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 } });

        bn.Gamma[0] = 2;
        bn.Beta[1] = -1;
        bn.RunningMean[1] = 2;

        var y = bn.Forward(x);
        Assert.Equal(2 / Math.Sqrt(1 + 1e-5), y[0, 0], 15);
        Assert.Equal(-1, y[0, 1], 15);
    }

    [Fact]
    public void Folding_a_bias_free_layer_and_the_folded_shapes()
    {
        var random = Rng.Create(3);
        var bn = new BatchNorm1d(3);
        bn.Forward(Rng.StandardNormal(10, 3, random) * 2 + 1);
        bn.Training = false;
        var weight = Rng.StandardNormal(3, 5, random);
        var x = Rng.StandardNormal(4, 5, random);

        var (w, b) = bn.FoldInto(weight);

        Assert.Equal((3, 5), (w.RowCount, w.ColumnCount));
        Assert.True((NormalizationGolden.Linear(x, w, b) - bn.Forward(x.TransposeAndMultiply(weight))).Enumerate().Max(Math.Abs) < 1e-13);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void NumFeatures_must_be_positive(int numFeatures)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm1d(numFeatures));

        Assert.Equal("numFeatures", e.ParamName);
        Assert.Contains($"got {numFeatures}", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Eps_must_be_positive_and_finite(double eps)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm1d(3, eps));

        Assert.Equal("eps", e.ParamName);
        Assert.Contains("eps must be a finite number > 0", e.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Momentum_must_be_in_0_1(double momentum)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm1d(3, momentum: momentum));

        Assert.Equal("momentum", e.ParamName);
        Assert.Contains("momentum must be in [0, 1]", e.Message);
    }

    [Fact]
    public void Momentum_0_and_1_are_allowed()
    {
        Assert.Equal(0.0, new BatchNorm1d(1, momentum: 0).Momentum);
        Assert.Equal(1.0, new BatchNorm1d(1, momentum: 1).Momentum);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Wrong_feature_count_names_both_shapes(bool training)
    {
        var bn = new BatchNorm1d(3) { Training = training };

        var e = Assert.Throws<ArgumentException>(() => bn.Forward(Matrix<double>.Build.Dense(5, 4)));

        Assert.Equal("x", e.ParamName);
        Assert.Contains("x is 5×4 but must have 3 columns (numFeatures)", e.Message);
    }

    [Fact]
    public void A_single_row_is_rejected_in_training_mode_as_in_pytorch()
    {
        var bn = new BatchNorm1d(3);

        var e = Assert.Throws<ArgumentException>(() => bn.Forward(Matrix<double>.Build.Dense(1, 3)));

        Assert.Equal("x", e.ParamName);
        Assert.Contains("x is 1×3", e.Message);
        Assert.Contains("Expected more than 1 value per channel when training", e.Message);
        Assert.Equal(0, bn.NumBatchesTracked);
        Assert.Equal([0.0, 0, 0], bn.RunningMean.ToArray());
    }

    [Fact]
    public void A_single_row_is_fine_in_evaluation_mode()
    {
        var bn = new BatchNorm1d(3) { Training = false };

        var y = bn.Forward(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 3 } }));

        Assert.Equal(3 / Math.Sqrt(1 + 1e-5), y[0, 2], 15);
    }

    [Fact]
    public void Null_input_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new BatchNorm1d(2).Forward(null!));
        Assert.Throws<ArgumentNullException>(() => new BatchNorm1d(2).FoldInto(null!));
    }

    [Fact]
    public void Folding_checks_the_linear_layer_shapes()
    {
        var bn = new BatchNorm1d(3);

        var rows = Assert.Throws<ArgumentException>(() => bn.FoldInto(Matrix<double>.Build.Dense(4, 5)));
        var bias = Assert.Throws<ArgumentException>(() => bn.FoldInto(Matrix<double>.Build.Dense(3, 5), Vector<double>.Build.Dense(2)));

        Assert.Equal("weight", rows.ParamName);
        Assert.Contains("weight is 4×5 but must have 3 rows", rows.Message);
        Assert.Equal("bias", bias.ParamName);
        Assert.Contains("bias has length 2 but must have length 3", bias.Message);
    }

    private const string Residual = "residual_networks.json";

    public static TheoryData<string> BackwardCases => GoldenData.Names(Residual, "batchnorm_backward");

    [Theory]
    [MemberData(nameof(BackwardCases))]
    public void Backward_matches_pytorch_autograd_in_training_mode(string name)
    {
        var c = GoldenData.Case(Residual, name);
        var x = GoldenData.Matrix(c["x"]);
        var bn = new BatchNorm1d(x.ColumnCount);
        NormalizationGolden.LoadAffine(c, bn.Gamma, bn.Beta);

        var (dx, dGamma, dBeta) = bn.Backward(x, GoldenData.Matrix(c["dy"]));

        GoldenData.AssertRelative(GoldenData.Matrix(c["dx"]), dx, 1e-9, "dx");
        GoldenData.AssertRelative(GoldenData.Vector(c["dgamma"]), dGamma, 1e-9, "dgamma");
        GoldenData.AssertRelative(GoldenData.Vector(c["dbeta"]), dBeta, 1e-9, "dbeta");
        Assert.Equal(0, bn.NumBatchesTracked);   // the backward pass leaves the running statistics alone
        Assert.All(dx.ColumnSums(), sum => Assert.Equal(0, sum, 9));
    }

    [Fact]
    public void Backward_matches_finite_differences_in_training_mode()
    {
        var random = Rng.Create(8);
        var bn = new BatchNorm1d(3);
        Rng.StandardNormal(3, random).CopyTo(bn.Gamma);
        var (x, dy) = (Rng.StandardNormal(5, 3, random), Rng.StandardNormal(5, 3, random));

        var numeric = FiniteDifference.Gradient(m => bn.Forward(m).PointwiseMultiply(dy).Enumerate().Sum(), x);

        Assert.True((numeric - bn.Backward(x, dy).Dx).Enumerate().Max(Math.Abs) < 1e-8);
        Assert.Equal("dy", Assert.Throws<ArgumentException>(() => new BatchNorm1d(3).Backward(x, Matrix<double>.Build.Dense(4, 3))).ParamName);
    }
}
