using MLCourse.Recurrent;

namespace MLCourse.Tests.Recurrent;

public class LstmTests
{
    private static readonly Matrix<double> X = Rng.StandardNormal(6, 3, Rng.Create(11));

    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    [Fact]
    public void One_step_follows_the_gate_equations_in_pytorchs_order_i_f_g_o()
    {
        var lstm = new Lstm(3, 2, Rng.Create(1));
        var (x, h0, c0) = (X.Row(0), V(0.3, -0.4), V(1.5, -0.5));
        var a = lstm.WeightIH * x + lstm.BiasIH + lstm.WeightHH * h0 + lstm.BiasHH;
        double S(double v) => 1 / (1 + Math.Exp(-v));
        var c = new double[2];
        var h = new double[2];
        for (var j = 0; j < 2; j++)
        {
            c[j] = S(a[2 + j]) * c0[j] + S(a[j]) * Math.Tanh(a[4 + j]);
            h[j] = S(a[6 + j]) * Math.Tanh(c[j]);
        }

        var result = lstm.Forward(X.SubMatrix(0, 1, 0, 3), h0, c0);

        Assert.True((result.C - V(c)).InfinityNorm() < 1e-15);
        Assert.True((result.H - V(h)).InfinityNorm() < 1e-15);
    }

    [Fact]
    public void A_null_h0_or_c0_means_zeros_each_on_its_own()
    {
        var lstm = new Lstm(3, 2);
        var (h0, c0, zero) = (V(0.5, -1), V(2, 1), V(0, 0));

        Assert.Equal(lstm.Forward(X, h0, zero).Outputs, lstm.Forward(X, h0).Outputs);
        Assert.Equal(lstm.Forward(X, zero, c0).Outputs, lstm.Forward(X, null, c0).Outputs);
        Assert.NotEqual(lstm.Forward(X, h0).Outputs, lstm.Forward(X, null, h0).Outputs);
    }

    [Fact]
    public void With_forget_gate_one_and_input_gate_zero_the_cell_is_carried_unchanged()
    {
        var lstm = new Lstm(3, 2);
        for (var j = 0; j < 2; j++)
        {
            lstm.WeightIH.ClearRow(j);
            lstm.WeightHH.ClearRow(j);
            lstm.WeightIH.ClearRow(2 + j);
            lstm.WeightHH.ClearRow(2 + j);
            (lstm.BiasIH[j], lstm.BiasHH[j], lstm.BiasIH[2 + j], lstm.BiasHH[2 + j]) = (-50, 0, 50, 0);
        }
        var c0 = V(0.7, -1.3);

        var (outputs, _, c) = lstm.Forward(X, null, c0);

        Assert.True((c - c0).InfinityNorm() < 1e-15);
        Assert.True(outputs.Enumerate().Any(v => Math.Abs(v) > 0.1), "the hidden state still changes with the input");
    }

    [Fact]
    public void Backward_matches_finite_differences_of_the_forward_pass()
    {
        var lstm = new Lstm(3, 4, Rng.Create(3));
        var (h0, c0) = (V(0.1, -0.2, 0.3, 0.4), V(-1, 0.5, 0.2, 2));
        var g = Rng.StandardNormal(6, 4, Rng.Create(4));
        double Loss(Matrix<double> x, Vector<double> h, Vector<double> c) => lstm.Forward(x, h, c).Outputs.PointwiseMultiply(g).Enumerate().Sum();

        var (gradX, gradH0, gradC0) = lstm.Backward(X, g, h0, c0);

        Assert.True((gradX - FiniteDifference.Gradient(x => Loss(x, h0, c0), X)).InfinityNorm() < 1e-8);
        Assert.True((gradH0 - FiniteDifference.Gradient(h => Loss(X, h, c0), h0)).InfinityNorm() < 1e-8);
        Assert.True((gradC0 - FiniteDifference.Gradient(c => Loss(X, h0, c), c0)).InfinityNorm() < 1e-8);
    }

    [Fact]
    public void A_cell_state_of_the_wrong_length_throws_naming_both_lengths()
    {
        var lstm = new Lstm(3, 2);

        var e = Assert.Throws<ArgumentException>(() => lstm.Forward(X, null, V(1, 2, 3)));

        Assert.Equal("c0", e.ParamName);
        Assert.Contains("length 3", e.Message);
        Assert.Contains("length 2", e.Message);
        Assert.Equal("c0", Assert.Throws<ArgumentException>(() => lstm.Backward(X, Matrix<double>.Build.Dense(6, 2), null, V(1))).ParamName);
    }

    [Fact]
    public void An_output_gradient_of_the_wrong_shape_throws_naming_both_shapes()
    {
        var lstm = new Lstm(3, 2);

        var e = Assert.Throws<ArgumentException>(() => lstm.Backward(X, Matrix<double>.Build.Dense(5, 2)));

        Assert.Equal("outputGradient", e.ParamName);
        Assert.Contains("5×2", e.Message);
        Assert.Contains("6×2", e.Message);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => lstm.Backward(Matrix<double>.Build.Dense(6, 4), Matrix<double>.Build.Dense(6, 2))).ParamName);
    }
}
