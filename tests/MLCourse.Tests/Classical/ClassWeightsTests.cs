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

    public static TheoryData<string> GoldenCases => GoldenData.Names("class_weights.json");

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Equals_scikit_learns_compute_class_weight_and_compute_sample_weight(string name)
    {
        var c = GoldenData.Case("class_weights.json", name);
        var (y, classes, perClass) = (GoldenData.Ints(c["y"]), GoldenData.Ints(c["classes"]), GoldenData.Vector(c["class_weight"]));

        var w = ClassWeights.Balanced(y);

        GoldenData.AssertRelative(GoldenData.Vector(c["sample_weight"]), w, 1e-15, "sample weights");
        for (var i = 0; i < y.Length; i++)
            GoldenData.AssertRelative(perClass[Array.IndexOf(classes, y[i])], w[i], 1e-15, $"class weight of sample {i}");
    }
}
