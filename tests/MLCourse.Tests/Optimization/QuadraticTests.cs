using MLCourse.Optimization;

namespace MLCourse.Tests.Optimization;

public class QuadraticTests
{
    private static readonly Matrix<double> H = Matrix<double>.Build.DenseOfArray(new[,] { { 3.0, 1.0 }, { 1.0, 2.0 } });

    [Fact]
    public void Value_and_gradient_around_the_minimum()
    {
        var bowl = new Quadratic(H, Vector<double>.Build.DenseOfArray([1.0, -1.0]));
        var x = Vector<double>.Build.DenseOfArray([0.5, 2.0]);

        Assert.Equal(0.0, bowl.Value(bowl.Minimum));
        Assert.Equal(0.5 * (3 * 0.25 + 2 * -0.5 * 3 + 2 * 9), bowl.Value(x), 14);
        var numeric = FiniteDifference.Gradient(bowl.Value, x);
        for (var i = 0; i < 2; i++) Assert.Equal(numeric[i], bowl.Gradient(x)[i], 1e-8);
    }

    [Fact]
    public void Diagonal_bowl_has_its_curvatures_as_eigenvalues()
    {
        var bowl = Quadratic.Diagonal(50.0, 1.0);

        Assert.Equal([1.0, 50.0], bowl.Eigenvalues);
        Assert.Equal(50.0, bowl.ConditionNumber);
        Assert.Equal(25.0, bowl.Value(Vector<double>.Build.DenseOfArray([1.0, 0.0])));
    }

    [Fact]
    public void Rejects_invalid_hessians_and_minima()
    {
        Assert.Contains("2×3", Assert.Throws<ArgumentException>(() => new Quadratic(Matrix<double>.Build.Dense(2, 3))).Message);
        Assert.Contains("symmetric", Assert.Throws<ArgumentException>(() => new Quadratic(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 0.0, 1.0 } }))).Message);
        Assert.Contains("positive definite", Assert.Throws<ArgumentException>(() => Quadratic.Diagonal(1.0, 0.0)).Message);
        var e = Assert.Throws<ArgumentException>(() => new Quadratic(H, Vector<double>.Build.Dense(3)));
        Assert.Equal("minimum", e.ParamName);
        Assert.Contains("hessian is 2×2 but minimum has length 3", e.Message);
        var x = Assert.Throws<ArgumentException>(() => new Quadratic(H).Gradient(Vector<double>.Build.Dense(5)));
        Assert.Equal("x", x.ParamName);
        Assert.Contains("length 2", x.Message);
        Assert.Contains("length 5", x.Message);
    }
}
