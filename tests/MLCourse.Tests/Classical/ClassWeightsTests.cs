using MLCourse.Classical;

namespace MLCourse.Tests.Classical;

public class ClassWeightsTests
{
    [Fact]
    public void Balanced_weights_are_n_over_k_n_c_and_give_every_class_the_total_n_over_k()
    {
        var y = Enumerable.Repeat(0, 900).Concat(Enumerable.Repeat(1, 100)).ToArray();

        var w = ClassWeights.Balanced(y);

        Assert.Equal(1000 / 1800.0, w[0]);
        Assert.Equal(5.0, w[999]);
        Assert.Equal(500, Enumerable.Range(0, 1000).Where(i => y[i] == 1).Sum(i => w[i]), 10);
        var three = ClassWeights.Balanced([4, 4, 9, -1, -1, -1]);
        Assert.Equal([1, 1, 2, 2 / 3.0, 2 / 3.0, 2 / 3.0], three.ToArray());   // n = 6, k = 3: 6/(3·2), 6/(3·1), 6/(3·3)
    }

    [Fact]
    public void Rejects_empty_labels()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => ClassWeights.Balanced([])).ParamName);
    }
}
