using MathNet.Numerics.LinearAlgebra;
using MLCourse.Classical;
using MLCourse.Numerics;

namespace MLCourse.Clustering;

/// <summary>
/// k-means clustering by Lloyd's algorithm with k-means++ seeding, restarted several times (as
/// <c>sklearn.cluster.KMeans(n_clusters=k, n_init=restarts)</c>): minimise the inertia
/// <c>Σᵢ ‖xᵢ − c_{label(i)}‖²</c>, the within-cluster sum of squares, over k centres. Introduced in notebook 23
/// (the elbow method, the gap statistic).
/// </summary>
/// <remarks>
/// <para>Seeding (Arthur and Vassilvitskii 2007), in scikit-learn's greedy form: the first centre is a uniformly random
/// point; each further centre is the best of 2 + ⌊ln k⌋ candidates, each drawn with probability proportional to its
/// squared distance D(x)² to the nearest centre chosen so far, "best" meaning the lowest Σ D(x)² once it is added.
/// (The random numbers are the course's, not NumPy's, so the seeds and restarts differ from scikit-learn's.)</para>
/// <para>Lloyd's iteration alternates two steps that can only lower the inertia: assign every point to its nearest centre
/// (the lowest index on a tie), then move every centre to the mean of its points. It stops when no assignment changes, a
/// fixed point where each centre is the mean of its cluster and each point is nearest to its own centre (a local minimum;
/// the restarts look for a better one). A centre left without points moves to the point farthest from its centre.</para>
/// <para>All restarts draw from one <see cref="Rng.Create"/> generator seeded with <see cref="Seed"/>, so a fit is reproducible.</para>
/// </remarks>
public sealed class KMeans
{
    private Matrix<double>? centers;
    private int[] labels = [];

    /// <summary>Configures k-means; call <see cref="Fit"/> next.</summary>
    /// <param name="clusters">The number of clusters k ≥ 1.</param>
    /// <param name="restarts">Independent seedings, ≥ 1; the fit with the lowest inertia is kept (scikit-learn's <c>n_init</c>).</param>
    /// <param name="maxIterations">Lloyd iterations allowed per restart, ≥ 1.</param>
    /// <param name="seed">The seed of the random seeding.</param>
    /// <exception cref="ArgumentOutOfRangeException">clusters, restarts or maxIterations &lt; 1.</exception>
    public KMeans(int clusters, int restarts = 10, int maxIterations = 300, int seed = 0)
    {
        Guard.Positive(clusters, nameof(clusters));
        Guard.Positive(restarts, nameof(restarts));
        Guard.Positive(maxIterations, nameof(maxIterations));
        (Clusters, Restarts, MaxIterations, Seed) = (clusters, restarts, maxIterations, seed);
    }

    /// <summary>The number of clusters k.</summary>
    public int Clusters { get; }

    /// <summary>The number of seedings tried.</summary>
    public int Restarts { get; }

    /// <summary>The largest number of Lloyd iterations per restart.</summary>
    public int MaxIterations { get; }

    /// <summary>The seed of the seeding.</summary>
    public int Seed { get; }

    /// <summary>The k×p centres of the best restart (scikit-learn's <c>cluster_centers_</c>).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Matrix<double> Centers => centers?.Clone() ?? throw NotFitted();

    /// <summary>The cluster 0 … k−1 of every training point (<c>labels_</c>).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public int[] Labels => centers is null ? throw NotFitted() : (int[])labels.Clone();

    /// <summary>The within-cluster sum of squares Σᵢ ‖xᵢ − c_{label(i)}‖² of the best restart (<c>inertia_</c>).</summary>
    public double Inertia { get; private set; }

    /// <summary>Whether the best restart reached a fixed point (no assignment changed) within <see cref="MaxIterations"/>.</summary>
    public bool Converged { get; private set; }

    /// <summary>Runs every restart on the rows of <paramref name="x"/>, keeps the one with the lowest inertia, and returns this instance.</summary>
    /// <param name="x">The points, one per row: finite, at least k rows.</param>
    /// <exception cref="ArgumentException">x with fewer rows than clusters or a NaN/∞ entry (ParamName x).</exception>
    public KMeans Fit(Matrix<double> x)
    {
        Validation.FiniteRows(x, nameof(x), minimumRows: Clusters);
        var rows = x.ToRowArrays();
        var random = Rng.Create(Seed);
        var best = (Centers: Array.Empty<double[]>(), Labels: labels, Inertia: double.PositiveInfinity, Converged: false);
        for (var r = 0; r < Restarts; r++)
        {
            var run = Lloyd(rows, Seeding(rows, random));
            if (run.Inertia < best.Inertia) best = run;
        }
        (centers, labels, Inertia, Converged) = (Matrix<double>.Build.DenseOfRowArrays(best.Centers), best.Labels, best.Inertia, best.Converged);
        return this;
    }

