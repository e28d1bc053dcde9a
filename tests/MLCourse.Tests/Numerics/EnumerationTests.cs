namespace MLCourse.Tests.Numerics;

public class EnumerationTests
{
    private const string File = "enumeration.json";

    public static TheoryData<string> Products => GoldenData.Names(File, "product");

    public static TheoryData<string> Subsets => GoldenData.Names(File, "combinations");

    [Fact]
    public void Product_lists_every_tuple_in_lexicographic_order()
    {
        var tuples = Enumeration.Product([2, 1, 3]).ToList();

        Assert.Equal(new[] { new[] { 0, 0, 0 }, [0, 0, 1], [0, 0, 2], [1, 0, 0], [1, 0, 1], [1, 0, 2] }, tuples);
        Assert.Single(Enumeration.Product([]));
        Assert.Empty(Enumeration.Product([]).Single());
    }

    [Fact]
    public void Sequences_are_alphabet_to_the_length_distinct_arrays()
    {
        var sequences = Enumeration.Sequences(3, 4).ToList();

        Assert.Equal(81, sequences.Count);
        Assert.Equal(81, sequences.Select(s => string.Join(",", s)).Distinct().Count());
        Assert.Equal([2, 2, 2, 2], sequences[^1]);
        sequences[0][0] = 9;   // each tuple is a new array
        Assert.Equal([0, 0, 0, 1], sequences[1]);
        Assert.Single(Enumeration.Sequences(5, 0));
    }

    [Fact]
    public void Invalid_sizes_are_named()
    {
        Assert.Equal("sizes", Assert.Throws<ArgumentOutOfRangeException>(() => Enumeration.Product([2, 0])).ParamName);
        Assert.Equal("alphabet", Assert.Throws<ArgumentOutOfRangeException>(() => Enumeration.Sequences(0, 2)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => Enumeration.Sequences(2, -1)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Products))]
    public void Sequences_of_values_follow_itertools_product(string name)
    {
        var c = GoldenData.Case(File, name);
        var expected = c["tuples"]!.AsArray().Select(t => string.Join(",", GoldenData.Strings(t))).ToList();

        var tuples = Enumeration.Sequences(GoldenData.Strings(c["values"]), (int)c["repeat"]!);

        Assert.Equal(expected, tuples.Select(t => string.Join(",", t)));
    }

    [Fact]
    public void Sequences_of_values_are_new_arrays_and_need_values()
    {
        var tuples = Enumeration.Sequences(["boy", "girl"], 2).ToList();
        tuples[0][0] = "changed";

        Assert.Equal(["boy", "girl"], tuples[1]);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Enumeration.Sequences(Array.Empty<string>(), 2)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => Enumeration.Sequences(["a"], -1)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Subsets))]
    public void Combinations_follow_itertools_combinations(string name)
    {
        var c = GoldenData.Case(File, name);
        var expected = c["subsets"]!.AsArray().Select(s => string.Join(",", GoldenData.Ints(s))).ToList();

        var subsets = Enumeration.Combinations((int)c["n"]!, (int)c["k"]!);

        Assert.Equal(expected, subsets.Select(s => string.Join(",", s)));
    }

    [Theory]
    [InlineData(10, 3, 120)]
    [InlineData(20, 10, 184_756)]
    [InlineData(0, 0, 1)]
    public void Combinations_are_n_choose_k_distinct_increasing_subsets(int n, int k, int count)
    {
        var subsets = Enumeration.Combinations(n, k).ToList();

        Assert.Equal(count, subsets.Count);
        Assert.All(subsets, s => Assert.True(s.Length == k && s.Zip(s.Skip(1)).All(p => p.First < p.Second)));
        Assert.Equal(count, subsets.Select(s => string.Join(",", s)).Distinct().Count());
    }

    [Fact]
    public void Negative_sizes_of_combinations_are_named()
    {
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Enumeration.Combinations(-1, 0)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => Enumeration.Combinations(3, -1)).ParamName);
    }
}
