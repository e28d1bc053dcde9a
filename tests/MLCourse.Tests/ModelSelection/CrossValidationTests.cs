using System.Text.Json.Nodes;
using MLCourse.ModelSelection;

namespace MLCourse.Tests.ModelSelection;

public class CrossValidationTests
{
    private const string File = "cross_validation.json";

    public static TheoryData<string> KFoldCases => GoldenData.Names(File, "kfold");

    public static TheoryData<string> StratifiedCases => GoldenData.Names(File, "stratified");


    private static void AssertSplits(JsonObject c, IReadOnlyList<(int[] Train, int[] Test)> splits)
    {
        var expected = c["splits"]!.AsArray();
        Assert.Equal(expected.Count, splits.Count);
        for (var f = 0; f < splits.Count; f++)
        {
            Assert.Equal(GoldenData.Ints(expected[f]!["test"]), splits[f].Test);
            Assert.Equal(GoldenData.Ints(expected[f]!["train"]), splits[f].Train);
        }
    }

    [Theory]
    [MemberData(nameof(KFoldCases))]
    public void KFold_without_shuffling_gives_scikit_learns_folds(string name)
    {
        var c = GoldenData.Case(File, name);

        AssertSplits(c, CrossValidation.KFold((int)c["n"]!, (int)c["k"]!));
    }

    [Theory]
    [MemberData(nameof(StratifiedCases))]
    public void StratifiedKFold_without_shuffling_gives_scikit_learns_folds(string name)
    {
        var c = GoldenData.Case(File, name);

        AssertSplits(c, CrossValidation.StratifiedKFold(GoldenData.Ints(c["labels"]), (int)c["k"]!));
    }

    [Fact]
    public void Shuffled_folds_test_every_sample_once_and_are_reproducible_from_the_seed()
    {
        var labels = Enumerable.Range(0, 47).Select(i => i % 5 == 0 ? 1 : 0).ToArray();
        foreach (var splits in new[] { CrossValidation.KFold(47, 4, shuffle: true, seed: 9), CrossValidation.StratifiedKFold(labels, 4, shuffle: true, seed: 9) })
        {
            Assert.Equal(Enumerable.Range(0, 47), splits.SelectMany(s => s.Test).Order());
            Assert.All(splits, s => Assert.Equal(Enumerable.Range(0, 47), s.Train.Concat(s.Test).Order()));
            Assert.All(splits, s => Assert.Equal(s.Test.Order(), s.Test));
        }
        Assert.Equal(CrossValidation.KFold(47, 4, true, 9).Select(s => s.Test), CrossValidation.KFold(47, 4, true, 9).Select(s => s.Test));
        Assert.NotEqual(CrossValidation.KFold(47, 4).Select(s => s.Test), CrossValidation.KFold(47, 4, true, 9).Select(s => s.Test));
    }

    [Fact]
    public void Shuffled_stratified_folds_keep_the_class_counts_of_the_unshuffled_ones()
    {
        var labels = Enumerable.Range(0, 60).Select(i => i % 7 == 0 ? 2 : i % 3 == 0 ? 1 : 0).ToArray();
        int[] Positives(IEnumerable<(int[] Train, int[] Test)> splits, int label) => splits.Select(s => s.Test.Count(i => labels[i] == label)).ToArray();

        var (plain, shuffled) = (CrossValidation.StratifiedKFold(labels, 5), CrossValidation.StratifiedKFold(labels, 5, shuffle: true, seed: 2));

        Assert.NotEqual(plain.Select(s => s.Test), shuffled.Select(s => s.Test));
        foreach (var label in new[] { 0, 1, 2 })
            Assert.Equal(Positives(plain, label), Positives(shuffled, label));
    }

    [Fact]
    public void Invalid_fold_counts_name_their_parameter_and_both_numbers()
    {
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.KFold(10, 1)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.StratifiedKFold([0, 1, 0, 1], 0)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => CrossValidation.KFold(3, 4));
        Assert.Equal("n", e.ParamName);
        Assert.Contains("3 samples but k = 4", e.Message);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => CrossValidation.StratifiedKFold([0, 1, 0], 4)).ParamName);
        var small = Assert.Throws<ArgumentException>(() => CrossValidation.StratifiedKFold([0, 1, 0, 1, 2, 2], 3));
        Assert.Equal("k", small.ParamName);
        Assert.Contains("largest has 2", small.Message);
        Assert.Throws<ArgumentNullException>(() => CrossValidation.StratifiedKFold(null!, 2));
    }
}
