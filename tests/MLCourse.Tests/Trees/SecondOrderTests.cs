using MLCourse.Data;
using MLCourse.Trees;

namespace MLCourse.Tests.Trees;

public class SecondOrderTests
{
    public static TheoryData<string> SplitCases => TreesGolden.Names("second_order_split");

    public static TheoryData<string> StructureCases => TreesGolden.Names("second_order_structure");

    [Theory]
    [MemberData(nameof(SplitCases))]
    public void Gains_match_the_formula_and_the_brute_force_minimisation(string name)
    {
        var c = TreesGolden.Case(name);
        var x = GoldenData.Matrix(c["x"]);
        var raw = GoldenData.Vector(c["raw"]);
        var (g, h) = (string)c["loss"]! == "squared"
            ? SecondOrder.SquaredErrorGradients(GoldenData.Vector(c["y"]), raw)
            : SecondOrder.LogisticGradients(GoldenData.Ints(c["labels"]), raw);
        GoldenData.AssertRelative(GoldenData.Vector(c["g"]), g, 1e-12, "g");
        GoldenData.AssertRelative(GoldenData.Vector(c["h"]), h, 1e-12, "h");
        var (lambda, gamma) = ((double)c["lambda"]!, (double)c["gamma"]!);

        var splits = Enumerable.Range(0, x.ColumnCount).SelectMany(f => SecondOrder.Splits(x.Column(f), g, h, lambda, gamma)
            .Select(s => s with { Feature = f })).ToList();

        Assert.Equal(GoldenData.Ints(c["candidate_feature"]), splits.Select(s => s.Feature));
        Assert.Equal(GoldenData.Ints(c["candidate_left"]), splits.Select(s => s.LeftCount));
        GoldenData.AssertRelative(GoldenData.Vector(c["candidate_threshold"]), Vector<double>.Build.DenseOfEnumerable(splits.Select(s => s.Threshold)), 1e-15, "thresholds");
        var gains = Vector<double>.Build.DenseOfEnumerable(splits.Select(s => s.Gain));
        var formula = GoldenData.Vector(c["gain_formula"]);
        Assert.True((gains - formula).InfinityNorm() <= 1e-12 * formula.InfinityNorm(), "gains vs the formula in Python");
        // The brute-force gain is a difference of numerically minimised objectives: accurate to ~1e-12 of their size.
        var brute = GoldenData.Vector(c["gain_brute_force"]);
        Assert.True((gains - brute).InfinityNorm() <= 1e-9 * brute.InfinityNorm(), "gains vs brute force");

        var best = SecondOrder.BestSplit(x, g, h, lambda, gamma)!.Value;
        Assert.Equal((int)c["best_feature"]!, best.Feature);
        Assert.Equal((double)c["best_threshold"]!, best.Threshold);
        GoldenData.AssertRelative((double)c["best_gain_brute_force"]!, best.Gain, 1e-9, "best gain");
    }

    [Theory]
    [MemberData(nameof(StructureCases))]
    public void Leaf_weights_and_structure_score_match_the_brute_force_minimum(string name)
    {
        var c = TreesGolden.Case(name);
        var (g, h, leaves) = (GoldenData.Vector(c["g"]), GoldenData.Vector(c["h"]), GoldenData.Ints(c["leaves"]));
        var (lambda, gamma) = ((double)c["lambda"]!, (double)c["gamma"]!);
        var (leafG, leafH) = (GoldenData.Vector(c["leaf_g"]), GoldenData.Vector(c["leaf_h"]));

        var weights = Vector<double>.Build.Dense(leafG.Count, j => SecondOrder.LeafWeight(leafG[j], leafH[j], lambda));
        var score = SecondOrder.StructureScore(leaves, g, h, lambda, gamma);

        GoldenData.AssertRelative(GoldenData.Vector(c["weight_formula"]), weights, 1e-14, "w* = −G/(H + λ)");
        GoldenData.AssertRelative(GoldenData.Vector(c["weight_brute_force"]), weights, 1e-6, "w* vs the numerical minimiser (Brent, ~1e-8)");
        GoldenData.AssertRelative((double)c["score_formula"]!, score, 1e-13, "Obj*");
        GoldenData.AssertRelative((double)c["score_brute_force"]!, score, 1e-12, "Obj* vs the minimised objective");
    }

    [Fact]
    public void For_squared_loss_without_penalty_the_gain_is_half_the_cart_reduction()
    {
        var data = Diabetes.Load();
        var raw = Vector<double>.Build.Dense(442, data.Y.Average());
        var (g, h) = SecondOrder.SquaredErrorGradients(data.Y, raw);

        var gains = SecondOrder.Splits(data.X.Column(8), g, h, lambda: 0);
        var reductions = RegressionTree.Splits(data.X.Column(8), data.Y);

        Assert.Equal(reductions.Select(r => r.Threshold), gains.Select(s => s.Threshold));
        Assert.All(gains.Zip(reductions), p => Assert.Equal(0.5 * p.Second.Gain, p.First.Gain, 1e-9 * p.Second.Gain));
        Assert.Equal(SecondOrder.LeafWeight(g.Sum(), h.Sum(), 0), -g.Average(), 12);   // λ = 0: the mean residual
    }

