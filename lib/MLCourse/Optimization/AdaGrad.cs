using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Optimization;

/// <summary>
/// AdaGrad (Duchi, Hazan and Singer 2011), exactly as <c>torch.optim.Adagrad</c>. Per coordinate, with g ← g + λθ:
/// G ← G + g², θ ← θ − α_t · g / (√G + ε), where α_t = α / (1 + (t − 1)·lrDecay).
/// Introduced in notebook 05 (05-optimizers).
/// </summary>
/// <remarks>
/// G is the element-wise running sum of squared gradients (not an inner product of whole gradients), so every
/// coordinate gets its own step size α_t/(√G + ε), the <see cref="EffectiveLearningRate"/>. G never shrinks: while
/// gradients stay away from 0, G grows like t and the effective learning rate decays like 1/√t towards 0.
/// Ranges: lr, lrDecay, weightDecay, initialAccumulatorValue ≥ 0; eps &gt; 0 (PyTorch also accepts 0, which makes a
/// coordinate whose gradients were all 0 so far compute 0/0 = NaN).
/// </remarks>
public sealed class AdaGrad : Optimizer
{
    private double[]? sum;

    /// <summary>Creates the optimizer (PyTorch's <c>Adagrad(params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is outside its range (the message names it and its value).</exception>
    public AdaGrad(double lr = 1e-2, double lrDecay = 0, double weightDecay = 0, double initialAccumulatorValue = 0, double eps = 1e-10)
        : base(lr, weightDecay)
    {
        Guard.NonNegative(lrDecay, nameof(lrDecay));
        Guard.NonNegative(initialAccumulatorValue, nameof(initialAccumulatorValue));
        Guard.Positive(eps, nameof(eps));
        LrDecay = lrDecay;
        InitialAccumulatorValue = initialAccumulatorValue;
        Eps = eps;
    }

    /// <summary>The learning-rate decay: step t uses α/(1 + (t − 1)·lrDecay).</summary>
    public double LrDecay { get; }

    /// <summary>The starting value of every entry of G.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>ε, added to √G (outside the root).</summary>
    public double Eps { get; }

    /// <summary>A copy of the accumulated squared gradients G; null before the first step.</summary>
    public Vector<double>? SumOfSquares => Snapshot(sum);

    /// <summary>
    /// The per-coordinate step size of the last step, α_t/(√G + ε), so that the last update was
    /// −EffectiveLearningRate ⊙ g; null before the first step.
    /// </summary>
    public Vector<double>? EffectiveLearningRate =>
        sum is null ? null : Vector<double>.Build.DenseOfEnumerable(sum.Select(s => StepLearningRate() / (Math.Sqrt(s) + Eps)));

    private double StepLearningRate() => LearningRate / (1 + (StepCount - 1) * LrDecay);

    /// <inheritdoc/>
    protected override void Initialize(int length) => sum = Enumerable.Repeat(InitialAccumulatorValue, length).ToArray();

    /// <inheritdoc/>
    protected override void Update(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        var clr = StepLearningRate();
        for (var i = 0; i < parameters.Length; i++)
        {
            var g = DecayedGradient(parameters[i], gradient[i]);
            sum![i] += g * g;
            var std = Math.Sqrt(sum[i]) + Eps;
            parameters[i] += -clr * g / std;
        }
    }
}
