using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Optimization;

/// <summary>Runs an optimizer on a function given by its gradient and records the path. Introduced in notebook 05 (05-optimizers).</summary>
public static class Trajectory
{
    /// <summary>
    /// Starts at <paramref name="start"/> (not modified) and takes <paramref name="steps"/> optimizer steps with the
    /// gradient <paramref name="gradient"/>(θ) of the current point. Returns the steps + 1 points θ₀ = start, θ₁, …
    /// (each a copy). Before step t (1-based) <paramref name="learningRate"/>(t), if given, sets the optimizer's learning rate,
    /// e.g. a warm-up schedule from <see cref="LearningRateSchedules"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="learningRate"/> is given but the optimizer is not an <see cref="Optimizer"/> (it has no learning rate to set).</exception>
    public static IReadOnlyList<Vector<double>> Run(IOptimizer optimizer, Vector<double> start, Func<Vector<double>, Vector<double>> gradient,
        int steps, Func<int, double>? learningRate = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(gradient);
        Guard.NotEmpty(start, nameof(start));
        Guard.NonNegative(steps, nameof(steps));
        var scheduled = optimizer as Optimizer;
        if (learningRate is not null && scheduled is null)
            throw new ArgumentException($"A learning-rate schedule needs an {nameof(Optimizer)}, but optimizer is a {optimizer.GetType().Name}.", nameof(learningRate));
        var theta = start.Clone();
        var path = new List<Vector<double>>(steps + 1) { theta.Clone() };
        for (var t = 1; t <= steps; t++)
        {
            if (learningRate is not null) scheduled!.LearningRate = learningRate(t);
            optimizer.Step(theta, gradient(theta));
            path.Add(theta.Clone());
        }
        return path;
    }
}
