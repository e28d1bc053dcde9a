using MLCourse.Data;
using MLCourse.Trees;

namespace MLCourse.Tests.Trees;

public class RegressionTreeTests
{
    public static TheoryData<string> Cases => TreesGolden.Names("tree_regressor");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scikit_learn(string name)
    {
        var (c, train, y, heldOut) = TreesGolden.Load(name);
        var weight = c["sample_weight"] is { } w ? GoldenData.Vector(w) : null;

        var tree = new RegressionTree((int)c["max_depth"]!).Fit(train, y, weight);

        GoldenData.AssertRelative(GoldenData.Vector(c["predict_train"]), tree.Predict(train), 1e-9, "predict (training rows)");
        if (c["predict_held_out"] is { } expected)
            GoldenData.AssertRelative(GoldenData.Vector(expected), tree.Predict(heldOut), 1e-9, "predict (held-out rows)");
        if (c["nodes"] is { } nodes)   // stored where scikit-learn's tree does not depend on its seed
            TreesGolden.AssertNodes(nodes.AsObject(), tree.Nodes, 1e-9);
    }

    [Fact]
    public void The_reduction_of_every_split_is_the_direct_difference_of_squared_errors()
    {
        var data = Diabetes.Load();
        var bmi = data.X.Column(2);

        var splits = RegressionTree.Splits(bmi, data.Y);

        Assert.Equal(bmi.Distinct().Count() - 1, splits.Count);
        static double Sse(IEnumerable<double> values) { var v = values.ToArray(); var m = v.Average(); return v.Sum(t => (t - m) * (t - m)); }
        var total = Sse(data.Y);
        foreach (var split in splits)
        {
            var left = Enumerable.Range(0, 442).Where(i => bmi[i] <= split.Threshold).ToArray();
            Assert.Equal(left.Length, split.LeftCount);
            var direct = total - Sse(left.Select(i => data.Y[i])) - Sse(Enumerable.Range(0, 442).Except(left).Select(i => data.Y[i]));
            Assert.True(Math.Abs(direct - split.Gain) <= 1e-9 * split.Gain, $"threshold {split.Threshold}: {direct} vs {split.Gain}");
        }
        Assert.True(splits.Zip(splits.Skip(1)).All(p => p.First.Threshold < p.Second.Threshold));
    }

