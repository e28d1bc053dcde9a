using MLCourse.Data;

namespace MLCourse.Tests.Data;

public class SyntheticTests
{
    [Fact]
    public void Imbalanced_gaussians_have_every_kth_sample_positive_and_the_shift_on_the_first_feature()
    {
        var data = Synthetic.ImbalancedGaussians(20_000, 50, 1.75, seed: 3);

        Assert.Equal([19_600, 400], data.ClassCounts);
        Assert.True(Enumerable.Range(0, 20_000).All(i => (data.Y[i] == 1) == (i % 50 == 0)));
        double Mean(int feature, int label) => Enumerable.Range(0, 20_000).Where(i => data.Y[i] == label).Average(i => data.X[i, feature]);
        // Standard errors: 1/√400 = 0.05 for the positives, 1/√19600 ≈ 0.007 for the negatives; bands of 4 of them.
        Assert.InRange(Mean(0, 1) - Mean(0, 0), 1.75 - 0.2, 1.75 + 0.2);
        Assert.InRange(Mean(1, 1) - Mean(1, 0), -0.2, 0.2);
        Assert.Equal(data.X, Synthetic.ImbalancedGaussians(20_000, 50, 1.75, seed: 3).X);
        Assert.Equal(["negative", "positive"], data.ClassNames);
    }

    [Fact]
    public void Bayes_recall_of_the_prior_and_of_the_balanced_rule()
    {
        Assert.Equal(0.0887, Synthetic.BayesRecall(0.02, 1.75), 4);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, 0.875), Synthetic.BayesRecall(0.5, 1.75), 15);
    }

    [Fact]
    public void Rejects_invalid_arguments()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.ImbalancedGaussians(0, 50, 1, 1)).ParamName);
        Assert.Equal("positiveEvery", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.ImbalancedGaussians(10, 1, 1, 1)).ParamName);
        Assert.Equal("shift", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.ImbalancedGaussians(10, 5, double.NaN, 1)).ParamName);
        Assert.Equal("prevalence", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.BayesRecall(1, 1)).ParamName);
        Assert.Equal("shift", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.BayesRecall(0.5, 0)).ParamName);
    }
}
