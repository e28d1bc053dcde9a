using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Optimization;

/// <summary>
/// Stochastic gradient descent with optional L2 weight decay, (heavy-ball) momentum and Nesterov momentum, exactly as
/// <c>torch.optim.SGD</c>. With g ← g + λθ (if λ &gt; 0) and buffer b:
/// <list type="bullet">
/// <item>plain (momentum 0): θ ← θ − α g;</item>
/// <item>momentum γ: b ← g at the first step, afterwards b ← γ b + (1 − dampening) g; then θ ← θ − α b;</item>
/// <item>Nesterov: the same b, then θ ← θ − α (g + γ b).</item>
/// </list>
/// Introduced in notebook 05 (05-optimizers), which shows that the momentum form equals the notes' v ← γv + η∇J, θ ← θ − v
/// (with v = αb, for a constant α), and that the Nesterov form is Sutskever's "gradient at the look-ahead point θ + γv"
/// written in the look-ahead variable.
/// </summary>
/// <remarks>
/// Ranges: lr ≥ 0; 0 ≤ momentum &lt; 1 (PyTorch accepts any momentum ≥ 0, but γ ≥ 1 never forgets a gradient and
/// diverges); 0 ≤ dampening ≤ 1; weightDecay ≥ 0; Nesterov needs momentum &gt; 0 and dampening 0, as in PyTorch.
/// </remarks>
public sealed class SGD : Optimizer
{
    private double[]? buffer;

    /// <summary>Creates the optimizer (PyTorch's <c>SGD(params, lr, momentum, dampening, weight_decay, nesterov)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is outside its range (the message names it and its value).</exception>
    /// <exception cref="ArgumentException"><paramref name="nesterov"/> is true but momentum is 0 or dampening is not 0.</exception>
    public SGD(double lr, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : base(lr, weightDecay)
    {
        Guard.InRangeHalfOpen(momentum, 0, 1, nameof(momentum));
        Guard.InRange(dampening, 0, 1, nameof(dampening));
        if (nesterov && (momentum == 0 || dampening != 0))
            throw new ArgumentException(
                $"Nesterov momentum requires momentum > 0 and dampening = 0 (as in torch.optim.SGD), got momentum = {momentum} and dampening = {dampening}.",
                nameof(nesterov));
        Momentum = momentum;
        Dampening = dampening;
        Nesterov = nesterov;
    }

    /// <summary>The momentum coefficient γ (0: plain SGD).</summary>
    public double Momentum { get; }

    /// <summary>The dampening: new gradients enter the buffer with weight 1 − dampening (from the second step on).</summary>
    public double Dampening { get; }

    /// <summary>Whether the Nesterov form θ ← θ − α(g + γb) is used.</summary>
    public bool Nesterov { get; }

    /// <summary>A copy of the momentum buffer b; null before the first step or when momentum is 0.</summary>
    public Vector<double>? MomentumBuffer => Snapshot(buffer);

    /// <inheritdoc/>
    protected override void Initialize(int length)
    {
        if (Momentum != 0) buffer = new double[length];
    }

    /// <inheritdoc/>
    protected override void Update(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        var first = StepCount == 1;
        for (var i = 0; i < parameters.Length; i++)
        {
            var g = DecayedGradient(parameters[i], gradient[i]);
            var d = g;
            if (buffer is not null)
            {
                buffer[i] = first ? g : buffer[i] * Momentum + (1 - Dampening) * g;
                d = Nesterov ? g + Momentum * buffer[i] : buffer[i];
            }
            parameters[i] += -LearningRate * d;
        }
    }
}
