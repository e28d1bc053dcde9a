using MLCourse.Metrics;

namespace MLCourse.Tests.Metrics;

public class ClassificationTests
{
    private const string File = "metrics.json";
    private const double Relative = 1e-9;

    public static TheoryData<string> Cases => GoldenData.Names(File, "classification");


    private static Averaging Parse(string average) => average switch
    {
        "binary" => Averaging.Binary,
        "micro" => Averaging.Micro,
        "macro" => Averaging.Macro,
        _ => Averaging.Weighted,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Confusion_matrix_accuracy_and_balanced_accuracy_match_scikit_learn(string name)
    {
        var c = GoldenData.Case(File, name);
        var (yTrue, yPred) = (GoldenData.Ints(c["y_true"]), GoldenData.Ints(c["y_pred"]));

        Assert.Equal(GoldenData.Ints(c["labels"]), Classification.Labels(yTrue, yPred));
        Assert.Equal(GoldenData.Matrix(c["confusion_matrix"]), Classification.ConfusionMatrix(yTrue, yPred));
        GoldenData.AssertRelative(GoldenData.Number(c["accuracy"]), Classification.Accuracy(yTrue, yPred), Relative, "accuracy");
        GoldenData.AssertRelative(GoldenData.Number(c["balanced_accuracy"]), Classification.BalancedAccuracy(yTrue, yPred), Relative, "balanced_accuracy");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Precision_recall_fscore_support_matches_scikit_learn_for_every_average_beta_and_zero_division(string name)
    {
        var c = GoldenData.Case(File, name);
        var (yTrue, yPred, positive) = (GoldenData.Ints(c["y_true"]), GoldenData.Ints(c["y_pred"]), (int)c["pos_label"]!);

        foreach (var s in c["scores"]!.AsArray().Select(s => s!.AsObject()))
        {
            var (beta, zero, average) = ((double)s["beta"]!, (double)s["zero_division"]!, (string)s["average"]!);
            var what = $"{average}, beta {beta}, zero_division {zero}";
            if (average == "none")
            {
                var scores = Classification.PerClass(yTrue, yPred, beta, zero);
                Assert.Equal(GoldenData.Ints(c["labels"]), scores.Labels);
                GoldenData.AssertRelative(GoldenData.Vector(s["precision"]), scores.Precision, Relative, $"{what}: precision");
                GoldenData.AssertRelative(GoldenData.Vector(s["recall"]), scores.Recall, Relative, $"{what}: recall");
                GoldenData.AssertRelative(GoldenData.Vector(s["f"]), scores.FScore, Relative, $"{what}: f");
                Assert.Equal(GoldenData.Ints(s["support"]), scores.Support);
                continue;
            }
            var (p, r, f) = Classification.Averaged(yTrue, yPred, Parse(average), beta, positive, zero);
            GoldenData.AssertRelative(GoldenData.Vector(s["precision"])[0], p, Relative, $"{what}: precision");
            GoldenData.AssertRelative(GoldenData.Vector(s["recall"])[0], r, Relative, $"{what}: recall");
            GoldenData.AssertRelative(GoldenData.Vector(s["f"])[0], f, Relative, $"{what}: f");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_binary_shorthands_are_the_binary_average(string name)
    {
        var c = GoldenData.Case(File, name);
        var (yTrue, yPred, positive) = (GoldenData.Ints(c["y_true"]), GoldenData.Ints(c["y_pred"]), (int)c["pos_label"]!);
        if (GoldenData.Ints(c["labels"]).Length > 2) return;

        foreach (var zero in new[] { 0.0, 1.0 })
        {
            var (p, r, f) = Classification.Averaged(yTrue, yPred, Averaging.Binary, 1, positive, zero);
            Assert.Equal(p, Classification.Precision(yTrue, yPred, positive, zero));
            Assert.Equal(r, Classification.Recall(yTrue, yPred, positive, zero));
            Assert.Equal(f, Classification.F1(yTrue, yPred, positive, zero));
            Assert.Equal(Classification.Averaged(yTrue, yPred, Averaging.Binary, 2, positive, zero).FScore, Classification.FBeta(yTrue, yPred, 2, positive, zero));
        }
    }

    [Fact]
    public void F1_is_the_harmonic_mean_and_micro_averages_equal_accuracy()
    {
        int[] yTrue = [0, 1, 2, 2, 1, 0, 2, 1, 1, 0, 2, 2];
        int[] yPred = [0, 2, 2, 1, 1, 0, 2, 0, 1, 1, 2, 0];
        var s = Classification.PerClass(yTrue, yPred);
        for (var k = 0; k < 3; k++)
            Assert.Equal(2 / (1 / s.Precision[k] + 1 / s.Recall[k]), s.FScore[k], 14);

        var micro = Classification.Averaged(yTrue, yPred, Averaging.Micro);
        var accuracy = Classification.Accuracy(yTrue, yPred);
        Assert.Equal(accuracy, micro.Precision, 15);
        Assert.Equal(accuracy, micro.Recall, 15);
        Assert.Equal(accuracy, micro.FScore, 15);
    }

    [Fact]
    public void Beta_zero_gives_precision_and_beta_infinity_recall()
    {
        int[] yTrue = [1, 1, 1, 0, 0, 1, 0];
        int[] yPred = [1, 0, 1, 1, 0, 0, 0];

        Assert.Equal(Classification.Precision(yTrue, yPred), Classification.FBeta(yTrue, yPred, 0), 15);
        Assert.Equal(Classification.Recall(yTrue, yPred), Classification.FBeta(yTrue, yPred, double.PositiveInfinity));
    }

    [Fact]
    public void A_constant_prediction_has_balanced_accuracy_one_half()
    {
        int[] yTrue = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

        Assert.Equal(0.9, Classification.Accuracy(yTrue, new int[10]));
        Assert.Equal(0.5, Classification.BalancedAccuracy(yTrue, new int[10]));
    }

    [Fact]
    public void Mismatched_lengths_name_yPred_and_both_lengths()
    {
        int[] yTrue = [0, 1, 1];
        int[] yPred = [0, 1];
        Action[] calls =
        [
            () => Classification.Labels(yTrue, yPred), () => Classification.ConfusionMatrix(yTrue, yPred),
            () => Classification.Accuracy(yTrue, yPred), () => Classification.BalancedAccuracy(yTrue, yPred),
            () => Classification.PerClass(yTrue, yPred), () => Classification.Averaged(yTrue, yPred, Averaging.Macro),
            () => Classification.F1(yTrue, yPred),
        ];
        foreach (var call in calls)
        {
            var e = Assert.Throws<ArgumentException>(call);
            Assert.Equal("yPred", e.ParamName);
            Assert.Contains("length 3", e.Message);
            Assert.Contains("length 2", e.Message);
        }
    }

    [Fact]
    public void Invalid_options_name_their_parameter()
    {
        int[] two = [0, 1, 1];
        int[] three = [0, 1, 2];

        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => Classification.Accuracy([], [])).ParamName);
        Assert.Equal("average", Assert.Throws<ArgumentException>(() => Classification.Averaged(three, two, Averaging.Binary)).ParamName);
        Assert.Equal("positiveLabel", Assert.Throws<ArgumentException>(() => Classification.Precision(two, two, positiveLabel: 7)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => Classification.FBeta(two, two, -1)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => Classification.PerClass(two, two, double.NaN)).ParamName);
        Assert.Equal("zeroDivision", Assert.Throws<ArgumentOutOfRangeException>(() => Classification.Recall(two, two, zeroDivision: 0.5)).ParamName);
    }
}
