using System.Text.Json.Nodes;
using MLCourse.Metrics;

namespace MLCourse.Tests.Metrics;

/// <summary>Sentence BLEU against Golden/bleu.json (NLTK 3.8's sentence_bleu and its helpers), at 1e-9 relative.</summary>
public class BleuTests
{
    private const string File = "bleu.json";
    private const double Relative = 1e-9;

    public static TheoryData<string> Cases => GoldenData.Names(File);

    private static readonly Dictionary<string, (BleuSmoothing Smoothing, double Epsilon)> Smoothers = new()
    {
        ["none"] = (BleuSmoothing.None, 0.1),
        ["epsilon"] = (BleuSmoothing.AddEpsilon, 0.1),
        ["epsilon 0.5"] = (BleuSmoothing.AddEpsilon, 0.5),
        ["add one"] = (BleuSmoothing.AddOne, 0.1),
        ["nist"] = (BleuSmoothing.Nist, 0.1),
    };

    private static (string[] Candidate, string[][] References, double[] Weights) Read(JsonObject c) =>
        (GoldenData.Strings(c["candidate"]), c["references"]!.AsArray().Select(GoldenData.Strings).ToArray(), GoldenData.Vector(c["weights"]).ToArray());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sentence_bleu_matches_nltk_with_every_smoothing(string name)
    {
        var c = GoldenData.Case(File, name);
        var (candidate, references, weights) = Read(c);

        foreach (var (key, (smoothing, epsilon)) in Smoothers)
            GoldenData.AssertRelative(GoldenData.Number(c["bleu"]![key]), Bleu.Sentence(candidate, references, weights, smoothing, epsilon), Relative, key);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Clipped_counts_reference_length_and_brevity_penalty_match_nltk(string name)
    {
        var c = GoldenData.Case(File, name);
        var (candidate, references, weights) = Read(c);
        var (matches, denominators) = (GoldenData.Ints(c["matches"]), GoldenData.Ints(c["denominators"]));

        for (var n = 1; n <= weights.Length; n++)
        {
            var (m, total) = Bleu.ModifiedPrecision(candidate, references, n);
            Assert.Equal(matches[n - 1], m);
            Assert.Equal(denominators[n - 1], Math.Max(1, total));
        }
        var length = Bleu.ClosestReferenceLength(candidate, references);
        Assert.Equal((int)c["closest_ref_length"]!, length);
        GoldenData.AssertRelative(GoldenData.Number(c["brevity_penalty"]), Bleu.BrevityPenalty(candidate.Length, length), Relative, "brevity penalty");
    }

    [Fact]
    public void Candidates_equal_to_a_reference_score_exactly_one()
    {
        string[] reference = ["a", "quick", "brown", "fox", "jumps"];

        Assert.Equal(1.0, Bleu.Sentence(reference, [reference]));
        Assert.Equal(1.0, Bleu.Sentence(reference, [["something", "else"], reference]));
    }

    [Fact]
    public void Tokens_are_compared_as_whole_strings_inside_ngrams()
    {
        // "a b" + "c" and "a" + "b c" must not be confused with each other (n-grams are joined by U+001F, not a space).
        Assert.Equal((0, 1), Bleu.ModifiedPrecision(["a b", "c"], [["a", "b c"]], 2));
    }

    [Fact]
    public void Bad_arguments_throw_naming_them()
    {
        string[] candidate = ["a", "b"];

        Assert.Equal("references", Assert.Throws<ArgumentException>(() => Bleu.Sentence(candidate, [])).ParamName);
        Assert.Equal("references", Assert.Throws<ArgumentException>(() => Bleu.Sentence(candidate, [null!])).ParamName);
        Assert.Equal("candidate", Assert.Throws<ArgumentNullException>(() => Bleu.Sentence(null!, [candidate])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => Bleu.Sentence(candidate, [candidate], [])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentOutOfRangeException>(() => Bleu.Sentence(candidate, [candidate], [0.5, -0.5])).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => Bleu.Sentence(candidate, [candidate], smoothing: BleuSmoothing.AddEpsilon, epsilon: 0)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Bleu.ModifiedPrecision(candidate, [candidate], 0)).ParamName);
        Assert.Equal("candidateLength", Assert.Throws<ArgumentOutOfRangeException>(() => Bleu.BrevityPenalty(-1, 3)).ParamName);
    }
}
