using MLCourse.Data;

namespace MLCourse.Tests.Data;

public class ResamplingTests
{
    private static readonly int[] Labels = [.. Enumerable.Repeat(0, 20), .. Enumerable.Repeat(2, 5), .. Enumerable.Repeat(-1, 3)];

    [Fact]
    public void Oversampling_keeps_every_sample_and_tops_each_class_up_with_its_own_copies()
    {
        var rows = Resampling.RandomOversample(Labels, seed: 3);

        Assert.Equal(Enumerable.Range(0, Labels.Length), rows.Take(Labels.Length));
        Assert.All(new[] { 0, 2, -1 }, c => Assert.Equal(20, rows.Count(i => Labels[i] == c)));
        Assert.DoesNotContain(rows.Skip(Labels.Length), i => Labels[i] == 0);   // the largest class gets no copies
        Assert.Equal(rows, Resampling.RandomOversample(Labels, seed: 3));
        Assert.NotEqual(rows, Resampling.RandomOversample(Labels, seed: 4));
    }

    [Fact]
    public void Undersampling_keeps_distinct_samples_of_each_class_down_to_the_smallest()
    {
        var rows = Resampling.RandomUndersample(Labels, seed: 3);

        Assert.All(new[] { 0, 2, -1 }, c => Assert.Equal(3, rows.Count(i => Labels[i] == c)));
        Assert.Equal(rows.Order(), rows);
        Assert.Equal(rows.Length, rows.Distinct().Count());
        Assert.Equal(Enumerable.Range(25, 3), rows.Where(i => Labels[i] == -1));   // the smallest class is kept whole
    }

    [Fact]
    public void Rejects_empty_labels()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Resampling.RandomOversample([], 1)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => Resampling.RandomUndersample(null!, 1)).ParamName);
    }
}
