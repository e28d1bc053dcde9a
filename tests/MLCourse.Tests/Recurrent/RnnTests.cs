using MLCourse.Recurrent;

namespace MLCourse.Tests.Recurrent;

public class RnnTests
{
    private static readonly Matrix<double> X = Rng.StandardNormal(7, 2, Rng.Create(21));

    [Fact]
    public void Each_step_is_tanh_of_both_affine_maps()
    {
        var rnn = new Rnn(2, 3, Rng.Create(1));
        var h0 = Vector<double>.Build.DenseOfArray([0.5, -0.5, 0.25]);

        var (outputs, h) = rnn.Forward(X, h0);

        var previous = h0;
        for (var t = 0; t < X.RowCount; t++)
        {
            var expected = (rnn.WeightIH * X.Row(t) + rnn.BiasIH + rnn.WeightHH * previous + rnn.BiasHH).Map(Math.Tanh);
            Assert.True((outputs.Row(t) - expected).InfinityNorm() < 1e-15);
            previous = expected;
        }
        Assert.Equal(outputs.Row(X.RowCount - 1), h);
    }

    [Fact]
    public void Backward_matches_finite_differences_of_the_forward_pass()
    {
        var rnn = new Rnn(2, 3, Rng.Create(2));
        var h0 = Vector<double>.Build.DenseOfArray([0.3, 0.1, -0.7]);
        var g = Rng.StandardNormal(7, 3, Rng.Create(3));
        double Loss(Matrix<double> x, Vector<double> h) => rnn.Forward(x, h).Outputs.PointwiseMultiply(g).Enumerate().Sum();

        var (gradX, gradH0) = rnn.Backward(X, g, h0);

        Assert.True((gradX - FiniteDifference.Gradient(x => Loss(x, h0), X)).InfinityNorm() < 1e-8);
        Assert.True((gradH0 - FiniteDifference.Gradient(h => Loss(X, h), h0)).InfinityNorm() < 1e-8);
    }

    [Fact]
    public void The_gradient_through_k_steps_is_bounded_by_the_spectral_norm_to_the_k()
    {
        var rnn = new Rnn(2, 8, Rng.Create(4));
        var x = Rng.StandardNormal(30, 2, Rng.Create(5));
        var g = Matrix<double>.Build.Dense(30, 8);
        g.SetRow(29, Rng.StandardNormal(8, Rng.Create(6)));
        var norm = rnn.WeightHH.L2Norm();

        var gradH0 = rnn.Backward(x, g).H0;

        Assert.InRange(gradH0.L2Norm(), 1e-300, g.Row(29).L2Norm() * Math.Pow(norm, 30));
    }

    [Fact]
    public void An_output_gradient_of_the_wrong_shape_throws_naming_both_shapes()
    {
        var rnn = new Rnn(2, 3);

        var e = Assert.Throws<ArgumentException>(() => rnn.Backward(X, Matrix<double>.Build.Dense(7, 2)));

        Assert.Equal("outputGradient", e.ParamName);
        Assert.Contains("7×2", e.Message);
        Assert.Contains("7×3", e.Message);
        Assert.Equal("h0", Assert.Throws<ArgumentException>(() => rnn.Backward(X, Matrix<double>.Build.Dense(7, 3), Vector<double>.Build.Dense(2))).ParamName);
    }
}
