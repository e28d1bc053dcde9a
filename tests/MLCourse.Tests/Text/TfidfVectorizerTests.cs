using System.Text.Json.Nodes;
using MLCourse.Text;

namespace MLCourse.Tests.Text;

public class TfidfVectorizerTests
{
    private const string File = "text.json";
    private const double Relative = 1e-9;

    public static TheoryData<string> Cases => GoldenData.Names(File, "tfidf");


    private static TfidfVectorizer Configured(JsonObject c)
    {
        var range = c["ngram_range"]!.AsArray().Select(x => (int)x!).ToArray();
        var norm = (string)c["norm"]! switch { "l1" => TfidfNorm.L1, "l2" => TfidfNorm.L2, _ => TfidfNorm.None };
        return new TfidfVectorizer(range[0], range[1], (bool)c["smooth_idf"]!, (bool)c["sublinear_tf"]!, norm);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scikit_learns_TfidfVectorizer(string name)
    {
        var c = GoldenData.Case(File, name);
        var vectorizer = Configured(c);

        var x = vectorizer.FitTransform(GoldenData.Strings(c["corpus"]));

        Assert.Equal(GoldenData.Strings(c["vocabulary"]), vectorizer.Vocabulary);
        GoldenData.AssertRelative(GoldenData.Vector(c["idf"]), vectorizer.Idf, Relative, "idf");
        GoldenData.AssertRelative(GoldenData.Matrix(c["x"]), x, Relative, "x");
        GoldenData.AssertRelative(GoldenData.Matrix(c["x_unseen"]), vectorizer.Transform(GoldenData.Strings(c["unseen"])), Relative, "x_unseen");
    }

    [Fact]
    public void The_default_tokenizer_lower_cases_and_keeps_tokens_of_two_or_more_word_characters()
    {
        Assert.Equal(["am", "cat", "the_end", "42"], TfidfVectorizer.Tokenize("I am a Cat: the_end, 42 ."));
        Assert.Equal(["我爱北京天安门"], TfidfVectorizer.Tokenize("我爱北京天安门"));
    }

    [Fact]
    public void A_term_in_every_document_has_idf_1_and_rows_have_unit_length()
    {
        var vectorizer = new TfidfVectorizer();
        var x = vectorizer.FitTransform(["the cat", "the dog", "the cat and the dog"]);

        Assert.Equal(1.0, vectorizer.Idf[vectorizer.Vocabulary.ToList().IndexOf("the")], 15);
        Assert.All(x.EnumerateRows(), row => Assert.Equal(1.0, row.L2Norm(), 14));
    }

    [Fact]
    public void Invalid_use_is_rejected()
    {
        Assert.Equal("ngramMin", Assert.Throws<ArgumentOutOfRangeException>(() => new TfidfVectorizer(0, 1)).ParamName);
        Assert.Equal("ngramMax", Assert.Throws<ArgumentOutOfRangeException>(() => new TfidfVectorizer(2, 1)).ParamName);
        Assert.Equal("documents", Assert.Throws<ArgumentException>(() => new TfidfVectorizer().Fit([])).ParamName);
        Assert.Equal("documents", Assert.Throws<ArgumentException>(() => new TfidfVectorizer().Fit(["a b", "!"])).ParamName);
        Assert.Throws<InvalidOperationException>(() => new TfidfVectorizer().Transform(["the cat"]));
        Assert.Throws<InvalidOperationException>(() => new TfidfVectorizer().Vocabulary);
        Assert.Throws<InvalidOperationException>(() => new TfidfVectorizer().Idf);
    }
}
