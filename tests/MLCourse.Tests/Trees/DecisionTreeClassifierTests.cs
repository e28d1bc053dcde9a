using MLCourse.Classical;
using MLCourse.Data;
using MLCourse.Trees;

namespace MLCourse.Tests.Trees;

public class DecisionTreeClassifierTests
{
    public static TheoryData<string> Cases => TreesGolden.Names("tree_classifier");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scikit_learn(string name)
    {
        var (c, train, labels, heldOut) = TreesGolden.Load(name);
        var y = TreesGolden.Ints(labels);
        var weight = (bool)c["balanced"]! ? ClassWeights.Balanced(y) : null;   // class_weight="balanced" as sample weights

        var tree = new DecisionTreeClassifier((int)c["max_depth"]!).Fit(train, y, weight);

        GoldenData.AssertRelative(GoldenData.Matrix(c["predict_proba_train"]), tree.PredictProbability(train), 1e-9, "predict_proba (training rows)");
        Assert.Equal(GoldenData.Ints(c["predict_train"]), tree.Predict(train));
        if (c["predict_proba_held_out"] is { } expected)
            GoldenData.AssertRelative(GoldenData.Matrix(expected), tree.PredictProbability(heldOut), 1e-9, "predict_proba (held-out rows)");
        if (c["nodes"] is { } nodes)
            TreesGolden.AssertNodes(nodes.AsObject(), tree.Nodes, 1e-9);
    }

    private static (Matrix<double> X, int[] Y) Imbalanced(int n, int seed)
    {
        var data = Synthetic.ImbalancedGaussians(n, 50, 1.75, seed);   // 2% positives
        return (data.X, data.Y);
    }

    [Fact]
    public void Balanced_weights_grow_the_tree_of_the_data_with_the_minority_copied()
    {
        var (x, y) = Imbalanced(1000, seed: 1);
        var copies = 980 / 20;   // balanced weights 1000/(2·980) and 1000/(2·20) are in the ratio 1 : 49
        var rows = Enumerable.Range(0, 1000).SelectMany(i => Enumerable.Repeat(i, y[i] == 1 ? copies : 1)).ToArray();

        var weighted = new DecisionTreeClassifier(3).Fit(x, y, ClassWeights.Balanced(y));
        var copied = new DecisionTreeClassifier(3).Fit(Matrix<double>.Build.DenseOfRowVectors(rows.Select(x.Row)), rows.Select(i => y[i]).ToArray());

        Assert.Equal(copied.Nodes.Select(n => (n.Feature, n.Threshold)), weighted.Nodes.Select(n => (n.Feature, n.Threshold)));
        Assert.True((copied.PredictProbability(x) - weighted.PredictProbability(x)).InfinityNorm() < 1e-12);
        Assert.Equal(0.5, weighted.Nodes[0].Impurity, 12);   // balanced weights make the root 50:50
    }

    [Fact]
    public void Node_impurity_is_the_gini_of_its_weighted_class_counts_and_the_gain_its_weighted_decrease()
    {
        var (x, y) = Imbalanced(500, seed: 2);

        var tree = new DecisionTreeClassifier(2).Fit(x, y);
        var splits = DecisionTreeClassifier.Splits(x.Column(tree.Nodes[0].Feature), y);

        Assert.Equal(Impurity.Gini(490, 10), tree.Nodes[0].Impurity, 14);
        var best = splits.MaxBy(s => s.Gain);
        Assert.Equal(tree.Nodes[0].Threshold, best.Threshold);
        var (l, r) = (tree.Nodes[tree.Nodes[0].Left], tree.Nodes[tree.Nodes[0].Right]);
        Assert.Equal(500 * tree.Nodes[0].Impurity - l.Weight * l.Impurity - r.Weight * r.Impurity, best.Gain, 10);
        var leftPositives = Enumerable.Range(0, 500).Count(i => x[i, tree.Nodes[0].Feature] <= best.Threshold && y[i] == 1);
        Assert.Equal(leftPositives / (double)l.Samples, l.Value[1], 14);
    }

    [Fact]
    public void Labels_can_be_any_integers_and_ties_predict_the_smaller_label()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0 }, { 0 }, { 1 }, { 1 }, { 1 } });
        var tree = new DecisionTreeClassifier(1).Fit(x.SubMatrix(0, 2, 0, 1), [7, -3]);

        Assert.Equal([-3, 7], tree.Classes);
        Assert.Equal([-3], tree.Predict(x.SubMatrix(0, 1, 0, 1)));   // one 50:50 leaf: the smaller label
        var three = new DecisionTreeClassifier(2).Fit(x, [5, 5, 9, 2, 9]);
        Assert.Equal([2, 5, 9], three.Classes);
        Assert.Equal([0, 1, 0], three.PredictProbability(x).Row(0).ToArray());
        Assert.Equal([5, 5, 9, 9, 9], three.Predict(x));
        Assert.Single(new DecisionTreeClassifier(3).Fit(x, [4, 4, 4, 4, 4]).Nodes);
    }

    [Fact]
    public void Rejects_invalid_arguments_naming_them()
    {
        Assert.Equal("maxDepth", Assert.Throws<ArgumentOutOfRangeException>(() => new DecisionTreeClassifier(0)).ParamName);
        var data = BreastCancer.Load();
        var tree = new DecisionTreeClassifier(2);
        Assert.Throws<InvalidOperationException>(() => tree.Classes);
        Assert.Throws<InvalidOperationException>(() => tree.Predict(data.X));
        var length = Assert.Throws<ArgumentException>(() => tree.Fit(data.X, data.Y.Take(100).ToArray()));
        Assert.Equal("y", length.ParamName);
        Assert.Contains("569×30", length.Message);
        Assert.Equal("sampleWeight", Assert.Throws<ArgumentException>(() => tree.Fit(data.X, data.Y, Vector<double>.Build.Dense(3, 1.0))).ParamName);
        tree.Fit(data.X, data.Y);
        var columns = Assert.Throws<ArgumentException>(() => tree.PredictProbability(Matrix<double>.Build.Dense(4, 29)));
        Assert.Equal("x", columns.ParamName);
        Assert.Contains("4×29", columns.Message);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => DecisionTreeClassifier.Splits(data.X.Column(0), [1, 0])).ParamName);
    }
}
