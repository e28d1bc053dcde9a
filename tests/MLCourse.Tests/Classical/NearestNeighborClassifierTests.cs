using MLCourse.Classical;

namespace MLCourse.Tests.Classical;

public class NearestNeighborClassifierTests
{
    [Fact]
    public void Predicts_the_label_of_the_nearest_training_point_first_in_order_on_a_tie()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0 }, { 4, 0 }, { 0, 4 } });
        var knn = new NearestNeighborClassifier().Fit(x, [7, 8, 9]);

        var query = Matrix<double>.Build.DenseOfArray(new[,] { { 0.5, 0.1 }, { 3, 1 }, { 2, 2 }, { 0, 4 } });

        Assert.Equal([7, 8, 7, 9], knn.Predict(query));   // (2, 2) is 2√2 from all three: the first wins
        Assert.Equal([7, 8, 9], knn.Predict(x));          // memorises its training set
    }

    [Fact]
    public void Rejects_mismatched_shapes_and_use_before_fitting()
    {
        var x = Matrix<double>.Build.Dense(3, 2);

        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new NearestNeighborClassifier().Fit(x, [1, 2])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new NearestNeighborClassifier().Fit(Matrix<double>.Build.DenseOfArray(new[,] { { double.NaN } }), [1])).ParamName);
        Assert.Throws<InvalidOperationException>(() => new NearestNeighborClassifier().Predict(x));
        var e = Assert.Throws<ArgumentException>(() => new NearestNeighborClassifier().Fit(x, [1, 2, 3]).Predict(Matrix<double>.Build.Dense(1, 3)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("1×3", e.Message);
    }
}
