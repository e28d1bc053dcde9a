using MLCourse.Probability;

namespace MLCourse.Tests.Probability;

public class EnumerateTests
{
    private const string File = "probability.json";

    public static TheoryData<string> Products => GoldenData.Names(File, "product");

    public static TheoryData<string> Subsets => GoldenData.Names(File, "combinations");

    [Theory]
    [MemberData(nameof(Products))]
    public void Power_lists_tuples_in_itertools_product_order(string name)
    {
        var c = GoldenData.Case(File, name);
        var expected = c["tuples"]!.AsArray().Select(t => string.Join(",", GoldenData.Strings(t))).ToList();

        var tuples = Enumerate.Power(GoldenData.Strings(c["values"]), (int)c["repeat"]!);

        Assert.Equal(expected, tuples.Select(t => string.Join(",", t)));
    }

    [Theory]
    [MemberData(nameof(Subsets))]
    public void Combinations_lists_subsets_in_itertools_order(string name)
    {
        var c = GoldenData.Case(File, name);
        var expected = c["subsets"]!.AsArray().Select(s => string.Join(",", GoldenData.Ints(s))).ToList();

        var subsets = Enumerate.Combinations((int)c["n"]!, (int)c["k"]!);

        Assert.Equal(expected, subsets.Select(s => string.Join(",", s)));
    }

    [Theory]
    [InlineData(10, 3, 120)]
    [InlineData(20, 10, 184_756)]
    [InlineData(3, 5, 0)]
    [InlineData(0, 0, 1)]
    public void Combinations_count_n_choose_k_distinct_increasing_subsets(int n, int k, int count)
    {
        var subsets = Enumerate.Combinations(n, k);

        Assert.Equal(count, subsets.Count);
        Assert.All(subsets, s => Assert.True(s.Length == k && s.Zip(s.Skip(1)).All(p => p.First < p.Second)));
        Assert.Equal(count, subsets.Select(s => string.Join(",", s)).Distinct().Count());
    }

    [Fact]
    public void Tuples_are_independent_copies()
    {
        var tuples = Enumerate.Power([1, 2], 2);
        tuples[0][0] = 9;

        Assert.Equal([1, 2], tuples[1]);
        Assert.Equal(4, tuples.Count);
    }

    [Fact]
    public void Conditional_counts_equally_likely_outcomes()
    {
        var dice = Enumerate.Power([1, 2, 3, 4, 5, 6], 2);

        var (favourable, total, p) = Enumerate.Conditional(dice, d => d[0] == 6 || d[1] == 6, d => d[0] + d[1] >= 10);

        Assert.Equal((5, 6), (favourable, total));   // sums 10, 11, 12: (4,6) (5,5) (6,4) (5,6) (6,5) (6,6)
        Assert.Equal(5.0 / 6, p, 15);
        Assert.Equal(11.0 / 36, Enumerate.Conditional(dice, d => d.Contains(6), _ => true).Probability, 15);
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Enumerate.Power(Array.Empty<int>(), 2)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => Enumerate.Power([1, 2], -1)).ParamName);
        var huge = Assert.Throws<ArgumentOutOfRangeException>(() => Enumerate.Power([1, 2], 40));
        Assert.Equal("length", huge.ParamName);
        Assert.Contains("2^40", huge.Message);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Enumerate.Combinations(-1, 0)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => Enumerate.Combinations(3, -1)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => Enumerate.Combinations(100, 50)).ParamName);
        var impossible = Assert.Throws<ArgumentException>(() => Enumerate.Conditional([1, 2, 3], x => x > 1, x => x > 5));
        Assert.Equal("given", impossible.ParamName);
    }
}
