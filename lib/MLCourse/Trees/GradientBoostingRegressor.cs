using MathNet.Numerics.LinearAlgebra;
using MLCourse.Classical;

namespace MLCourse.Trees;

/// <summary>
/// Gradient boosting with squared loss, as
/// <c>sklearn.ensemble.GradientBoostingRegressor(loss="squared_error", n_estimators=estimators, learning_rate=learningRate,
/// max_depth=maxDepth, subsample=1)</c>. Start from F₀ = mean(y); at stage m fit a CART regression tree
/// (<see cref="RegressionTree"/>: depth ≤ maxDepth, largest squared-error reduction, midpoint thresholds, leaves = mean
/// residual) to the residuals rᵢ = yᵢ − F_{m−1}(xᵢ), which are the negative gradients −∂/∂F ½(yᵢ − F)², and update
/// F_m = F_{m−1} + η·f_m. Introduced in notebook 15 (trees and boosting).
/// </summary>
/// <remarks>
/// <para>Each leaf ℓ of stage m predicts the mean c_ℓ of its n_ℓ residuals, so the stage lowers the sum of squared errors
/// by exactly η(2 − η)·Σ_ℓ n_ℓc_ℓ²: for 0 &lt; η &lt; 2 the training loss never increases (notebook 15 derives it).</para>
/// <para>Same predictions as scikit-learn wherever the best split of every node is unique (scikit-learn's default criterion
/// "friedman_mse" ranks splits like the squared-error reduction; see <see cref="RegressionTree"/> for ties and its float32
/// thresholds). The features are sorted once and reused by every stage.</para>
/// </remarks>
public sealed class GradientBoostingRegressor
{
    private readonly List<RegressionTree> trees = [];
    private readonly List<double> trainLoss = [];

    /// <summary>Configures the ensemble; call <see cref="Fit"/> next.</summary>
    /// <param name="estimators">The number of boosting stages (trees), ≥ 1.</param>
    /// <param name="learningRate">The shrinkage η &gt; 0 that multiplies every tree.</param>
    /// <param name="maxDepth">The depth of every tree, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">estimators or maxDepth &lt; 1; learningRate not a finite number &gt; 0.</exception>
    public GradientBoostingRegressor(int estimators = 100, double learningRate = 0.1, int maxDepth = 3)
    {
        Guard.Positive(estimators, nameof(estimators));
        Guard.Positive(learningRate, nameof(learningRate));
        Guard.Positive(maxDepth, nameof(maxDepth));
        (Estimators, LearningRate, MaxDepth) = (estimators, learningRate, maxDepth);
    }

    /// <summary>The number of stages.</summary>
    public int Estimators { get; }

    /// <summary>The learning rate η.</summary>
    public double LearningRate { get; }

    /// <summary>The depth of every tree.</summary>
    public int MaxDepth { get; }

    /// <summary>F₀ = mean(y), the prediction before any tree (scikit-learn's <c>init_</c>, a mean <c>DummyRegressor</c>).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public double InitialPrediction => trees.Count == 0 ? throw NotFitted() : initialPrediction;

    private double initialPrediction;

    /// <summary>The fitted trees f₁ … f_M, each predicting the mean residual of its leaves (before the factor η).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public IReadOnlyList<RegressionTree> Trees => trees.Count == 0 ? throw NotFitted() : trees.AsReadOnly();

    /// <summary>
    /// The training loss after every stage, the mean squared error (1/n)Σᵢ(yᵢ − F_m(xᵢ))² for m = 1 … M (scikit-learn's
    /// <c>train_score_</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public IReadOnlyList<double> TrainLoss => trees.Count == 0 ? throw NotFitted() : trainLoss.AsReadOnly();

    /// <summary>Fits the ensemble to the n×p features <paramref name="x"/> and targets <paramref name="y"/> and returns this instance.</summary>
    /// <exception cref="ArgumentException">x empty or not finite (<c>x</c>); y of another length than x has rows (both shapes named) or not finite (<c>y</c>).</exception>
    public GradientBoostingRegressor Fit(Matrix<double> x, Vector<double> y)
    {
        Validation.FiniteRows(x, nameof(x), minimumRows: 1);
        Validation.Targets(x, y, nameof(y));
        var (n, data) = (x.RowCount, new PresortedFeatures(x));
        var ones = Vector<double>.Build.Dense(n, 1.0);
        initialPrediction = y.Average();
        var raw = Vector<double>.Build.Dense(n, initialPrediction);
        var leafOfSample = new int[n];
        (trees.Capacity, trainLoss.Capacity) = (Estimators, Estimators);
        trees.Clear();
        trainLoss.Clear();
        for (var m = 0; m < Estimators; m++)
        {
            var tree = CartTree.Grow(data, SquaredErrorCriterion.Statistics(y - raw, ones), SquaredErrorCriterion.Instance, MaxDepth, leafOfSample);
            for (var i = 0; i < n; i++) raw[i] += LearningRate * tree.Value(leafOfSample[i], 0);
            trees.Add(new RegressionTree(MaxDepth, tree));
            var residual = y - raw;
            trainLoss.Add(residual.DotProduct(residual) / n);
        }
        return this;
    }

    /// <summary>F_M(x) = F₀ + η·Σ_m f_m(x) for every row of x.</summary>
    /// <exception cref="ArgumentException">x has another number of columns than the training data (both shapes named) or a NaN/∞ entry.</exception>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> Predict(Matrix<double> x) => StagedPredict(x)[^1];

    /// <summary>The predictions after each stage, F_1(x) … F_M(x) (scikit-learn's <c>staged_predict</c>): M vectors, the last equal to <see cref="Predict"/>.</summary>
    /// <inheritdoc cref="Predict(Matrix{double})"/>
    public IReadOnlyList<Vector<double>> StagedPredict(Matrix<double> x)
    {
        if (trees.Count == 0) throw NotFitted();
        var rows = trees[0].Rows(x);   // every tree has the same features: check x once
        var raw = Vector<double>.Build.Dense(rows.Length, initialPrediction);
        var stages = new List<Vector<double>>(trees.Count);
        foreach (var tree in trees)
        {
            raw += LearningRate * tree.Predict(rows);
            stages.Add(raw);
        }
        return stages.AsReadOnly();
    }

    private static InvalidOperationException NotFitted() => new("Call Fit before reading the trees or predicting.");
}
