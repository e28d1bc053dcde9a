using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Optimization;

/// <summary>
/// The Adam update shared by <see cref="Adam"/> and <see cref="AdamW"/> (Kingma and Ba 2015, "Adam: a method for
/// stochastic optimization"; Adam = ADAptive Moment estimation). Per coordinate, at step t:
/// <code>
/// m ← β₁m + (1 − β₁)g            first moment (running mean of g), m₀ = 0
/// v ← β₂v + (1 − β₂)g²           second moment (running mean of g²), v₀ = 0
/// m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ)   bias correction
/// θ ← θ − α·m̂/(√v̂ + ε)
/// </code>
/// computed in PyTorch 1.13's order: θ ← θ − (α/(1 − β₁ᵗ))·m / (√v/√(1 − β₂ᵗ) + ε). The two subclasses differ only in
/// how weight decay λ enters. Introduced in notebook 05 (05-optimizers), which derives the bias correction.
/// </summary>
/// <remarks>
/// Ranges: lr, weightDecay ≥ 0; 0 ≤ β₁, β₂ &lt; 1; eps &gt; 0 (PyTorch also accepts eps = 0, which makes a coordinate
/// whose gradients were all 0 so far compute 0/0 = NaN). With the correction the first step is exactly
/// −α·g/(|g| + ε), i.e. α·sign(g) up to ε, whatever the gradient's scale.
/// </remarks>
public abstract class AdamBase : Optimizer
{
    private readonly bool decoupled;
    private double[]? m, v;

    /// <summary>Validates and stores the hyper-parameters; <paramref name="decoupled"/> selects AdamW's decay.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is outside its range (the message names it and its value).</exception>
    private protected AdamBase(double lr, double beta1, double beta2, double eps, double weightDecay, bool decoupled)
        : base(lr, weightDecay)
    {
        Guard.InRangeHalfOpen(beta1, 0, 1, nameof(beta1));
        Guard.InRangeHalfOpen(beta2, 0, 1, nameof(beta2));
        Guard.Positive(eps, nameof(eps));
        (Beta1, Beta2, Eps, this.decoupled) = (beta1, beta2, eps, decoupled);
    }

    /// <summary>β₁, the decay rate of the first-moment average m.</summary>
    public double Beta1 { get; }

    /// <summary>β₂, the decay rate of the second-moment average v.</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to √v̂ (outside the root).</summary>
    public double Eps { get; }

    /// <summary>A copy of the (uncorrected) first moment m; null before the first step.</summary>
    public Vector<double>? FirstMoment => Snapshot(m);

    /// <summary>A copy of the (uncorrected) second moment v; null before the first step.</summary>
    public Vector<double>? SecondMoment => Snapshot(v);

    /// <inheritdoc/>
    protected override void Initialize(int length) => (m, v) = (new double[length], new double[length]);

    /// <inheritdoc/>
    protected override void Update(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        var t = StepCount;
        var stepSize = LearningRate / (1 - Math.Pow(Beta1, t));
        var biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(Beta2, t));
        for (var i = 0; i < parameters.Length; i++)
        {
            double g;
            if (decoupled)
            {
                parameters[i] *= 1 - LearningRate * WeightDecay;   // AdamW: θ ← θ(1 − αλ) before the Adam step
                g = gradient[i];
            }
            else g = DecayedGradient(parameters[i], gradient[i]);     // Adam: L2, g ← g + λθ
            m![i] = m[i] * Beta1 + (1 - Beta1) * g;
            v![i] = v[i] * Beta2 + (1 - Beta2) * g * g;
            var denominator = Math.Sqrt(v[i]) / biasCorrection2Sqrt + Eps;
            parameters[i] += -stepSize * m[i] / denominator;   // addcdiv_: θ + (value·m)/denominator
        }
    }
}
