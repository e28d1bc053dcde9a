namespace MLCourse.Activations;

/// <summary>
/// An activation function with its derivative, as a value a network layer or a plot can take
/// (<c>ActivationFunction.Relu</c>, <c>ActivationFunction.LeakyRelu(0.1)</c>, or a custom pair).
/// The built-in ones call <see cref="Activation"/>. Introduced in notebook 08 (activations).
/// </summary>
/// <param name="Name">A display name ("ReLU").</param>
/// <param name="Value">f(x).</param>
/// <param name="Derivative">f′(x), the value backpropagation multiplies by (a subgradient at a kink).</param>
public sealed record ActivationFunction(string Name, Func<double, double> Value, Func<double, double> Derivative)
{
    /// <summary>f(x) = x, f′ = 1: a layer without a non-linearity.</summary>
    public static ActivationFunction Identity { get; } = new("identity", x => x, _ => 1);

    /// <summary><see cref="Activation.Sigmoid"/> and its derivative.</summary>
    public static ActivationFunction Sigmoid { get; } = new("sigmoid", Activation.Sigmoid, Activation.SigmoidDerivative);

    /// <summary><see cref="Activation.Tanh"/> and its derivative.</summary>
    public static ActivationFunction Tanh { get; } = new("tanh", Activation.Tanh, Activation.TanhDerivative);

    /// <summary><see cref="Activation.Relu"/> and its derivative (ReLU′(0) = 0, as in PyTorch).</summary>
    public static ActivationFunction Relu { get; } = new("ReLU", Activation.Relu, Activation.ReluDerivative);

    /// <summary><see cref="Activation.Gelu"/> (exact, x·Φ(x)) and its derivative.</summary>
    public static ActivationFunction Gelu { get; } = new("GELU", Activation.Gelu, Activation.GeluDerivative);

    /// <summary><see cref="Activation.GeluTanh"/> (PyTorch's approximate="tanh") and its derivative.</summary>
    public static ActivationFunction GeluTanh { get; } = new("GELU (tanh)", Activation.GeluTanh, Activation.GeluTanhDerivative);

    /// <summary><see cref="Activation.Silu"/> and its derivative.</summary>
    public static ActivationFunction Silu { get; } = new("SiLU", Activation.Silu, Activation.SiluDerivative);

    /// <summary><see cref="Activation.Softplus"/> and its derivative.</summary>
    public static ActivationFunction Softplus { get; } = new("softplus", Activation.Softplus, Activation.SoftplusDerivative);

    /// <summary><see cref="Activation.LeakyRelu"/> with slope α for x ≤ 0, and its derivative. Range: α any finite number.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is not finite.</exception>
    public static ActivationFunction LeakyRelu(double negativeSlope = 0.01)
    {
        Guard.Finite(negativeSlope, nameof(negativeSlope));
        return new($"LeakyReLU({negativeSlope})", x => Activation.LeakyRelu(x, negativeSlope), x => Activation.LeakyReluDerivative(x, negativeSlope));
    }

    /// <summary>Swish x·σ(βx) and its derivative. Range: β any finite number.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not finite.</exception>
    public static ActivationFunction Swish(double beta)
    {
        Guard.Finite(beta, nameof(beta));
        return new($"Swish(β = {beta})", x => Activation.Swish(x, beta), x => Activation.SwishDerivative(x, beta));
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