    [Fact]
    public void Logistic_gradients_are_the_derivatives_of_the_log_loss()
    {
        var raw = Vector<double>.Build.DenseOfArray([-3, -0.5, 0, 0.7, 4, -40, 40]);
        int[] y = [0, 1, 1, 0, 1, 1, 0];
        double Loss(int label, double f) => Math.Log(1 + Math.Exp(-Math.Abs(f))) + Math.Max(f, 0) - label * f;

        var (g, h) = SecondOrder.LogisticGradients(y, raw);

        for (var i = 0; i < 7; i++)
        {
            const double step = 1e-4;
            var (up, mid, down) = (Loss(y[i], raw[i] + step), Loss(y[i], raw[i]), Loss(y[i], raw[i] - step));
            Assert.Equal((up - down) / (2 * step), g[i], 8);
            Assert.Equal((up - 2 * mid + down) / (step * step), h[i], 5);
        }
        Assert.True(h.All(v => v >= 0 && v <= 0.25));
    }

    [Fact]
    public void Gamma_subtracts_from_every_gain_and_children_without_hessian_are_not_candidates()
    {
        var feature = Vector<double>.Build.DenseOfArray([1, 2, 3, 4]);
        var g = Vector<double>.Build.DenseOfArray([1, -1, 2, -2]);

        var withGamma = SecondOrder.Splits(feature, g, Vector<double>.Build.Dense(4, 1.0), 1, gamma: 0.5);
        var without = SecondOrder.Splits(feature, g, Vector<double>.Build.Dense(4, 1.0), 1, gamma: 0);
        var noHessian = SecondOrder.Splits(feature, g, Vector<double>.Build.DenseOfArray([0, 1, 1, 1]), lambda: 0);

        Assert.All(withGamma.Zip(without), p => Assert.Equal(p.Second.Gain - 0.5, p.First.Gain, 14));
        Assert.Equal(double.NegativeInfinity, noHessian[0].Gain);   // the left child {x = 1} has H + λ = 0
        Assert.True(double.IsFinite(noHessian[1].Gain));
        Assert.Null(SecondOrder.BestSplit(Matrix<double>.Build.Dense(4, 2, 3.0), g, Vector<double>.Build.Dense(4, 1.0)));
    }

    [Fact]
    public void Rejects_invalid_arguments_naming_them()
    {
        Assert.Equal("hessianSum", Assert.Throws<ArgumentOutOfRangeException>(() => SecondOrder.LeafWeight(1, -1, 1)).ParamName);
        Assert.Equal("lambda", Assert.Throws<ArgumentOutOfRangeException>(() => SecondOrder.LeafWeight(1, 1, -1)).ParamName);
        Assert.Equal("hessianSum", Assert.Throws<ArgumentException>(() => SecondOrder.LeafWeight(1, 0, 0)).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => SecondOrder.SplitGain(1, 1, 1, 1, 1, -1)).ParamName);
        Assert.Equal("hessianRight", Assert.Throws<ArgumentException>(() => SecondOrder.SplitGain(1, 1, 1, 0, 0, 0)).ParamName);
        var (g, h) = (Vector<double>.Build.Dense(3, 1.0), Vector<double>.Build.Dense(3, 1.0));
        Assert.Equal("leaves", Assert.Throws<ArgumentException>(() => SecondOrder.StructureScore([0, 1], g, h, 1, 0)).ParamName);
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => SecondOrder.StructureScore([0, 0, 1], g, -h, 1, 0)).ParamName);
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => SecondOrder.StructureScore([0, 0, 1], g, 0 * h, 0, 0)).ParamName);
        Assert.Equal("g", Assert.Throws<ArgumentException>(() => SecondOrder.Splits(Vector<double>.Build.Dense(4), g, h)).ParamName);
        var rows = Assert.Throws<ArgumentException>(() => SecondOrder.BestSplit(Matrix<double>.Build.Dense(4, 2), Vector<double>.Build.Dense(3), h));
        Assert.Equal("g", rows.ParamName);
        Assert.Contains("4×2", rows.Message);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => SecondOrder.LogisticGradients([0, 2, 1], g)).ParamName);
        Assert.Equal("raw", Assert.Throws<ArgumentException>(() => SecondOrder.LogisticGradients([0, 1], g)).ParamName);
        Assert.Equal("raw", Assert.Throws<ArgumentException>(() => SecondOrder.SquaredErrorGradients(g, Vector<double>.Build.Dense(2))).ParamName);
    }
}
