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
}
