namespace MLCourse.Tests.Numerics;

public class EnumerationTests
{
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
}
