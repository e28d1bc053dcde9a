using MLCourse.Data;
using MLCourse.Decoding;

namespace MLCourse.Tests.Data;

public class TextCorporaTests
{
    [Fact]
    public void Alice_is_the_committed_chapters_I_to_III()
    {
        var text = TextCorpora.AliceInWonderland();

        Assert.Equal(32095, text.Length);
        Assert.StartsWith("ALICE'S ADVENTURES IN WONDERLAND", text);
        Assert.EndsWith("back to finish his story.\n", text);
        Assert.DoesNotContain('\r', text);
        Assert.Equal(["CHAPTER I.", "CHAPTER II.", "CHAPTER III."], text.Split('\n').Where(l => l.StartsWith("CHAPTER")).Select(l => l.Split(' ')[0] + " " + l.Split(' ')[1]));
    }

    [Fact]
    public void Alice_tokenizes_into_6960_words_and_marks_over_1179_types()
    {
        var tokens = Vocabulary.Tokenize(TextCorpora.AliceInWonderland());

        Assert.Equal(6960, tokens.Count);
        Assert.Equal(1179, Vocabulary.Build(tokens).Count);
    }
}
