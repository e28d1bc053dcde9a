using MLCourse.Data;

namespace MLCourse.Tests.Data;

public class SyntheticTests
{
    [Fact]
    public void Imbalanced_gaussians_have_every_kth_sample_positive_and_the_shift_on_the_first_feature()
    {
        var data = Synthetic.ImbalancedGaussians(20_000, 50, 1.75, seed: 3);

        Assert.Equal([19_600, 400], data.ClassCounts);
        Assert.True(Enumerable.Range(0, 20_000).All(i => (data.Y[i] == 1) == (i % 50 == 0)));
        double Mean(int feature, int label) => Enumerable.Range(0, 20_000).Where(i => data.Y[i] == label).Average(i => data.X[i, feature]);
        // Standard errors: 1/√400 = 0.05 for the positives, 1/√19600 ≈ 0.007 for the negatives; bands of 4 of them.
        Assert.InRange(Mean(0, 1) - Mean(0, 0), 1.75 - 0.2, 1.75 + 0.2);
        Assert.InRange(Mean(1, 1) - Mean(1, 0), -0.2, 0.2);
        Assert.Equal(data.X, Synthetic.ImbalancedGaussians(20_000, 50, 1.75, seed: 3).X);
        Assert.Equal(["negative", "positive"], data.ClassNames);
    }

    [Fact]
    public void Bayes_recall_of_the_prior_and_of_the_balanced_rule()
    {
        Assert.Equal(0.0887, Synthetic.BayesRecall(0.02, 1.75), 4);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, 0.875), Synthetic.BayesRecall(0.5, 1.75), 15);
    }

    [Fact]
    public void Rejects_invalid_arguments()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.ImbalancedGaussians(0, 50, 1, 1)).ParamName);
        Assert.Equal("positiveEvery", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.ImbalancedGaussians(10, 1, 1, 1)).ParamName);
        Assert.Equal("shift", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.ImbalancedGaussians(10, 5, double.NaN, 1)).ParamName);
        Assert.Equal("prevalence", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.BayesRecall(1, 1)).ParamName);
        Assert.Equal("shift", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.BayesRecall(0.5, 0)).ParamName);
    }

    public static TheoryData<string> MoonCases => GoldenData.Names("clustering.json", "moons");

    [Theory]
    [MemberData(nameof(MoonCases))]
    public void Noiseless_moons_are_scikit_learns(string name)
    {
        var c = GoldenData.Case("clustering.json", name);

        var moons = Synthetic.TwoMoons((int)c["n"]!, noise: 0, seed: 1);

        Assert.Equal(GoldenData.Ints(c["y"]), moons.Y);
        Assert.True((moons.X - GoldenData.Matrix(c["x"])).Enumerate().All(e => Math.Abs(e) <= 1e-15), "coordinates");   // absolute: cos(π/2) ≈ 6e-17
    }

    [Fact]
    public void Moon_noise_is_gaussian_with_the_given_scale()
    {
        var (clean, noisy) = (Synthetic.TwoMoons(4000, 0, seed: 5), Synthetic.TwoMoons(4000, 0.05, seed: 5));
        var residuals = (noisy.X - clean.X).Enumerate().ToArray();

        // 8000 residuals: the standard deviation of their sample s.d. is 0.05/√16000 ≈ 4e-4; a band of 4 of them.
        Assert.InRange(Math.Sqrt(residuals.Average(r => r * r)), 0.05 - 1.6e-3, 0.05 + 1.6e-3);
        Assert.Equal(noisy.X, Synthetic.TwoMoons(4000, 0.05, seed: 5).X);
    }

    [Fact]
    public void Blobs_split_the_samples_over_the_centres_like_make_blobs()
    {
        var centres = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0 }, { 10, 0 }, { 0, 10 } });

        var blobs = Synthetic.Blobs(3001, centres, 0.5, seed: 9);

        Assert.Equal([1001, 1000, 1000], blobs.ClassCounts);
        Assert.Equal(Enumerable.Range(0, 3001).Select(i => i < 1001 ? 0 : i < 2001 ? 1 : 2), blobs.Y);
        for (var c = 0; c < 3; c++)
        {
            var rows = Enumerable.Range(0, 3001).Where(i => blobs.Y[i] == c).Select(blobs.X.Row).ToList();
            var mean = rows.Aggregate((a, b) => a + b) / rows.Count;
            Assert.True((mean - centres.Row(c)).InfinityNorm() < 4 * 0.5 / Math.Sqrt(1000), $"centre {c}");   // 4 standard errors
        }
    }

    [Fact]
    public void Moons_and_blobs_reject_invalid_arguments()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.TwoMoons(1, 0.1, 1)).ParamName);
        Assert.Equal("noise", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.TwoMoons(10, -0.1, 1)).ParamName);
        var centres = Matrix<double>.Build.Dense(3, 2);
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.Blobs(2, centres, 1, 1)).ParamName);
        Assert.Equal("standardDeviation", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.Blobs(10, centres, 0, 1)).ParamName);
        Assert.Equal("centers", Assert.Throws<ArgumentException>(() => Synthetic.Blobs(10, Matrix<double>.Build.DenseOfArray(new[,] { { double.NaN } }), 1, 1)).ParamName);
    }
}
