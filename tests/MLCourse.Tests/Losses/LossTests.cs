using MLCourse.Activations;
using MLCourse.Losses;

namespace MLCourse.Tests.Losses;

public class LossTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);
    private static Matrix<double> M(double[,] x) => Matrix<double>.Build.DenseOfArray(x);
    private static readonly Matrix<double> Logits = Rng.StandardNormal(4, 5, Rng.Create(9)) * 2;

    private static void AssertClose(Matrix<double> expected, Matrix<double> actual, double tolerance) =>
        Assert.True((expected - actual).Enumerate().Max(Math.Abs) <= tolerance, $"max |difference| = {(expected - actual).Enumerate().Max(Math.Abs):E2}");

    // ---- cross-entropy --------------------------------------------------------------------------------------------

    [Fact]
    public void Cross_entropy_is_log_sum_exp_minus_the_true_logit()
    {
        var z = V(2.0, -1.0, 0.5);

        var loss = Loss.CrossEntropy(z.ToRowMatrix(), [2]);

        Assert.Equal(Softmax.LogSumExp(z) - 0.5, loss, 14);
    }

    [Theory]
    [InlineData(0.0, -100)]
    [InlineData(0.1, -100)]
    [InlineData(0.25, 3)]
    [InlineData(1.0, -100)]
    public void Cross_entropy_gradient_matches_finite_differences(double smoothing, int ignore)
    {
        int[] targets = [3, 0, 4, 3];

        var analytic = Loss.CrossEntropyGradient(Logits, targets, smoothing, ignore);
        var numeric = FiniteDifference.Gradient(z => Loss.CrossEntropy(z, targets, smoothing, ignore), Logits);

        AssertClose(numeric, analytic, 1e-9);
        Assert.True(analytic.RowSums().Enumerate().All(s => Math.Abs(s) < 1e-15), "each row of the gradient sums to 0");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.6)]
    public void Label_smoothing_is_cross_entropy_against_the_smoothed_distribution(double epsilon)
    {
        int[] targets = [1, 4, 0, 2];
        var smoothed = Matrix<double>.Build.Dense(4, 5, (i, c) => (c == targets[i] ? 1 - epsilon : 0) + epsilon / 5);

        Assert.Equal(Loss.CrossEntropy(Logits, smoothed), Loss.CrossEntropy(Logits, targets, epsilon), 13);
        AssertClose(Loss.CrossEntropyGradient(Logits, smoothed), Loss.CrossEntropyGradient(Logits, targets, epsilon), 1e-16);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    public void Ignored_rows_are_left_out_of_the_mean_and_get_zero_gradient(double epsilon)
    {
        int[] targets = [2, -100, 0, -100];
        var kept = Matrix<double>.Build.DenseOfRows([Logits.Row(0), Logits.Row(2)]);

        Assert.Equal(Loss.CrossEntropy(kept, [2, 0], epsilon), Loss.CrossEntropy(Logits, targets, epsilon), 14);
        var gradient = Loss.CrossEntropyGradient(Logits, targets, epsilon);
        Assert.True(gradient.Row(1).All(g => g == 0) && gradient.Row(3).All(g => g == 0));
        AssertClose(Loss.CrossEntropyGradient(kept, [2, 0], epsilon), Matrix<double>.Build.DenseOfRows([gradient.Row(0), gradient.Row(2)]), 1e-16);
    }

    [Fact]
    public void A_custom_ignore_index_may_be_a_class_index()
    {
        int[] targets = [0, 1, 0, 3];

        var withIgnore = Loss.CrossEntropy(Logits, targets, ignoreIndex: 0);

        Assert.Equal(Loss.CrossEntropy(Matrix<double>.Build.DenseOfRows([Logits.Row(1), Logits.Row(3)]), [1, 3]), withIgnore, 14);
        Assert.Throws<ArgumentException>(() => Loss.CrossEntropy(Logits, [0, 1, -100, 3], ignoreIndex: 0));
    }

    [Fact]
    public void All_rows_ignored_gives_NaN_and_a_zero_gradient_as_in_pytorch()
    {
        int[] targets = [-100, -100, -100, -100];

        Assert.True(double.IsNaN(Loss.CrossEntropy(Logits, targets)));
        Assert.True(Loss.CrossEntropyGradient(Logits, targets, 0.1).Enumerate().All(g => g == 0));
    }

    [Fact]
    public void Cross_entropy_is_finite_for_the_notes_overflowing_logits()
    {
        var logits = M(new double[,] { { 10000, 5000, 2000 }, { -10000, -1000, -34343 } });

        Assert.Equal((5000.0 + 9000) / 2, Loss.CrossEntropy(logits, [1, 0]), 9);
        Assert.Equal(double.PositiveInfinity, Loss.CrossEntropy(M(new double[,] { { 0, double.NegativeInfinity } }), [0], 0.1));
        Assert.Equal(Math.Log(2), Loss.CrossEntropy(M(new double[,] { { 0, 0, double.NegativeInfinity } }), [0]), 15);
    }

    [Fact]
    public void Soft_target_gradient_is_p_times_the_target_mass_minus_the_target()
    {
        var multiHot = M(new double[,] { { 1, 1, 0, 0, 0 }, { 0, 0, 1, 0, 0 }, { 0.2, 0.2, 0.2, 0.2, 0.2 }, { 0, 1, 1, 1, 0 } });

        var numeric = FiniteDifference.Gradient(z => Loss.CrossEntropy(z, multiHot), Logits);

        AssertClose(numeric, Loss.CrossEntropyGradient(Logits, multiHot), 1e-9);
    }

    [Fact]
    public void Soft_targets_skip_zero_weights_where_the_logit_is_minus_infinity()
    {
        var logits = M(new double[,] { { 0, 0, double.NegativeInfinity } });

        Assert.Equal(Math.Log(2), Loss.CrossEntropy(logits, M(new double[,] { { 0.5, 0.5, 0 } })), 15);
    }

    // ---- binary cross-entropy -------------------------------------------------------------------------------------

    [Fact]
    public void Binary_cross_entropy_keeps_every_digit_of_tiny_and_huge_losses()
    {
        GoldenData.AssertRelative(9.357622968839737e-14, Loss.BinaryCrossEntropyWithLogits(V(30), V(1)), 1e-15, "log1p(e⁻³⁰)");
        GoldenData.AssertRelative(9.357622968839737e-14, Loss.BinaryCrossEntropyWithLogits(V(-30), V(0)), 1e-15, "log1p(e⁻³⁰)");
        Assert.Equal(560.0, Loss.BinaryCrossEntropyWithLogits(V(800), V(0.3)));
        Assert.Equal(800.0, Loss.BinaryCrossEntropyWithLogits(V(-800), V(1)));
    }

    [Fact]
    public void Binary_cross_entropy_is_minimal_at_sigma_x_equal_to_y_where_it_is_the_binary_entropy()
    {
        var y = 0.3;
        var logit = Math.Log(y / (1 - y));

        Assert.Equal(-(y * Math.Log(y) + (1 - y) * Math.Log(1 - y)), Loss.BinaryCrossEntropyWithLogits(V(logit), V(y)), 14);
        Assert.True(Math.Abs(Loss.BinaryCrossEntropyWithLogitsGradient(V(logit), V(y))[0]) < 1e-16);
    }

    [Fact]
    public void Binary_cross_entropy_gradient_matches_finite_differences_and_saturates_without_NaN()
    {
        var x = V(-3, 0.2, 4, -0.5);
        var y = V(0, 0.4, 1, 0.9);

        var numeric = FiniteDifference.Gradient(v => Loss.BinaryCrossEntropyWithLogits(v, y), x);

        Assert.True((numeric - Loss.BinaryCrossEntropyWithLogitsGradient(x, y)).AbsoluteMaximum() < 1e-10);
        Assert.Equal(new[] { 0.5, -0.5 }, Loss.BinaryCrossEntropyWithLogitsGradient(V(800, -800), V(0, 1)).ToArray());
    }

    // ---- focal loss -----------------------------------------------------------------------------------------------

    [Fact]
    public void Focal_loss_at_gamma_zero_is_alpha_times_cross_entropy()
    {
        int[] targets = [0, 1, 2, 3];

        Assert.Equal(Loss.CrossEntropy(Logits, targets), Loss.FocalLoss(Logits, targets, gamma: 0), 14);
        Assert.Equal(0.25 * Loss.CrossEntropy(Logits, targets), Loss.FocalLoss(Logits, targets, gamma: 0, alpha: 0.25), 14);
        AssertClose(Loss.CrossEntropyGradient(Logits, targets), Loss.FocalLossGradient(Logits, targets, gamma: 0), 1e-16);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(5.0)]
    public void Focal_loss_is_cross_entropy_times_one_minus_pt_to_the_gamma(double gamma)
    {
        foreach (var pt in new[] { 0.01, 0.5, 0.9, 0.999 })
        {
            var logits = M(new double[,] { { Math.Log(pt), Math.Log(1 - pt) } });

            var ratio = Loss.FocalLoss(logits, [0], gamma) / Loss.CrossEntropy(logits, [0]);

            Assert.Equal(Math.Pow(1 - pt, gamma), ratio, 12);
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Focal_gradient_matches_finite_differences(double gamma)
    {
        int[] targets = [4, 1, 1, 0];

        var numeric = FiniteDifference.Gradient(z => Loss.FocalLoss(z, targets, gamma, 0.25), Logits);

        AssertClose(numeric, Loss.FocalLossGradient(Logits, targets, gamma, 0.25), 1e-9);
    }

    [Fact]
    public void Focal_gradient_is_zero_not_NaN_when_pt_is_exactly_one()
    {
        var logits = M(new double[,] { { 800, -800, 0 } });

        var gradient = Loss.FocalLossGradient(logits, [0], gamma: 0.5);

        Assert.True(gradient.Enumerate().All(g => g == 0));
        Assert.Equal(0.0, Loss.FocalLoss(logits, [0], gamma: 0.5));
    }

    // ---- regression losses and hinge ------------------------------------------------------------------------------

    [Fact]
    public void Huber_is_half_squared_inside_delta_and_linear_outside()
    {
        Assert.Equal(0.5 * 0.49, Loss.Huber(V(0.7), V(0)), 15);
        Assert.Equal(2.0 * (5 - 1.0), Loss.Huber(V(-5), V(0), delta: 2), 15);
        Assert.Equal(new[] { 2.0, -2.0, 0.5 }, (Loss.HuberGradient(V(10, -10, 0.5), V(0, 0, 0), 2) * 3).ToArray());
    }

    [Fact]
    public void Regression_gradients_match_finite_differences()
    {
        var prediction = V(0.3, -2.5, 4.0, 0.9);
        var target = V(0.1, 0.0, -1.0, 2.0);
        (Func<Vector<double>, Vector<double>, double> Loss, Func<Vector<double>, Vector<double>, Vector<double>> Gradient)[] pairs =
        [
            (Loss.MeanSquaredError, Loss.MeanSquaredErrorGradient), (Loss.MeanAbsoluteError, Loss.MeanAbsoluteErrorGradient),
            ((p, t) => Loss.Huber(p, t, 1.5), (p, t) => Loss.HuberGradient(p, t, 1.5)), (Loss.LogCosh, Loss.LogCoshGradient),
        ];

        foreach (var (loss, gradient) in pairs)
        {
            var numeric = FiniteDifference.Gradient(p => loss(p, target), prediction);
            Assert.True((numeric - gradient(prediction, target)).AbsoluteMaximum() < 1e-9);
        }
    }

    [Fact]
    public void Log_cosh_keeps_its_digits_for_tiny_and_huge_residuals()
    {
        GoldenData.AssertRelative(5e-17, Loss.LogCosh(V(1e-8), V(0)), 1e-15, "log cosh 1e-8 ≈ r²/2");
        Assert.Equal(1000 - Math.Log(2), Loss.LogCosh(V(1000), V(0)), 12);
        GoldenData.AssertRelative(Math.Log(Math.Cosh(3)), Loss.LogCosh(V(3), V(0)), 1e-15, "log cosh 3");
        Assert.Equal(Math.Log(Math.Cosh(25)), Loss.LogCosh(V(-25), V(0)), 13);
    }

    [Fact]
    public void Mean_absolute_error_gradient_is_zero_at_a_zero_residual()
    {
        Assert.Equal(new[] { 0.5, 0.0 }, Loss.MeanAbsoluteErrorGradient(V(3, 1), V(1, 1)).ToArray());
    }

    [Fact]
    public void Hinge_is_zero_beyond_the_margin_and_its_gradient_counts_the_violators()
    {
        var scores = V(2.0, 1.0, 0.5, -0.2);
        var labels = V(1, 1, 1, 1);

        Assert.Equal((0 + 0 + 0.5 + 1.2) / 4, Loss.Hinge(scores, labels), 15);
        Assert.Equal(new[] { 0.0, 0.0, -0.25, -0.25 }, Loss.HingeGradient(scores, labels).ToArray());
        Assert.Equal(0.0, Loss.Hinge(V(-3), V(-1)));
    }

    // ---- KL divergence and distillation ---------------------------------------------------------------------------

    [Fact]
    public void Cross_entropy_is_entropy_plus_KL()
    {
        var p = Softmax.Apply(V(0.2, 1.5, -0.7, 0.0));
        var z = V(1.0, -0.3, 0.4, 2.0);

        var ce = Loss.CrossEntropy(z.ToRowMatrix(), p.ToRowMatrix());
        var kl = Loss.KLDivergence(Softmax.Log(z).ToRowMatrix(), p.ToRowMatrix());

        Assert.Equal(ce, Information.Entropy(p) + kl, 14);
        Assert.True(kl > 0);
        Assert.Equal(0.0, Loss.KLDivergence(Softmax.Log(z).ToRowMatrix(), Softmax.Apply(z).ToRowMatrix()), 15);
    }

    [Fact]
    public void KL_counts_zero_target_terms_as_zero_even_against_minus_infinity()
    {
        Assert.Equal(-Math.Log(0.5), Loss.KLDivergence(M(new double[,] { { double.NegativeInfinity, Math.Log(0.5) } }), M(new double[,] { { 0, 1 } })), 15);
        Assert.Equal(double.PositiveInfinity, Loss.KLDivergence(M(new double[,] { { double.NegativeInfinity, 0 } }), M(new double[,] { { 0.5, 0.5 } })));
    }

    [Fact]
    public void Distillation_gradient_matches_finite_differences()
    {
        var teacher = Rng.StandardNormal(4, 5, Rng.Create(3)) * 3;
        int[] targets = [1, 1, 0, 4];

        foreach (var (temperature, alpha) in new[] { (1.0, 0.5), (4.0, 0.9), (10.0, 1.0) })
        {
            var numeric = FiniteDifference.Gradient(s => Loss.DistillationLoss(s, teacher, targets, temperature, alpha), Logits);
            AssertClose(numeric, Loss.DistillationGradient(Logits, teacher, targets, temperature, alpha), 1e-9);
        }
    }

    [Fact]
    public void Distillation_with_alpha_zero_is_the_hard_cross_entropy()
    {
        int[] targets = [1, 1, 0, 4];

        Assert.Equal(Loss.CrossEntropy(Logits, targets), Loss.DistillationLoss(Logits, Logits * 3, targets, 4, alpha: 0), 15);
    }

    // ---- validation -----------------------------------------------------------------------------------------------

    [Fact]
    public void Targets_of_the_wrong_length_or_out_of_range_are_rejected_naming_both_shapes()
    {
        var wrongLength = Assert.Throws<ArgumentException>(() => Loss.CrossEntropy(Logits, [0, 1, 2]));
        Assert.Equal("targets", wrongLength.ParamName);
        Assert.Contains("length 3", wrongLength.Message);
        Assert.Contains("4×5", wrongLength.Message);

        foreach (var bad in new[] { 5, -1, -101 })
        {
            var e = Assert.Throws<ArgumentException>(() => Loss.CrossEntropyGradient(Logits, [0, bad, 1, 2]));
            Assert.Equal("targets", e.ParamName);
            Assert.Contains($"targets[1] = {bad}", e.Message);
            Assert.Contains("[0, 5)", e.Message);
        }
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => Loss.FocalLoss(Logits, [0, 1, 2, -100])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => Loss.DistillationLoss(Logits, Logits, [0, 1], 2)).ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Label_smoothing_outside_zero_one_is_rejected(double epsilon)
    {
        Assert.Equal("labelSmoothing", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.CrossEntropy(Logits, [0, 1, 2, 3], epsilon)).ParamName);
        Assert.Equal("labelSmoothing", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.CrossEntropyGradient(Logits, [0, 1, 2, 3], epsilon)).ParamName);
    }

    [Fact]
    public void Empty_or_missing_logits_are_rejected_by_name()
    {
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => Loss.CrossEntropy(Matrix<double>.Build.Dense(2, 0), [0, 0])).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentNullException>(() => Loss.CrossEntropy(null!, [0])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentNullException>(() => Loss.CrossEntropy(Logits, (int[])null!)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => Loss.BinaryCrossEntropyWithLogits(V(), V())).ParamName);
        Assert.Equal("studentLogits", Assert.Throws<ArgumentException>(() => Loss.DistillationLoss(Matrix<double>.Build.Dense(0, 3), Logits, [], 2)).ParamName);
    }

    [Fact]
    public void Mismatched_shapes_are_rejected_naming_both()
    {
        var soft = Assert.Throws<ArgumentException>(() => Loss.CrossEntropy(Logits, Matrix<double>.Build.Dense(4, 3)));
        Assert.Equal("targets", soft.ParamName);
        Assert.Contains("4×5", soft.Message);
        Assert.Contains("4×3", soft.Message);

        var bce = Assert.Throws<ArgumentException>(() => Loss.BinaryCrossEntropyWithLogits(V(1, 2, 3), V(1, 0)));
        Assert.Equal("targets", bce.ParamName);
        Assert.Contains("length 3", bce.Message);
        Assert.Contains("length 2", bce.Message);

        var huber = Assert.Throws<ArgumentException>(() => Loss.Huber(V(1, 2), V(1, 2, 3)));
        Assert.Equal("target", huber.ParamName);
        Assert.Contains("prediction has length 2", huber.Message);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => Loss.MeanSquaredErrorGradient(V(1), V(1, 2))).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => Loss.Hinge(V(1), V(1, -1))).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => Loss.KLDivergence(Logits, Matrix<double>.Build.Dense(5, 4))).ParamName);

        var distill = Assert.Throws<ArgumentException>(() => Loss.DistillationGradient(Logits, Matrix<double>.Build.Dense(4, 6), [0, 1, 2, 3], 2));
        Assert.Equal("teacherLogits", distill.ParamName);
        Assert.Contains("4×6", distill.Message);
    }

    [Fact]
    public void Out_of_range_parameters_are_rejected_by_name()
    {
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.Huber(V(1), V(0), 0)).ParamName);
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.HuberGradient(V(1), V(0), -1)).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.BinaryCrossEntropyWithLogits(V(1, 2), V(0.5, 1.5))).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.HingeGradient(V(1, 2), V(1, 0))).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.CrossEntropy(Logits, -Matrix<double>.Build.Dense(4, 5, 0.2))).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.KLDivergence(Logits, Matrix<double>.Build.Dense(4, 5, double.NaN))).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.FocalLoss(Logits, [0, 1, 2, 3], gamma: -1)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.FocalLossGradient(Logits, [0, 1, 2, 3], alpha: 0)).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.DistillationLoss(Logits, Logits, [0, 1, 2, 3], 0)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.DistillationGradient(Logits, Logits, [0, 1, 2, 3], 2, 1.5)).ParamName);
    }
}
