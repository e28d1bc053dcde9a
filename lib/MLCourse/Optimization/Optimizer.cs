using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Optimization;

/// <summary>
/// A first-order optimizer: given the gradient g = ∇f(θ) at the current parameters θ, <see cref="Step"/> moves θ in place.
/// Introduced in notebook 05 (05-optimizers).
/// </summary>
public interface IOptimizer
{
    /// <summary>Updates <paramref name="parameters"/> in place from <paramref name="gradient"/> (∂loss/∂parameters).</summary>
    void Step(Vector<double> parameters, Vector<double> gradient);
}

/// <summary>
/// The shared shape of the course's optimizers (<see cref="SGD"/>, <see cref="AdaGrad"/>, <see cref="RMSprop"/>,
/// <see cref="Adam"/>, <see cref="AdamW"/>): validation, the step counter t and the length of the tracked parameter
/// vector. Like one PyTorch optimizer over one parameter tensor, an instance keeps per-coordinate state (momentum buffer,
/// moment estimates, …) for ONE parameter vector, so its length is fixed by the first <see cref="Step"/>.
/// Introduced in notebook 05 (05-optimizers).
/// </summary>
/// <remarks>
/// Every update reads the gradient (never modifies it) and writes the parameters in place, in the same
/// order of floating-point operations as the single-tensor (<c>foreach=False</c>) code path of PyTorch 1.13, so results
/// agree with <c>torch.optim</c> to rounding. NaN or infinite gradients are not rejected: they propagate, as in PyTorch.
/// </remarks>
public abstract class Optimizer : IOptimizer
{
    private double learningRate;

    /// <summary>Validates and stores the learning rate and the weight decay.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lr"/> or <paramref name="weightDecay"/> is negative, infinite or NaN.</exception>
    protected Optimizer(double lr, double weightDecay)
    {
        LearningRate = lr;
        Guard.NonNegative(weightDecay, nameof(weightDecay));
        WeightDecay = weightDecay;
    }

    /// <summary>
    /// The learning rate α used by the next <see cref="Step"/>. Settable between steps, which is how a schedule
    /// (<see cref="LearningRateSchedules"/>) drives an optimizer, like writing <c>param_groups[0]["lr"]</c> in PyTorch.
    /// Range: finite, ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN (ParamName <c>lr</c>).</exception>
    public double LearningRate
    {
        get => learningRate;
        set
        {
            Guard.NonNegative(value, "lr");
            learningRate = value;
        }
    }

    /// <summary>The weight-decay coefficient λ ≥ 0 (its meaning, L2 or decoupled, depends on the optimizer).</summary>
    public double WeightDecay { get; }

    /// <summary>The number of steps taken so far, t (0 before the first <see cref="Step"/>).</summary>
    public int StepCount { get; private set; }

    /// <summary>The length of the parameter vector this instance tracks; null until the first <see cref="Step"/>.</summary>
    public int? Length { get; private set; }

    /// <summary>
    /// One optimization step: t ← t + 1, then the optimizer's update of <paramref name="parameters"/> (in place) from
    /// <paramref name="gradient"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty; <paramref name="gradient"/> has a
    /// different length (both lengths are named); or <paramref name="parameters"/> is not the length this instance
    /// tracks since its first step (one instance, one parameter vector).</exception>
    public void Step(Vector<double> parameters, Vector<double> gradient)
    {
        Guard.NotEmpty(parameters, nameof(parameters));
        Guard.SameLength(parameters, nameof(parameters), gradient, nameof(gradient));
        if (Length is int length && parameters.Count != length)
            throw new ArgumentException(
                $"This {GetType().Name} tracks a parameter vector of length {length} (fixed by its first step), but parameters has length {parameters.Count}: use one optimizer instance per parameter vector.",
                nameof(parameters));
        if (Length is null)
        {
            Initialize(parameters.Count);
            Length = parameters.Count;
        }
        StepCount++;
        var dense = parameters.AsArray();   // a dense vector's own storage (updated in place), or null for other storages
        var values = dense ?? parameters.ToArray();
        var gradientValues = gradient.AsArray();
        if (gradientValues is null || ReferenceEquals(gradientValues, values)) gradientValues = gradient.ToArray();   // never read a gradient being overwritten
        Update(values, gradientValues);
        if (dense is null) parameters.SetValues(values);
    }

    /// <summary>Allocates the per-coordinate state for a parameter vector of <paramref name="length"/> entries.</summary>
    protected abstract void Initialize(int length);

    /// <summary>
    /// The optimizer's update rule on the parameters' values (written in place) and the gradient's values (read only),
    /// both of the tracked length; <see cref="StepCount"/> is already the new t ≥ 1.
    /// </summary>
    protected abstract void Update(Span<double> parameters, ReadOnlySpan<double> gradient);

    /// <summary>The L2-regularised gradient g + λθ of one coordinate (PyTorch's <c>grad.add(param, alpha=weight_decay)</c>).</summary>
    protected double DecayedGradient(double parameter, double gradient) =>
        WeightDecay != 0 ? gradient + WeightDecay * parameter : gradient;

    /// <summary>A copy of a state array as a vector, or null before the first step.</summary>
    protected static Vector<double>? Snapshot(double[]? state) => state is null ? null : Vector<double>.Build.DenseOfArray((double[])state.Clone());
}
