using MLCourse.Clustering;
using MLCourse.Data;

namespace MLCourse.Tests.Clustering;

public class GapStatisticTests
{
    [Fact]
    public void Chooses_three_for_three_separated_blobs_and_one_for_uniform_noise()
    {
        var blobs = Synthetic.Blobs(150, Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0 }, { 10, 0 }, { 5, 9 } }), 1, seed: 2);
        var noise = Rng.Uniform(150, 2, 1.0, Rng.Create(4));

        var clustered = GapStatistic.Compute(blobs.X, 6, references: 10, seed: 1);

        Assert.Equal(3, clustered.Chosen);
        Assert.Equal(1, GapStatistic.Compute(noise, 6, references: 10, seed: 1).Chosen);
        Assert.Equal([1, 2, 3, 4, 5, 6], clustered.Clusters);
        Assert.Equal(Math.Log(new KMeans(2, 5, seed: 3).Fit(blobs.X).Inertia), clustered.LogInertia[1], 9);
        Assert.All(clustered.StandardError, s => Assert.True(s > 0));
    }

    [Fact]
    public void Rejects_invalid_arguments()
    {
        var x = Rng.StandardNormal(10, 2, Rng.Create(1));

        Assert.Equal("maxClusters", Assert.Throws<ArgumentOutOfRangeException>(() => GapStatistic.Compute(x, 1)).ParamName);
        Assert.Equal("references", Assert.Throws<ArgumentOutOfRangeException>(() => GapStatistic.Compute(x, 3, references: 1)).ParamName);
        Assert.Equal("restarts", Assert.Throws<ArgumentOutOfRangeException>(() => GapStatistic.Compute(x, 3, restarts: 0)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => GapStatistic.Compute(x, 10)).ParamName);
    }
}
