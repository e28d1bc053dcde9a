namespace MLCourse.Tests.Numerics;

public class InformationTests
{
    [Fact]
    public void Entropy_is_zero_for_one_hot_and_log_n_for_uniform()
    {
        Assert.Equal(0.0, Information.Entropy(Vector<double>.Build.DenseOfArray([0, 1, 0])));
        Assert.Equal(Math.Log(4), Information.Entropy(Vector<double>.Build.Dense(4, 0.25)), 15);
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.6 })]
    [InlineData(new[] { 1.5, -0.5 })]
    public void Entropy_rejects_non_distributions(double[] p)
    {
        var e = Assert.Throws<ArgumentException>(() => Information.Entropy(Vector<double>.Build.DenseOfArray(p)));

        Assert.Equal("p", e.ParamName);
    }
    [Fact]
    public void Kl_divergence_is_zero_for_equal_distributions_positive_otherwise_and_infinite_off_the_support()
    {
        var (p, q) = (Vector<double>.Build.DenseOfArray([0.2, 0.5, 0.3]), Vector<double>.Build.DenseOfArray([0.4, 0.4, 0.2]));

        Assert.Equal(0, Information.KLDivergence(p, p));
        Assert.Equal(0.2 * Math.Log(0.5) + 0.5 * Math.Log(1.25) + 0.3 * Math.Log(1.5), Information.KLDivergence(p, q), 15);
        Assert.NotEqual(Information.KLDivergence(p, q), Information.KLDivergence(q, p), 6);
        Assert.Equal(double.PositiveInfinity, Information.KLDivergence(p, Vector<double>.Build.DenseOfArray([0.5, 0.5, 0])));
        Assert.Equal(Math.Log(2), Information.KLDivergence(Vector<double>.Build.DenseOfArray([1, 0]), Vector<double>.Build.DenseOfArray([0.5, 0.5])), 15);
    }

    [Fact]
    public void Kl_divergence_names_the_bad_argument()
    {
        var p = Vector<double>.Build.DenseOfArray([0.5, 0.5]);

        Assert.Equal("q", Assert.Throws<ArgumentException>(() => Information.KLDivergence(p, Vector<double>.Build.DenseOfArray([0.5, 0.6]))).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => Information.KLDivergence(Vector<double>.Build.DenseOfArray([double.NaN, 1]), p)).ParamName);
        var lengths = Assert.Throws<ArgumentException>(() => Information.KLDivergence(p, Vector<double>.Build.DenseOfArray([1.0])));
        Assert.Equal("q", lengths.ParamName);
        Assert.Contains("length 2", lengths.Message);
    }
}
