using MLCourse.Clustering;
using MLCourse.Data;

namespace MLCourse.Tests.Clustering;

public class KMeansTests
{
    private const string File = "clustering.json";

    public static TheoryData<string> IrisCases => GoldenData.Names(File, "kmeans");

    [Theory]
    [MemberData(nameof(IrisCases))]
    public void Finds_the_lowest_inertia_scikit_learn_finds_on_iris(string name)
    {
        var c = GoldenData.Case(File, name);

        var kmeans = new KMeans((int)c["k"]!, restarts: 200, seed: 1).Fit(Iris.Load().X);

        Assert.True(kmeans.Converged);
        GoldenData.AssertRelative(GoldenData.Number(c["inertia"]), kmeans.Inertia, 1e-9, "inertia");
    }

    [Fact]
    public void Stops_at_a_fixed_point_of_lloyds_two_steps()
    {
        var x = Iris.Load().X;

        var kmeans = new KMeans(4, restarts: 3, seed: 5).Fit(x);
        var (centres, labels) = (kmeans.Centers, kmeans.Labels);

        Assert.Equal(labels, kmeans.Predict(x));   // every point is nearest to its own centre …
        for (var k = 0; k < 4; k++)               // … and every centre is the mean of its points
        {
            var members = Enumerable.Range(0, x.RowCount).Where(i => labels[i] == k).Select(x.Row).ToList();
            var mean = members.Aggregate((a, b) => a + b) / members.Count;
            Assert.True((mean - centres.Row(k)).InfinityNorm() < 1e-12);
        }
        var inertia = Enumerable.Range(0, x.RowCount).Sum(i => Math.Pow((x.Row(i) - centres.Row(labels[i])).L2Norm(), 2));
        Assert.Equal(inertia, kmeans.Inertia, 9);
    }

    [Fact]
    public void Recovers_well_separated_blobs_and_is_reproducible_from_the_seed()
    {
        var blobs = Synthetic.Blobs(90, Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0 }, { 20, 0 }, { 0, 20 } }), 1, seed: 3);

        var first = new KMeans(3, restarts: 2, seed: 11).Fit(blobs.X);

        Assert.Equal(1.0, AdjustedRand.Score(blobs.Y, first.Labels));
        Assert.Equal(first.Labels, new KMeans(3, restarts: 2, seed: 11).Fit(blobs.X).Labels);
        Assert.Equal(first.Inertia, new KMeans(3, restarts: 2, seed: 11).Fit(blobs.X).Inertia);
    }

    [Fact]
    public void One_cluster_is_the_mean_and_identical_points_have_zero_inertia()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2 }, { 3, 4 }, { 5, 0 } });

        var one = new KMeans(1).Fit(x);
        var same = new KMeans(2, restarts: 2).Fit(Matrix<double>.Build.Dense(4, 2, 7.0));

        Assert.Equal([3.0, 2.0], one.Centers.Row(0).ToArray());
        Assert.Equal(4 + 0 + 0 + 4 + 4 + 4, one.Inertia, 12);   // about the mean (3, 2)
        Assert.Equal(0, same.Inertia);
    }

    [Fact]
    public void Rejects_invalid_settings_too_few_points_and_use_before_fitting()
    {
        Assert.Equal("clusters", Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(0)).ParamName);
        Assert.Equal("restarts", Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(2, restarts: 0)).ParamName);
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(2, maxIterations: 0)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new KMeans(3).Fit(Matrix<double>.Build.Dense(2, 2))).ParamName);
        Assert.Throws<InvalidOperationException>(() => new KMeans(2).Centers);
        var fitted = new KMeans(2).Fit(Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0 }, { 1, 1 }, { 5, 5 } }));
        var e = Assert.Throws<ArgumentException>(() => fitted.Predict(Matrix<double>.Build.Dense(1, 3)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("1×3", e.Message);
        Assert.Contains("2×2", e.Message);
    }
}
