using System.Text.Json.Nodes;
using MLCourse.Data;
using MLCourse.Metrics;

namespace MLCourse.Tests.Metrics;

public class RankingTests
{
    private const string File = "metrics.json";
    private const double Relative = 1e-9;

    public static TheoryData<string> Cases => GoldenData.Names(File, "ranking");

    /// <summary>A case's scores and labels: inline, or a breast cancer feature against 1 = malignant.</summary>
    private static (Vector<double> Scores, int[] Labels) Data(JsonObject c)
    {
        if (c["data"] is null) return (GoldenData.Vector(c["scores"]), GoldenData.Ints(c["labels"]));
        var cancer = BreastCancer.Load();
        var feature = cancer.FeatureNames.ToList().IndexOf((string)c["feature"]!);
        return (cancer.X.Column(feature), cancer.Y.Select(y => 1 - y).ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Roc_auc_matches_scikit_learn_or_is_undefined_with_one_class(string name)
    {
        var c = GoldenData.Case(File, name);
        var (scores, labels) = Data(c);

        if ((bool)c["auc_defined"]!)
            GoldenData.AssertRelative(GoldenData.Number(c["roc_auc"]), Ranking.RocAuc(scores, labels), Relative, "roc_auc");
        else
            Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Ranking.RocAuc(scores, labels)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Average_precision_matches_scikit_learn(string name)
    {
        var c = GoldenData.Case(File, name);
        var (scores, labels) = Data(c);

        GoldenData.AssertRelative(GoldenData.Number(c["average_precision"]), Ranking.AveragePrecision(scores, labels), Relative, "average_precision");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Roc_curve_matches_scikit_learn_with_and_without_dropping_collinear_points(string name)
    {
        var c = GoldenData.Case(File, name);
        var (scores, labels) = Data(c);

        foreach (var (key, drop) in new[] { ("roc", true), ("roc_all", false) })
        {
            var (fpr, tpr, thresholds) = Ranking.RocCurve(scores, labels, drop);
            GoldenData.AssertRelative(GoldenData.Vector(c[key]!["fpr"]), fpr, Relative, $"{key} fpr");
            GoldenData.AssertRelative(GoldenData.Vector(c[key]!["tpr"]), tpr, Relative, $"{key} tpr");
            GoldenData.AssertRelative(GoldenData.Vector(c[key]!["thresholds"]), thresholds, Relative, $"{key} thresholds");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Precision_recall_curve_matches_scikit_learn(string name)
    {
        var c = GoldenData.Case(File, name);
        var (scores, labels) = Data(c);

        var (precision, recall, thresholds) = Ranking.PrecisionRecallCurve(scores, labels);

        GoldenData.AssertRelative(GoldenData.Vector(c["pr"]!["precision"]), precision, Relative, "precision");
        GoldenData.AssertRelative(GoldenData.Vector(c["pr"]!["recall"]), recall, Relative, "recall");
        GoldenData.AssertRelative(GoldenData.Vector(c["pr"]!["thresholds"]), thresholds, Relative, "thresholds");
    }

    [Fact]
    public void Auc_is_the_probability_that_a_positive_outscores_a_negative_with_ties_counted_half()
    {
        var random = Rng.Create(3);
        var scores = Vector<double>.Build.Dense(80, _ => random.Next(6));   // six levels: many ties
        var labels = Enumerable.Range(0, 80).Select(_ => random.Next(2)).ToArray();
        var (positives, negatives) = (Enumerable.Range(0, 80).Where(i => labels[i] == 1).ToList(), Enumerable.Range(0, 80).Where(i => labels[i] == 0).ToList());

        var pairs = positives.SelectMany(p => negatives.Select(n => scores[p] > scores[n] ? 1.0 : scores[p] == scores[n] ? 0.5 : 0.0)).Average();

        Assert.Equal(pairs, Ranking.RocAuc(scores, labels), 15);
    }

    [Fact]
    public void Auc_depends_only_on_the_order_of_the_scores()
    {
        var scores = Rng.StandardNormal(50, Rng.Create(4));
        var labels = scores.Select((s, i) => s + (i % 3 == 0 ? 1 : 0) > 0.5 ? 1 : 0).ToArray();

        Assert.Equal(Ranking.RocAuc(scores, labels), Ranking.RocAuc(scores.Map(Math.Exp), labels), 15);
        Assert.Equal(1 - Ranking.RocAuc(scores, labels), Ranking.RocAuc(-scores, labels), 14);
    }

    [Fact]
    public void All_tied_scores_give_auc_one_half_and_average_precision_the_prevalence()
    {
        var scores = Vector<double>.Build.Dense(8, 3.0);
        int[] labels = [1, 0, 0, 1, 0, 0, 0, 0];

        Assert.Equal(0.5, Ranking.RocAuc(scores, labels));
        Assert.Equal(0.25, Ranking.AveragePrecision(scores, labels));
    }

    [Fact]
    public void Without_positives_average_precision_is_0_and_the_pr_recall_is_1_as_in_scikit_learn()
    {
        var scores = Vector<double>.Build.DenseOfArray([0.2, 0.9, 0.4]);
        int[] labels = [0, 0, 0];

        Assert.Equal(0.0, Ranking.AveragePrecision(scores, labels));
        Assert.All(Ranking.PrecisionRecallCurve(scores, labels).Recall.Take(3), r => Assert.Equal(1.0, r));
        Assert.All(Ranking.RocCurve(scores, labels).TruePositiveRate, r => Assert.True(double.IsNaN(r)));
    }

    [Fact]
    public void Mismatched_lengths_name_labels_and_both_lengths()
    {
        var scores = Vector<double>.Build.Dense(5);
        int[] labels = [0, 1, 0, 1];
        foreach (var call in Calls(scores, labels))
        {
            var e = Assert.Throws<ArgumentException>(call);
            Assert.Equal("labels", e.ParamName);
            Assert.Contains("length 5", e.Message);
            Assert.Contains("length 4", e.Message);
        }
    }

    [Fact]
    public void A_label_other_than_0_or_1_names_labels_and_the_offending_entry()
    {
        var scores = Vector<double>.Build.Dense(3);
        foreach (var call in Calls(scores, [0, 2, 1]))
        {
            var e = Assert.Throws<ArgumentException>(call);
            Assert.Equal("labels", e.ParamName);
            Assert.Contains("labels[1] is 2", e.Message);
        }
    }

    [Fact]
    public void Non_finite_scores_and_empty_input_name_scores()
    {
        foreach (var call in Calls(Vector<double>.Build.DenseOfArray([0.1, double.NaN]), [0, 1]))
            Assert.Equal("scores", Assert.Throws<ArgumentException>(call).ParamName);
        foreach (var call in Calls(Vector<double>.Build.Dense(0), []))
            Assert.Equal("scores", Assert.Throws<ArgumentException>(call).ParamName);
    }

    [Fact]
    public void One_class_only_makes_the_auc_undefined()
    {
        var e = Assert.Throws<ArgumentException>(() => Ranking.RocAuc(Vector<double>.Build.DenseOfArray([0.1, 0.7]), [1, 1]));

        Assert.Equal("labels", e.ParamName);
        Assert.Contains("undefined", e.Message);
    }

    private static Action[] Calls(Vector<double> scores, int[] labels) =>
    [
        () => Ranking.RocAuc(scores, labels), () => Ranking.AveragePrecision(scores, labels),
        () => Ranking.RocCurve(scores, labels), () => Ranking.PrecisionRecallCurve(scores, labels),
    ];
}
