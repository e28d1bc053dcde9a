using MathNet.Numerics.LinearAlgebra;
using MLCourse.Classical;
using MLCourse.Normalization;
using MLCourse.Numerics;

namespace MLCourse.Clustering;

/// <summary>The gap statistic for k = 1 … K (<see cref="GapStatistic.Compute"/>). Introduced in notebook 23.</summary>
/// <param name="Clusters">k = 1 … K.</param>
/// <param name="LogInertia">log W_k, the log of the data's k-means inertia.</param>
/// <param name="Gap">Gap(k) = mean over the references of log W*_k, minus log W_k.</param>
/// <param name="StandardError">s_k = sd_k·√(1 + 1/B), sd_k the standard deviation of the B reference values log W*_k.</param>
/// <param name="Chosen">The smallest k with Gap(k) ≥ Gap(k + 1) − s_{k+1} (K if there is none).</param>
public sealed record GapResult(int[] Clusters, double[] LogInertia, double[] Gap, double[] StandardError, int Chosen);

/// <summary>
/// The gap statistic (Tibshirani, Walther and Hastie 2001) for choosing the number of clusters: compare the k-means
/// inertia W_k of the data with its expected value under a reference distribution without clusters, B data sets drawn
/// uniformly from the bounding box of the data (the paper's option (a)). Introduced in notebook 23.
/// </summary>
public static class GapStatistic
{
    /// <summary>Computes Gap(k) for k = 1 … <paramref name="maxClusters"/> with <see cref="KMeans"/>.</summary>
    /// <param name="x">The data, one point per row: finite, more rows than maxClusters.</param>
    /// <param name="maxClusters">K ≥ 2, the largest k tried.</param>
    /// <param name="references">B ≥ 2 uniform reference data sets, each the size of x.</param>
    /// <param name="seed">Seeds the references and the k-means restarts.</param>
    /// <param name="restarts">k-means restarts per fit.</param>
    /// <exception cref="ArgumentOutOfRangeException">maxClusters &lt; 2, references &lt; 2, restarts &lt; 1.</exception>
    /// <exception cref="ArgumentException">x not finite, or with at most maxClusters rows (ParamName x).</exception>
    public static GapResult Compute(Matrix<double> x, int maxClusters, int references = 20, int seed = 0, int restarts = 5)
    {
        if (maxClusters < 2) throw new ArgumentOutOfRangeException(nameof(maxClusters), maxClusters, $"maxClusters must be ≥ 2, got {maxClusters}.");
        if (references < 2) throw new ArgumentOutOfRangeException(nameof(references), references, $"references must be ≥ 2, got {references}.");
        Guard.Positive(restarts, nameof(restarts));
        Validation.FiniteRows(x, nameof(x), minimumRows: maxClusters + 1);
        var ks = Enumerable.Range(1, maxClusters).ToArray();
        double LogW(Matrix<double> data, int k) => Math.Log(new KMeans(k, restarts, seed: seed + k).Fit(data).Inertia);
        var logW = ks.Select(k => LogW(x, k)).ToArray();
        var low = Enumerable.Range(0, x.ColumnCount).Select(j => x.Column(j).Minimum()).ToArray();
        var high = Enumerable.Range(0, x.ColumnCount).Select(j => x.Column(j).Maximum()).ToArray();
        var random = Rng.Create(seed);
        var reference = new double[references, maxClusters];
        for (var b = 0; b < references; b++)
        {
            var u = Rng.Uniform(x.RowCount, x.ColumnCount, 1.0, random);   // U(−1, 1), then into the box
            var box = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => low[j] + (u[i, j] + 1) / 2 * (high[j] - low[j]));
            foreach (var k in ks) reference[b, k - 1] = LogW(box, k);
        }
        var gap = new double[maxClusters];
        var se = new double[maxClusters];
        foreach (var k in ks)
        {
            var values = Enumerable.Range(0, references).Select(b => reference[b, k - 1]).ToArray();
            var (mean, variance) = Moments.Of(values);
            gap[k - 1] = mean - logW[k - 1];
            se[k - 1] = Math.Sqrt(variance) * Math.Sqrt(1 + 1.0 / references);
        }
        var chosen = ks.Take(maxClusters - 1).FirstOrDefault(k => gap[k - 1] >= gap[k] - se[k], maxClusters);
        return new GapResult(ks, logW, gap, se, chosen);
    }
}
