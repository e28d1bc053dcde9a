using MLCourse.Data;
using MLCourse.Trees;

namespace MLCourse.Tests.Trees;

public class GradientBoostingRegressorTests
{
    public static TheoryData<string> Cases => TreesGolden.Names("gbr");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scikit_learn(string name)
    {
        var (c, train, y, heldOut) = TreesGolden.Load(name);

        var model = new GradientBoostingRegressor((int)c["estimators"]!, (double)c["learning_rate"]!, (int)c["max_depth"]!).Fit(train, y);

        GoldenData.AssertRelative((double)c["init"]!, model.InitialPrediction, 1e-12, "init");
        GoldenData.AssertRelative(GoldenData.Vector(c["train_score"]), Vector<double>.Build.DenseOfEnumerable(model.TrainLoss), 1e-9, "train_score_");
        GoldenData.AssertRelative(GoldenData.Vector(c["predict_train"]), model.Predict(train), 1e-9, "predict (training rows)");
        if (c["predict_held_out"] is { } expected)   // stored only where scikit-learn's held-out predictions do not depend on its seed
            GoldenData.AssertRelative(GoldenData.Vector(expected), model.Predict(heldOut), 1e-9, "predict (held-out rows)");
        // scikit-learn's default criterion "friedman_mse" and "squared_error" grew the same trees on every golden case.
        Assert.Equal(0.0, (double)c["criteria_max_difference"]!);
    }

    private static (Matrix<double> X, Vector<double> Y) DiabetesHead(int rows)
    {
        var data = Diabetes.Load();
        return (data.X.SubMatrix(0, rows, 0, 10), data.Y.SubVector(0, rows));
    }

    [Fact]
    public void Each_stage_fits_a_regression_tree_to_the_residuals()
    {
        var (x, y) = DiabetesHead(150);
        var model = new GradientBoostingRegressor(8, 0.3, 2).Fit(x, y);

        var f = Vector<double>.Build.Dense(150, y.Average());
        for (var m = 0; m < 8; m++)
        {
            var tree = new RegressionTree(2).Fit(x, y - f);
            Assert.True((tree.Predict(x) - model.Trees[m].Predict(x)).InfinityNorm() < 1e-9, $"stage {m}");
            f += 0.3 * tree.Predict(x);
            Assert.Equal((y - f).DotProduct(y - f) / 150, model.TrainLoss[m], 9);
        }
        Assert.True((model.Predict(x) - f).InfinityNorm() < 1e-9);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(1.9)]
    public void Every_stage_lowers_the_squared_error_by_eta_2_minus_eta_sum_n_c_squared(double eta)
    {
        var (x, y) = DiabetesHead(200);
        var model = new GradientBoostingRegressor(15, eta, 3).Fit(x, y);

        var previous = (y - y.Average()).DotProduct(y - y.Average()) / 200;
        for (var m = 0; m < 15; m++)
        {
            var leaves = model.Trees[m].Nodes.Where(node => node.IsLeaf);
            var drop = eta * (2 - eta) * leaves.Sum(node => node.Samples * node.Value[0] * node.Value[0]) / 200;
            Assert.True(Math.Abs(previous - model.TrainLoss[m] - drop) <= 1e-9 * previous, $"stage {m}");
            Assert.True(model.TrainLoss[m] <= previous, $"stage {m} increased the loss");
            previous = model.TrainLoss[m];
        }
    }

    [Fact]
    public void A_learning_rate_above_2_increases_the_training_loss()
    {
        var (x, y) = DiabetesHead(100);
        var loss = new GradientBoostingRegressor(3, 2.5, 2).Fit(x, y).TrainLoss;

        Assert.True(loss[0] > (y - y.Average()).DotProduct(y - y.Average()) / 100);
        Assert.True(loss[2] > loss[1] && loss[1] > loss[0]);
    }

    [Fact]
    public void Staged_predictions_end_with_the_prediction()
    {
        var (x, y) = DiabetesHead(80);
        var model = new GradientBoostingRegressor(5, 0.5, 2).Fit(x, y);
        var heldOut = Diabetes.Load().X.SubMatrix(80, 20, 0, 10);

        var stages = model.StagedPredict(heldOut);

        Assert.Equal(5, stages.Count);
        Assert.Equal(model.Predict(heldOut), stages[^1]);
        Assert.True((stages[1] - stages[0] - 0.5 * model.Trees[1].Predict(heldOut)).InfinityNorm() < 1e-12);
    }

    [Fact]
    public void Rejects_invalid_arguments_naming_them()
    {
        Assert.Equal("estimators", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientBoostingRegressor(0)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientBoostingRegressor(learningRate: 0)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientBoostingRegressor(learningRate: double.NaN)).ParamName);
        Assert.Equal("maxDepth", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientBoostingRegressor(maxDepth: 0)).ParamName);

        var (x, y) = DiabetesHead(20);
        var model = new GradientBoostingRegressor(3);
        var length = Assert.Throws<ArgumentException>(() => model.Fit(x, y.SubVector(0, 19)));
        Assert.Equal("y", length.ParamName);
        Assert.Contains("20×10", length.Message);
        Assert.Contains("19", length.Message);
        var nan = y.Clone();
        nan[3] = double.NaN;
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => model.Fit(x, nan)).ParamName);
        var infinite = x.Clone();
        infinite[2, 2] = double.PositiveInfinity;
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => model.Fit(infinite, y)).ParamName);

        Assert.Throws<InvalidOperationException>(() => model.Predict(x));
        Assert.Throws<InvalidOperationException>(() => model.TrainLoss);
        model.Fit(x, y);
        var columns = Assert.Throws<ArgumentException>(() => model.Predict(Matrix<double>.Build.Dense(2, 9)));
        Assert.Equal("x", columns.ParamName);
        Assert.Contains("2×9", columns.Message);
    }
}