    /// <summary>The nearest centre (lowest index on a tie) of every row of <paramref name="x"/>.</summary>
    /// <exception cref="ArgumentException">x has a different number of columns than the centres (both shapes are named).</exception>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public int[] Predict(Matrix<double> x)
    {
        var c = centers ?? throw NotFitted();
        Guard.Columns(x, c.ColumnCount, nameof(x), $"one per coordinate of the {Guard.Shape(c)} centres");
        var rows = c.ToRowArrays();
        return x.ToRowArrays().Select(p => Distances.Nearest(p, rows)).ToArray();
    }

    /// <summary>
    /// Greedy k-means++: the first centre uniform; for each further one, 2 + ⌊ln k⌋ candidates drawn with probability
    /// ∝ D(x)², keeping the candidate that lowers Σ D(x)² most.
    /// </summary>
    private double[][] Seeding(double[][] rows, System.Random random)
    {
        var chosen = new List<double[]> { rows[random.Next(rows.Length)] };
        var d2 = rows.Select(p => Distances.SquaredBetween(p, chosen[0])).ToArray();
        var trials = 2 + (int)Math.Log(Clusters);
        while (chosen.Count < Clusters)
        {
            var (best, bestD2, bestPotential) = (-1, d2, double.PositiveInfinity);
            for (var trial = 0; trial < trials; trial++)
            {
                var candidate = Draw(d2, random);
                var next = rows.Select((p, i) => Math.Min(d2[i], Distances.SquaredBetween(p, rows[candidate]))).ToArray();
                var potential = next.Sum();
                if (potential < bestPotential) (best, bestD2, bestPotential) = (candidate, next, potential);
            }
            chosen.Add(rows[best]);
            d2 = bestD2;
        }
        return chosen.Select(c => (double[])c.Clone()).ToArray();
    }

    /// <summary>An index drawn with probability ∝ <paramref name="weights"/> (uniform when they are all 0: every point is already a centre).</summary>
    private static int Draw(double[] weights, System.Random random)
    {
        var total = weights.Sum();
        if (!(total > 0)) return random.Next(weights.Length);
        var (target, cumulative) = (random.NextDouble() * total, 0.0);
        var pick = Array.FindIndex(weights, w => (cumulative += w) > target);
        return pick >= 0 ? pick : Array.FindLastIndex(weights, w => w > 0);   // rounding left the target at the very end
    }

    /// <summary>Lloyd's iterations from the given centres until no assignment changes (or the iteration budget runs out).</summary>
    private (double[][] Centers, int[] Labels, double Inertia, bool Converged) Lloyd(double[][] rows, double[][] start)
    {
        var c = start;
        var assigned = rows.Select(p => Distances.Nearest(p, c)).ToArray();
        var converged = false;
        for (var iteration = 0; iteration < MaxIterations && !converged; iteration++)
        {
            c = Means(rows, assigned, c);
            var next = rows.Select(p => Distances.Nearest(p, c)).ToArray();
            converged = next.SequenceEqual(assigned);
            assigned = next;
        }
        if (!converged) c = Means(rows, assigned, c);
        var inertia = Enumerable.Range(0, rows.Length).Sum(i => Distances.SquaredBetween(rows[i], c[assigned[i]]));
        return (c, assigned, inertia, converged);
    }

    /// <summary>The mean of each cluster's points; an empty cluster takes the point farthest from its own centre.</summary>
    private double[][] Means(double[][] rows, int[] assigned, double[][] previous)
    {
        var p = rows[0].Length;
        var (sums, counts) = (new double[Clusters][], new int[Clusters]);
        for (var k = 0; k < Clusters; k++) sums[k] = new double[p];
        for (var i = 0; i < rows.Length; i++)
        {
            counts[assigned[i]]++;
            for (var j = 0; j < p; j++) sums[assigned[i]][j] += rows[i][j];
        }
        for (var k = 0; k < Clusters; k++)
        {
            if (counts[k] > 0) { for (var j = 0; j < p; j++) sums[k][j] /= counts[k]; continue; }
            var farthest = Enumerable.Range(0, rows.Length).MaxBy(i => Distances.SquaredBetween(rows[i], previous[assigned[i]]));
            sums[k] = (double[])rows[farthest].Clone();
        }
        return sums;
    }

    private static InvalidOperationException NotFitted() => new("Call Fit before reading the centres or predicting.");
}