    [Fact]
    public void Thresholds_are_midpoints_between_distinct_values_and_x_at_the_threshold_goes_left()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1 }, { 1 }, { 2 }, { 4 }, { 4 }, { 7 } });
        var y = Vector<double>.Build.DenseOfArray([0, 0, 0, 10, 10, 10]);

        var splits = RegressionTree.Splits(x.Column(0), y);
        var tree = new RegressionTree(1).Fit(x, y);

        Assert.Equal([1.5, 3, 5.5], splits.Select(s => s.Threshold));
        Assert.Equal([2, 3, 5], splits.Select(s => s.LeftCount));
        Assert.Equal(3.0, tree.Nodes[0].Threshold);
        Assert.Equal([0.0, 0.0, 10.0], tree.Predict(Matrix<double>.Build.DenseOfArray(new double[,] { { 3 }, { 2.9 }, { 3.0000001 } })));
    }

    [Fact]
    public void Integer_weights_act_as_copies_of_the_samples()
    {
        var data = Diabetes.Load();
        var (x, y) = (data.X.SubMatrix(0, 60, 0, 10), data.Y.SubVector(0, 60));
        var copies = Enumerable.Range(0, 60).Select(i => 1 + i % 3).ToArray();
        var repeated = Enumerable.Range(0, 60).SelectMany(i => Enumerable.Repeat(i, copies[i])).ToArray();

        var weighted = new RegressionTree(3).Fit(x, y, Vector<double>.Build.Dense(60, i => copies[i]));
        var copied = new RegressionTree(3).Fit(Matrix<double>.Build.DenseOfRowVectors(repeated.Select(x.Row)), Vector<double>.Build.Dense(repeated.Length, k => y[repeated[k]]));

        Assert.Equal(copied.Nodes.Select(n => (n.Feature, n.Threshold)), weighted.Nodes.Select(n => (n.Feature, n.Threshold)));
        Assert.True((copied.Predict(data.X) - weighted.Predict(data.X)).InfinityNorm() < 1e-9);
        Assert.Equal(copied.Nodes[0].Samples, weighted.Nodes[0].Weight);
    }

    [Fact]
    public void Stops_at_pure_nodes_single_samples_and_constant_features()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 5 }, { 1, 5 }, { 2, 5 }, { 3, 5 } });
        var tree = new RegressionTree(5).Fit(x, Vector<double>.Build.DenseOfArray([1, 1, 2, 3]));

        Assert.All(tree.Nodes.Where(n => !n.IsLeaf), n => Assert.Equal(0, n.Feature));   // the constant feature is never split
        Assert.Equal([2, 1, 1], tree.Nodes.Where(n => n.IsLeaf).Select(n => n.Samples));   // {1, 1} is pure: no split
        Assert.Single(new RegressionTree(3).Fit(x.SubMatrix(0, 4, 1, 1), Vector<double>.Build.DenseOfArray([1, 2, 3, 4])).Nodes);
        Assert.Equal([1, 1, 3, 4], tree.Apply(x));   // node ids depth first: 0 root, 1 the pure leaf, 2 its sibling with leaves 3 and 4
    }

    [Fact]
    public void Leaves_of_apply_partition_the_training_data_and_predict_their_mean()
    {
        var data = Diabetes.Load();
        var tree = new RegressionTree(3).Fit(data.X, data.Y);

        var leaves = tree.Apply(data.X);

        foreach (var group in Enumerable.Range(0, 442).GroupBy(i => leaves[i]))
        {
            Assert.True(tree.Nodes[group.Key].IsLeaf);
            Assert.Equal(group.Count(), tree.Nodes[group.Key].Samples);
            Assert.Equal(group.Average(i => data.Y[i]), tree.Nodes[group.Key].Value[0], 10);
        }
        Assert.Equal(8, leaves.Distinct().Count());
    }

    [Fact]
    public void Rejects_invalid_arguments_naming_them()
    {
        Assert.Equal("maxDepth", Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionTree(0)).ParamName);
        var x = Matrix<double>.Build.Dense(5, 2, (i, j) => i + j);
        var y = Vector<double>.Build.Dense(5, i => i);
        var tree = new RegressionTree(2);
        Assert.Throws<InvalidOperationException>(() => tree.Nodes);
        var length = Assert.Throws<ArgumentException>(() => tree.Fit(x, Vector<double>.Build.Dense(4)));
        Assert.Equal("y", length.ParamName);
        Assert.Contains("5×2", length.Message);
        Assert.Equal("sampleWeight", Assert.Throws<ArgumentException>(() => tree.Fit(x, y, Vector<double>.Build.Dense(5, -1.0))).ParamName);
        Assert.Equal("sampleWeight", Assert.Throws<ArgumentException>(() => tree.Fit(x, y, Vector<double>.Build.Dense(5))).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => tree.Fit(x.Map(v => v == 3 ? double.NaN : v), y)).ParamName);
        tree.Fit(x, y);
        var columns = Assert.Throws<ArgumentException>(() => tree.Predict(Matrix<double>.Build.Dense(3, 3)));
        Assert.Equal("x", columns.ParamName);
        Assert.Contains("3×3", columns.Message);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => tree.Apply(Matrix<double>.Build.Dense(1, 2, double.NaN))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => RegressionTree.Splits(y, Vector<double>.Build.Dense(3))).ParamName);
        Assert.Equal("feature", Assert.Throws<ArgumentException>(() => RegressionTree.Splits(Vector<double>.Build.Dense(2, double.NaN), Vector<double>.Build.Dense(2))).ParamName);
    }
}
