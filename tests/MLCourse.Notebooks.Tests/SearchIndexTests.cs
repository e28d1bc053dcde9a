using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MLCourse.Runner.Outputs.Site;

namespace MLCourse.Notebooks.Tests;

/// <summary>The site search's tokenizer and index builder (<see cref="SearchTokenizer"/>, <see cref="SearchIndex"/>).</summary>
public sealed class SearchIndexTests : IDisposable
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Adam's bias-correction, and the padding mask", "adam bias correction padding mask")]
    [InlineData("归一化", "归一 一化")]
    [InlineData("梯度消失", "梯度 度消 消失")]
    [InlineData("BatchNorm的参数和计算过程", "batchnorm 的参 参数 数和 和计 计算 算过 过程")]
    [InlineData("用 L2 正则", "用 l2 正则")]
    [InlineData("什么是warm up?", "什么 么是 warm up")]
    [InlineData("β₁ = 0.9, x², naïve Ｌ２", "β₁ x² naïve ｌ２")]
    [InlineData("a 😀 b", "")]
    [InlineData("Adam😀AdamW", "adam adamw")]
    public void Tokenizes_words_and_CJK_bigrams(string text, string tokens)
    {
        Assert.Equal(tokens, string.Join(' ', SearchTokenizer.Tokenize(text)));
    }

    [Theory]
    [InlineData("梯度消失", "RNN 会出现梯度消失（vanishing gradient）的问题")]
    [InlineData("归一化", "对谁做归一化，谁的大小关系就保留")]
    [InlineData("偏差修正", "除以这两个因子就是偏差修正（bias correction）")]
    public void A_Chinese_term_matches_text_that_contains_it(string term, string text)
    {
        var query = SearchTokenizer.Tokenize(term);
        var indexed = SearchTokenizer.Tokenize(text);

        Assert.NotEmpty(query);
        Assert.All(query, token => Assert.Contains(token, indexed));
    }

    [Fact]
    public void A_Chinese_term_does_not_match_text_with_its_characters_apart()
    {
        var indexed = SearchTokenizer.Tokenize("梯度下降，信息消失");

        Assert.DoesNotContain(SearchTokenizer.Tokenize("梯度消失")[1], indexed);   // 度消: the characters never stand together
    }

    private IReadOnlyList<SearchDocument> DropoutDocuments()
    {
        var notebook = TestNotebook.Write(_folder.Path, "07-dropout.ipynb", TestNotebook.DropoutCells());
        var page = PageMarkdown.Parse(notebook);
        return SearchIndex.Documents(page, "07-dropout.html", NotebookQuestions.Parse(notebook, page));
    }

    [Fact]
    public void Indexes_the_notebook_every_section_and_every_question_with_links_to_the_page()
    {
        var documents = DropoutDocuments();

        Assert.Equal(
        [
            ("07-dropout", "notebook", "07-dropout.html"),
            ("07-dropout#1-inverted-dropout", "section", "07-dropout.html#1-inverted-dropout"),
            ("07-dropout#2-why-it-regularizes", "section", "07-dropout.html#2-why-it-regularizes"),
            ("07-dropout#why", "section", "07-dropout.html#why"),
            ("07-dropout#interview-answer", "section", "07-dropout.html#interview-answer"),
            ("07-dropout#中文回答", "section", "07-dropout.html#中文回答"),
            ("07-dropout#exercises", "section", "07-dropout.html#exercises"),
            ("07-dropout#why-1", "section", "07-dropout.html#why-1"),
            ("07-dropout?q1", "question", "07-dropout.html#2-why-it-regularizes"),
            ("07-dropout?q2", "question", "07-dropout.html#interview-answer"),
        ], documents.Select(d => (d.Id, d.Kind, d.Url)));
        var why = documents.Single(d => d.Id == "07-dropout#why");
        Assert.Equal(("07 · Dropout: why scale at training time › 2 Why it regularizes", "Why", "Co-adaptation of units is broken."), (why.Where, why.Heading, why.Text));
        var question = documents.Single(d => d.Id == "07-dropout?q2");
        Assert.Equal("训练和测试时dropout有什么不同？", question.Heading);
        Assert.Equal("训练和测试时dropout有什么不同？ How does dropout differ between training and testing?", question.Title);
        Assert.Equal("How does dropout differ between training and testing? (asked twice) The notes answer with one line.", question.Excerpt);
    }

    [Fact]
    public void Leaves_solutions_out_and_math_out_of_the_searched_text_but_in_the_excerpt()
    {
        var documents = DropoutDocuments();
        var inverted = documents.Single(d => d.Id == "07-dropout#1-inverted-dropout");

        Assert.DoesNotContain(documents, d => d.Text.Contains("SECRETREASON") || d.Excerpt.Contains("SECRETREASON") || d.Title.Contains("SECRETREASON"));
        Assert.Equal("Each unit is kept with probability and scaled by , so the expected activation is unchanged.", inverted.Text);
        Assert.Equal("Each unit is kept with probability $1 - p$ and scaled by $\\frac{1}{1-p}$, so the expected activation is unchanged.", inverted.Excerpt);
    }

    [Fact]
    public void Writes_MiniSearch_7_serialization_with_term_frequencies_and_unique_term_counts()
    {
        SearchDocument Document(string id, string title, string text) => new(id, "section", id + ".html", "W", title, title, text, text);
        var script = SearchIndex.Script([Document("a", "Dropout dropout rate", "the rate of dropout"), Document("b", "梯度消失", "")]);

        Assert.StartsWith("// ", script);
        var assignment = script.Split('\n')[1];
        Assert.StartsWith("window.MLCourseSearchIndex = {", assignment);
        var root = JsonNode.Parse(assignment["window.MLCourseSearchIndex = ".Length..^1])!;
        var index = root["index"]!;
        Assert.Equal("""["title","text"]""", root["fields"]!.ToJsonString(Unescaped));
        Assert.Equal("""["kind","url","where","heading","excerpt"]""", root["storeFields"]!.ToJsonString(Unescaped));
        Assert.Equal(2, (int)index["serializationVersion"]!);
        Assert.Equal(2, (int)index["documentCount"]!);
        Assert.Equal(2, (int)index["nextId"]!);
        Assert.Equal("""{"0":"a","1":"b"}""", index["documentIds"]!.ToJsonString(Unescaped));
        Assert.Equal("""{"title":0,"text":1}""", index["fieldIds"]!.ToJsonString(Unescaped));
        Assert.Equal("""{"0":[2,2],"1":[3,0]}""", index["fieldLength"]!.ToJsonString(Unescaped));   // unique terms: {dropout, rate}, {rate, dropout}; three bigrams
        Assert.Equal("[2.5,1]", index["averageFieldLength"]!.ToJsonString(Unescaped));
        Assert.Equal(
            """[["dropout",{"0":{"0":2},"1":{"0":1}}],["rate",{"0":{"0":1},"1":{"0":1}}],["度消",{"0":{"1":1}}],["梯度",{"0":{"1":1}}],["消失",{"0":{"1":1}}]]""",
            index["index"]!.ToJsonString(Unescaped));
        Assert.Equal("""{"kind":"section","url":"b.html","where":"W","heading":"梯度消失","excerpt":""}""", index["storedFields"]!["1"]!.ToJsonString(Unescaped));
    }
}
