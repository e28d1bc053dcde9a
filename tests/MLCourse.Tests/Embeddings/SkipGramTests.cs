using MLCourse.Embeddings;

namespace MLCourse.Tests.Embeddings;

public class SkipGramTests
{
    [Fact]
    public void Pairs_lists_every_context_word_of_every_centre_in_order()
    {
        var pairs = SkipGram.Pairs([10, 11, 12, 13], window: 2);

        Assert.Equal(new[] { (10, 11), (10, 12), (11, 10), (11, 12), (11, 13), (12, 10), (12, 11), (12, 13), (13, 11), (13, 12) }, pairs);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(3, 5)]
    [InlineData(10, 2)]
    [InlineData(25, 5)]
    [InlineData(1000, 3)]
    public void Pair_counts_are_2wn_minus_the_edge_losses(int n, int window)
    {
        var count = SkipGram.Pairs(Enumerable.Range(0, n).ToArray(), window).Length;

        Assert.Equal(n >= window + 1 ? 2 * window * n - window * (window + 1) : n * (n - 1), count);
    }

    [Fact]
    public void The_pairs_are_symmetric_as_a_multiset()
    {
        var tokens = new[] { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5 };
        var pairs = SkipGram.Pairs(tokens, 3);

        Assert.Equal(pairs.Order(), pairs.Select(p => (p.Context, p.Center)).Order());
    }

    [Fact]
    public void Cbow_builds_one_example_per_centre_word_with_its_whole_context()
    {
        var examples = SkipGram.CbowExamples([10, 11, 12, 13], window: 2);

        Assert.Equal(new[] { 10, 11, 12, 13 }, examples.Select(e => e.Center));
        Assert.Equal(new[] { 11, 12 }, examples[0].Context);
        Assert.Equal(new[] { 10, 12, 13 }, examples[1].Context);
        Assert.Equal(new[] { 11, 12 }, examples[3].Context);
        Assert.Equal(SkipGram.Pairs([10, 11, 12, 13], 2).Length, examples.Sum(e => e.Context.Length));
    }

    [Fact]
    public void A_single_token_has_no_examples()
    {
        Assert.Empty(SkipGram.Pairs([7], 2));
        Assert.Empty(SkipGram.CbowExamples([7], 2));
        Assert.Empty(SkipGram.Pairs([], 2));
    }

    [Fact]
    public void Invalid_arguments_are_rejected_by_name()
    {
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => SkipGram.Pairs([1, 2], 0)).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => SkipGram.CbowExamples([1, 2], -1)).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentNullException>(() => SkipGram.Pairs(null!, 1)).ParamName);
    }
}
