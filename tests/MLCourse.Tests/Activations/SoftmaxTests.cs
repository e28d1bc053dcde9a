using MLCourse.Activations;

namespace MLCourse.Tests.Activations;

public class SoftmaxTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Is_a_distribution_and_shift_invariant()
    {
        var z = V(1, 2, 3, -4);

        var p = Softmax.Apply(z);

        Assert.Equal(1.0, p.Sum(), 15);
        Assert.True(p.All(x => x > 0));
        Assert.True((Softmax.Apply(z + 1000) - p).AbsoluteMaximum() < 1e-15);
    }

    [Fact]
    public void Does_not_overflow_or_underflow()
    {
        var big = Softmax.Apply(V(10000, 5000, 2000));
        var small = Softmax.Apply(V(-10000, -1000, -34343));

        Assert.Equal(1.0, big[0]);
        Assert.Equal(1.0, small[1]);
        Assert.Equal(10000.0, Softmax.LogSumExp(V(10000, 5000, 2000)), 9);
    }

    [Fact]
    public void Minus_infinity_gets_exactly_zero_and_all_minus_infinity_gives_NaN()
    {
        var p = Softmax.Apply(V(0, double.NegativeInfinity, 0));

        Assert.Equal(new[] { 0.5, 0.0, 0.5 }, p.ToArray());
        Assert.True(Softmax.Apply(V(double.NegativeInfinity, double.NegativeInfinity)).All(double.IsNaN));
        Assert.Equal(double.NegativeInfinity, Softmax.LogSumExp(V(double.NegativeInfinity)));
    }

    [Fact]
    public void Log_is_the_log_of_softmax_and_stays_finite_where_softmax_underflows()
    {
        var z = V(0.3, -1.2, 2.0);

        Assert.True((Softmax.Log(z) - Softmax.Apply(z).PointwiseLog()).AbsoluteMaximum() < 1e-15);
        Assert.Equal(new[] { -9000.0, 0.0, -33343.0 }, Softmax.Log(V(-10000, -1000, -34343)).ToArray());
        Assert.Equal(0.0, Softmax.Apply(V(0, -800))[1]);
        Assert.Equal(-800.0, Softmax.Log(V(0, -800))[1]);
    }

    [Fact]
    public void Jacobian_matches_finite_differences()
    {
        var z = V(0.3, -1.2, 2.0, 0.1);

        var analytic = Softmax.Jacobian(Softmax.Apply(z));
        var numeric = FiniteDifference.Jacobian(Softmax.Apply, z);

        Assert.True((analytic - numeric).FrobeniusNorm() < 1e-9);
    }

    [Fact]
    public void Rows_applies_softmax_to_each_row()
    {
        var m = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 0, Math.Log(3) } });

        var p = Softmax.Rows(m);

        Assert.Equal(0.5, p[0, 0], 15);
        Assert.Equal(0.75, p[1, 1], 15);
    }

    [Fact]
    public void Empty_input_is_rejected_by_name()
    {
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => Softmax.Apply(Vector<double>.Build.Dense(0))).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => Softmax.Rows(Matrix<double>.Build.Dense(2, 0))).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => Softmax.Jacobian(Vector<double>.Build.Dense(0))).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => Softmax.Log(Vector<double>.Build.Dense(0))).ParamName);
    }
}
