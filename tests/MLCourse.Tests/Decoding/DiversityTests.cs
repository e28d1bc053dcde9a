using MLCourse.Decoding;

namespace MLCourse.Tests.Decoding;

public class DiversityTests
{
    [Fact]
    public void Distinct_n_counts_unique_n_grams_over_all_n_grams()
    {
        int[][] sequences = [[1, 2, 3, 1, 2], [1, 2, 4]];

        // bigrams: 12 23 31 12 | 12 24 → 4 distinct of 6; unigrams: 1 2 3 4 → 4 of 8.
        Assert.Equal(4.0 / 6, Diversity.DistinctN(sequences, 2), 15);
        Assert.Equal(4.0 / 8, Diversity.DistinctN(sequences, 1), 15);
        Assert.Equal(1.0, Diversity.DistinctN(sequences, 5));
    }

    [Fact]
    public void N_copies_of_one_sequence_give_one_over_N()
    {
        var copies = Enumerable.Repeat<IReadOnlyList<int>>([5, 6, 7, 8], 10);

        Assert.Equal(0.1, Diversity.DistinctN(copies, 2), 15);
    }

    [Fact]
    public void Needs_n_at_least_1_and_some_n_gram()
    {
        int[][] shortOnes = [[1], [2, 3]];

        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Diversity.DistinctN(shortOnes, 0)).ParamName);
        Assert.Equal("sequences", Assert.Throws<ArgumentException>(() => Diversity.DistinctN(shortOnes, 3)).ParamName);
    }
}
