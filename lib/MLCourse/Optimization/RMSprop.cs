using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Optimization;

/// <summary>
/// RMSprop (Tieleman and Hinton 2012), exactly as <c>torch.optim.RMSprop</c>. Per coordinate, with g ← g + λθ:
/// s ← ρs + (1 − ρ)g² first, then θ ← θ − α·g/(√s + ε). Optional: centered (divide by √(s − ḡ²) + ε with
/// ḡ ← ρḡ + (1 − ρ)g) and momentum μ (b ← μb + g/(√s + ε), θ ← θ − αb).
/// Introduced in notebook 05 (05-optimizers).
/// </summary>
/// <remarks>
/// The square average s starts at 0 and is not bias-corrected, so the first step is α·g/(√(1 − ρ)|g| + ε) ≈ 10α·sign(g)
/// for ρ = 0.99. ρ is PyTorch's <c>alpha</c>. Ranges: lr, weightDecay ≥ 0; 0 ≤ alpha &lt; 1 and 0 ≤ momentum &lt; 1
/// (PyTorch accepts larger values); eps &gt; 0 (PyTorch also accepts 0, which divides 0 by 0 at a coordinate whose
/// gradients were all 0 so far).
/// </remarks>
public sealed class RMSprop : Optimizer
{
    private double[]? squareAverage, gradientAverage, buffer;

    /// <summary>Creates the optimizer (PyTorch's <c>RMSprop(params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is outside its range (the message names it and its value).</exception>
    public RMSprop(double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0, double momentum = 0, bool centered = false)
        : base(lr, weightDecay)
    {
        Guard.InRangeHalfOpen(alpha, 0, 1, nameof(alpha));
        Guard.Positive(eps, nameof(eps));
        Guard.InRangeHalfOpen(momentum, 0, 1, nameof(momentum));
        Alpha = alpha;
        Eps = eps;
        Momentum = momentum;
        Centered = centered;
    }

    /// <summary>The smoothing constant ρ of the square average (PyTorch's <c>alpha</c>).</summary>
    public double Alpha { get; }

    /// <summary>ε, added to the root (outside it).</summary>
    public double Eps { get; }

    /// <summary>The momentum coefficient μ (0: none).</summary>
    public double Momentum { get; }

    /// <summary>Whether the square average is centred by the squared running mean of the gradient.</summary>
    public bool Centered { get; }

    /// <summary>A copy of the running average of squared gradients s; null before the first step.</summary>
    public Vector<double>? SquareAverage => Snapshot(squareAverage);

    /// <summary>A copy of the running average of gradients ḡ (centred only); null before the first step or when not centred.</summary>
    public Vector<double>? GradientAverage => Snapshot(gradientAverage);

    /// <summary>A copy of the momentum buffer b; null before the first step or when momentum is 0.</summary>
    public Vector<double>? MomentumBuffer => Snapshot(buffer);

    /// <summary>
    /// The per-coordinate step size α/(√s + ε) (centred: α/(√(s − ḡ²) + ε)) of the last step; without momentum the last
    /// update was −EffectiveLearningRate ⊙ g. Null before the first step.
    /// </summary>
    public Vector<double>? EffectiveLearningRate =>
        squareAverage is null ? null : Vector<double>.Build.Dense(squareAverage.Length, i => LearningRate / Denominator(i));

    /// <summary>√s + ε, or √(s − ḡ²) + ε when centred (PyTorch's <c>avg</c>).</summary>
    private double Denominator(int i) =>
        (gradientAverage is null ? Math.Sqrt(squareAverage![i]) : Math.Sqrt(squareAverage![i] + -1 * gradientAverage[i] * gradientAverage[i])) + Eps;

    /// <inheritdoc/>
    protected override void Initialize(int length)
    {
        squareAverage = new double[length];
        if (Centered) gradientAverage = new double[length];
        if (Momentum > 0) buffer = new double[length];
    }

    /// <inheritdoc/>
    protected override void Update(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            var g = DecayedGradient(parameters[i], gradient[i]);
            squareAverage![i] = squareAverage[i] * Alpha + (1 - Alpha) * g * g;
            if (gradientAverage is not null) gradientAverage[i] = gradientAverage[i] * Alpha + (1 - Alpha) * g;
            var avg = Denominator(i);
            if (buffer is not null)
            {
                buffer[i] = buffer[i] * Momentum + g / avg;
                parameters[i] += -LearningRate * buffer[i];
            }
            else parameters[i] += -LearningRate * g / avg;
        }
    }
}
