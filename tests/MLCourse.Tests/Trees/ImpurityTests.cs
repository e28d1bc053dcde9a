using MLCourse.Trees;

namespace MLCourse.Tests.Trees;

public class ImpurityTests
{
    [Fact]
    public void Gini_of_class_counts()
    {
        Assert.Equal(0.0392, Impurity.Gini(98, 2), 15);
        Assert.Equal(0.0392, Impurity.Gini(0.49, 0.01), 15);   // only the proportions matter
        Assert.Equal(0.0, Impurity.Gini(0, 7, 0));
        Assert.Equal(2.0 / 3, Impurity.Gini(5, 5, 5), 15);
        Assert.Equal(0.5, Impurity.Gini(980 * (1000 / 1960.0), 20 * (1000 / 40.0)), 15);   // balanced class weights
    }

    [Fact]
    public void Gini_is_the_total_variance_of_the_one_hot_labels()
    {
        double[] counts = [3, 1, 6];
        var n = counts.Sum();
        var variance = counts.Sum(c => c / n * (1 - c / n));   // a one-hot column with mean p has variance p(1 − p)
        Assert.Equal(variance, Impurity.Gini(counts), 15);
    }

    [Fact]
    public void Rejects_empty_negative_or_zero_counts()
    {
        Assert.Equal("classWeights", Assert.Throws<ArgumentException>(() => Impurity.Gini()).ParamName);
        Assert.Equal("classWeights", Assert.Throws<ArgumentException>(() => Impurity.Gini(1, -1)).ParamName);
        Assert.Equal("classWeights", Assert.Throws<ArgumentException>(() => Impurity.Gini(0, 0)).ParamName);
        Assert.Equal("classWeights", Assert.Throws<ArgumentException>(() => Impurity.Gini(double.NaN)).ParamName);
    }
}
