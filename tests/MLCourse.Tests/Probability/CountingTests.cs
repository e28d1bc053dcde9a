using MLCourse.Probability;

namespace MLCourse.Tests.Probability;

public class CountingTests
{
    [Fact]
    public void Conditional_counts_equally_likely_outcomes()
    {
        var dice = Enumeration.Sequences([1, 2, 3, 4, 5, 6], 2).ToList();

        var (favourable, total, p) = Counting.Conditional(dice, d => d[0] == 6 || d[1] == 6, d => d[0] + d[1] >= 10);

        Assert.Equal((5, 6), (favourable, total));   // sums 10, 11, 12: (4,6) (5,5) (6,4) (5,6) (6,5) (6,6)
        Assert.Equal(5.0 / 6, p, 15);
        Assert.Equal(11.0 / 36, Counting.Conditional(dice, d => d.Contains(6), _ => true).Probability, 15);
    }

    [Fact]
    public void Conditioning_on_what_was_observed_changes_the_answer()
    {
        var pairs = Enumeration.Sequences(["boy", "girl"], 2).ToList();   // (elder, younger)

        Assert.Equal(1.0 / 3, Counting.Conditional(pairs, f => f.All(c => c == "boy"), f => f.Contains("boy")).Probability, 15);
        Assert.Equal(0.5, Counting.Conditional(pairs, f => f.All(c => c == "boy"), f => f[0] == "boy").Probability, 15);
    }

    [Fact]
    public void An_impossible_condition_and_null_arguments_are_named()
    {
        var impossible = Assert.Throws<ArgumentException>(() => Counting.Conditional([1, 2, 3], x => x > 1, x => x > 5));
        Assert.Equal("given", impossible.ParamName);
        Assert.Equal("outcomes", Assert.Throws<ArgumentNullException>(() => Counting.Conditional<int>(null!, _ => true, _ => true)).ParamName);
        Assert.Equal("event", Assert.Throws<ArgumentNullException>(() => Counting.Conditional([1], null!, _ => true)).ParamName);
        Assert.Equal("given", Assert.Throws<ArgumentNullException>(() => Counting.Conditional([1], _ => true, null!)).ParamName);
    }
}
