using MLCourse.Decoding;

namespace MLCourse.Tests.Decoding;

public class VocabularyTests
{
    [Fact]
    public void Tokenize_lower_cases_keeps_inner_apostrophes_and_splits_punctuation()
    {
        var tokens = Vocabulary.Tokenize("'Dinah'll miss me very much to-night, I should think!' (Ma'am)\n_I_ said: \"no.\"");

        Assert.Equal(["dinah'll", "miss", "me", "very", "much", "to", "night", ",", "i", "should", "think", "!", "ma'am", "i", "said", ":", "no", "."], tokens);
    }

    [Fact]
    public void Ids_follow_ordinal_order_and_round_trip()
    {
        var vocabulary = Vocabulary.Build(["the", "cat", ".", "the", "alice"]);

        Assert.Equal([".", "alice", "cat", "the"], vocabulary.Tokens);
        Assert.Equal(4, vocabulary.Count);
        Assert.Equal(3, vocabulary.Id("the"));
        Assert.Equal("cat", vocabulary.Token(2));
        Assert.Equal([3, 2, 0], vocabulary.Encode("The cat."));
    }

    [Fact]
    public void Decode_attaches_punctuation_to_the_word_before()
    {
        var vocabulary = Vocabulary.Build(Vocabulary.Tokenize("alice , and she was ."));

        Assert.Equal("alice, and she was.", vocabulary.Decode(vocabulary.Encode("alice , and she was .")));
        Assert.True(Vocabulary.IsPunctuation("?"));
        Assert.False(Vocabulary.IsPunctuation("'"));
    }

    [Fact]
    public void Unknown_tokens_and_ids_are_named()
    {
        var vocabulary = Vocabulary.Build(["a", "b"]);

        Assert.Contains("'zebra' is not in the vocabulary", Assert.Throws<KeyNotFoundException>(() => vocabulary.Id("zebra")).Message);
        Assert.Equal("id", Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.Token(2)).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => Vocabulary.Build([])).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => Vocabulary.Build(["a", ""])).ParamName);
    }
}
