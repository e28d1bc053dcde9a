using MLCourse.Attention;

namespace MLCourse.Tests.Attention;

public class MasksTests
{
    [Fact]
    public void Causal_lets_position_i_see_exactly_positions_up_to_i()
    {
        var keep = Masks.Causal(4);

        for (var i = 0; i < 4; i++)
            for (var j = 0; j < 4; j++)
                Assert.Equal(j <= i, keep[i, j]);
    }

    [Fact]
    public void Prefix_is_bidirectional_on_the_prefix_and_causal_after_it()
    {
        var keep = Masks.Prefix(length: 5, prefixLength: 2);

        for (var i = 0; i < 5; i++)
            for (var j = 0; j < 5; j++)
                Assert.Equal(j < 2 || j <= i, keep[i, j]);
        Assert.True(keep[0, 1]);
        Assert.False(keep[2, 3]);
    }

    [Fact]
    public void Prefix_of_the_whole_sequence_is_all_true_and_an_empty_prefix_is_causal()
    {
        Assert.All(Masks.Prefix(4, 4).Cast<bool>(), Assert.True);
        Assert.Equal(Masks.Causal(4), Masks.Prefix(4, 0));
        Assert.Equal(Masks.Causal(4), Masks.Prefix(4, 1));
    }

    [Theory]
    [InlineData(0, 0, "length")]
    [InlineData(3, 4, "prefixLength")]
    [InlineData(3, -1, "prefixLength")]
    public void Invalid_prefix_arguments_are_named(int length, int prefixLength, string argument)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Masks.Prefix(length, prefixLength));

        Assert.Equal(argument, e.ParamName);
    }

    [Fact]
    public void Padding_hides_the_keys_after_the_valid_ones()
    {
        var keep = Masks.Padding(queries: 2, keys: 5, validKeys: 3);

        Assert.Equal(2, keep.GetLength(0));
        for (var j = 0; j < 5; j++)
        {
            Assert.Equal(j < 3, keep[0, j]);
            Assert.Equal(j < 3, keep[1, j]);
        }
    }

    [Fact]
    public void And_combines_causal_and_padding()
    {
        var keep = Masks.And(Masks.Causal(3), Masks.Padding(3, 3, 2));

        Assert.True(keep[2, 1]);
        Assert.False(keep[2, 2]);
        Assert.False(keep[0, 1]);
    }

    [Theory]
    [InlineData(0, 3, 1, "queries")]
    [InlineData(2, 0, 0, "keys")]
    [InlineData(2, 3, 4, "validKeys")]
    [InlineData(2, 3, -1, "validKeys")]
    public void Invalid_padding_arguments_are_named(int queries, int keys, int validKeys, string argument)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Masks.Padding(queries, keys, validKeys));

        Assert.Equal(argument, e.ParamName);
    }

    [Fact]
    public void And_rejects_different_shapes_naming_both()
    {
        var e = Assert.Throws<ArgumentException>(() => Masks.And(new bool[2, 3], new bool[3, 2]));

        Assert.Contains("a is 2×3 but b is 3×2", e.Message);
    }

    [Fact]
    public void Causal_needs_a_positive_length()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Masks.Causal(0));

        Assert.Equal("length", e.ParamName);
    }

    [Fact]
    public void KeyPadding_keeps_the_first_length_keys_of_each_sequence()
    {
        var keep = Masks.KeyPadding(4, 4, 1, 0);

        Assert.Equal((3, 4), (keep.GetLength(0), keep.GetLength(1)));
        for (var j = 0; j < 4; j++)
        {
            Assert.True(keep[0, j]);
            Assert.Equal(j < 1, keep[1, j]);
            Assert.False(keep[2, j]);
        }
    }

    [Fact]
    public void KeyPadding_arguments_are_validated()
    {
        Assert.Equal("keys", Assert.Throws<ArgumentOutOfRangeException>(() => Masks.KeyPadding(0, 0)).ParamName);
        Assert.Equal("lengths", Assert.Throws<ArgumentException>(() => Masks.KeyPadding(3)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Masks.KeyPadding(3, 2, 4));
        Assert.Equal("lengths", e.ParamName);
        Assert.Contains("lengths[1] must be in [0, 3]", e.Message);
    }
}
