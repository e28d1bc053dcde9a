using MLCourse.Text;

namespace MLCourse.Tests.Text;

public class NGramsTests
{
    private const string File = "text.json";

    public static TheoryData<string> WordCases => GoldenData.Names(File, "words");

    public static TheoryData<string> CharacterCases => GoldenData.Names(File, "characters");

    [Theory]
    [MemberData(nameof(WordCases))]
    public void Word_ngrams_of_the_default_tokens_match_scikit_learns_analyzer(string name)
    {
        var c = GoldenData.Case(File, name);
        var tokens = TfidfVectorizer.Tokenize((string)c["text"]!);

        var grams = NGrams.Words(tokens, (int)c["min_n"]!, (int)c["max_n"]!);

        Assert.Equal(GoldenData.Strings(c["grams"]), grams);
        Assert.Equal(grams, new TfidfVectorizer((int)c["min_n"]!, (int)c["max_n"]!).Analyze((string)c["text"]!));
    }

    [Theory]
    [MemberData(nameof(CharacterCases))]
    public void Character_ngrams_match_scikit_learns_char_analyzer(string name)
    {
        var c = GoldenData.Case(File, name);

        Assert.Equal(GoldenData.Strings(c["grams"]), NGrams.Characters((string)c["text"]!, (int)c["n"]!));
    }

    [Fact]
    public void A_sequence_of_L_items_has_L_minus_n_plus_1_ngrams()
    {
        for (var length = 0; length <= 9; length++)
        {
            var tokens = Enumerable.Range(0, length).Select(i => $"w{i}").ToArray();
            for (var n = 1; n <= 11; n++)
            {
                Assert.Equal(Math.Max(0, length - n + 1), NGrams.Words(tokens, n).Count);
                Assert.Equal(Math.Max(0, length - n + 1), NGrams.Characters(new string('x', length), n).Count);
            }
        }
    }

    [Fact]
    public void The_separator_joins_the_tokens_of_a_gram()
    {
        Assert.Equal(["我爱", "爱北京", "北京天安门"], NGrams.Words(["我", "爱", "北京", "天安门"], 2, separator: ""));
        Assert.Equal(["a b", "b c", "a b c"], NGrams.Words(["a", "b", "c"], 2, 3));
    }

    [Fact]
    public void Invalid_lengths_name_their_parameter()
    {
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => NGrams.Words(["a"], 0)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => NGrams.Characters("ab", 0)).ParamName);
        Assert.Equal("minN", Assert.Throws<ArgumentOutOfRangeException>(() => NGrams.Words(["a"], 0, 2)).ParamName);
        Assert.Equal("maxN", Assert.Throws<ArgumentOutOfRangeException>(() => NGrams.Words(["a"], 3, 2)).ParamName);
    }
}
