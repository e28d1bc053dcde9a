using MLCourse.Inference;

namespace MLCourse.Tests.Inference;

public class KeyValueCacheTests
{
    [Fact]
    public void Appended_rows_come_back_in_order()
    {
        var cache = new KeyValueCache(1, 2, 1);
        cache.Append(0, Vector<double>.Build.Dense([1.0, 2]), Vector<double>.Build.Dense([3.0, 4]));
        cache.Append(0, Vector<double>.Build.Dense([5.0, 6]), Vector<double>.Build.Dense([7.0, 8]));

        Assert.Equal(2, cache.Length);
        Assert.Equal(new double[,] { { 1, 2 }, { 5, 6 } }, cache.Keys(0).ToArray());
        Assert.Equal(new double[,] { { 3, 4 }, { 7, 8 } }, cache.Values(0).ToArray());
        Assert.Equal(8, cache.StoredValues);
    }

    [Fact]
    public void Empty_layers_and_bad_indices_are_reported()
    {
        var cache = new KeyValueCache(2, 1, 1);

        Assert.Equal(0, cache.Length);
        Assert.Throws<InvalidOperationException>(() => cache.Keys(0));
        Assert.Equal("layer", Assert.Throws<ArgumentOutOfRangeException>(() => cache.Values(2)).ParamName);
        Assert.Equal("headDim", Assert.Throws<ArgumentOutOfRangeException>(() => new KeyValueCache(1, 1, 0)).ParamName);
    }
}
