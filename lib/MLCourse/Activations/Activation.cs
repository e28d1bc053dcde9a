using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Activations;

/// <summary>
/// The element-wise activation functions of <c>torch.nn.functional</c> (sigmoid, logsigmoid, tanh, relu, leaky_relu, gelu
/// with approximate "none" and "tanh", silu, softplus), Swish with a slope β, their derivatives, and the gated linear unit
/// <c>glu</c>. Introduced in notebook 08 (activations).
/// </summary>
/// <remarks>
/// <para>Values agree with PyTorch's float64 results to 1e-9 relative. Every function is computed in a form that stays
/// accurate in the tails, so results are finite and correct for any finite x (x = ±800 included): a result smaller than
/// the smallest double underflows to ±0, never to NaN. Where PyTorch's own formula cancels (σ′ = σ(1 − σ) for large x,
/// tanh′ = 1 − tanh², GELU = ½x(1 + erf(x/√2)) for large negative x) the value here is the correctly rounded one and
/// PyTorch's differs; tests/MLCourse.Tests/Golden/activations.json lists those points.</para>
/// <para>NaN gives NaN, for the functions and their derivatives.</para>
/// </remarks>
public static class Activation
{
    private const double SqrtHalf = 0.70710678118654752440;        // 1/√2
    private const double InvSqrtTwoPi = 0.39894228040143267794;    // 1/√(2π)
    private const double SqrtTwoOverPi = 0.79788456080286535588;   // √(2/π)
    private const double GeluTanhCubic = 0.044715;
    private const double SoftplusThreshold = 20;

    /// <summary>
    /// The logistic sigmoid σ(x) = 1/(1 + e^{−x}), computed as e^x/(1 + e^x) for x &lt; 0 so that neither branch overflows.
    /// Range: any x; the result lies in [0, 1] in floating point (mathematically in (0, 1)): it rounds to exactly 1 for
    /// x ≥ 53·ln 2 ≈ 36.74 and underflows to 0 below about −745.
    /// </summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0) return 1 / (1 + Math.Exp(-x));
        var e = Math.Exp(x);
        return e / (1 + e);
    }

    /// <summary>
    /// log σ(x) = −log(1 + e^{−x}), as <c>torch.nn.functional.logsigmoid</c>, computed as min(x, 0) − log1p(e^{−|x|}):
    /// −x − e^{x} for x ≪ 0 (−800 at x = −800, where log(σ(x)) would be log 0 = −∞) and −e^{−x} to full relative
    /// precision for x ≫ 0 (where 1 − σ(x) rounds to 0). Its derivative is σ(−x). The terms of binary cross-entropy and
    /// of word2vec's losses are log-sigmoids. Introduced in notebook 10 (word2vec).
    /// </summary>
    public static double LogSigmoid(double x) => Math.Min(x, 0) - FloatingPoint.Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>σ′(x) = σ(x)(1 − σ(x)), computed as σ(x)·σ(−x), which keeps its tiny values for large |x| (at most 1/4, at x = 0).</summary>
    public static double SigmoidDerivative(double x) => Sigmoid(x) * Sigmoid(-x);

    /// <summary>The hyperbolic tangent tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) = 2σ(2x) − 1 (<c>torch.tanh</c>). In floating point it rounds to exactly ±1 for |x| ≳ 19.06.</summary>
    public static double Tanh(double x) => Math.Tanh(x);

    /// <summary>tanh′(x) = 1 − tanh²x = 1/cosh²x, computed as 1/cosh²x so that it keeps its tiny values for large |x| (1 at x = 0).</summary>
    public static double TanhDerivative(double x)
    {
        var c = Math.Cosh(x);
        return 1 / (c * c);
    }

    /// <summary>ReLU(x) = max(0, x) (<c>torch.relu</c>; NaN stays NaN).</summary>
    public static double Relu(double x) => Math.Max(x, 0.0);

    /// <summary>ReLU′(x) = 1 for x &gt; 0 and 0 for x ≤ 0: PyTorch's choice of subgradient at the kink, ReLU′(0) = 0.</summary>
    public static double ReluDerivative(double x) => double.IsNaN(x) ? x : x > 0 ? 1 : 0;

    /// <summary>
    /// LeakyReLU(x) = x for x &gt; 0 and α·x otherwise (<c>torch.nn.functional.leaky_relu</c>, α = <paramref name="negativeSlope"/>).
    /// For 0 ≤ α ≤ 1 this is max(αx, x). Range: α any finite number (PyTorch's default 0.01).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is not finite.</exception>
    public static double LeakyRelu(double x, double negativeSlope = 0.01)
    {
        Guard.Finite(negativeSlope, nameof(negativeSlope));
        return x > 0 ? x : negativeSlope * x;
    }

    /// <summary>LeakyReLU′(x) = 1 for x &gt; 0 and α for x ≤ 0 (PyTorch's value at 0 is α). Range: α any finite number.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is not finite.</exception>
    public static double LeakyReluDerivative(double x, double negativeSlope = 0.01)
    {
        Guard.Finite(negativeSlope, nameof(negativeSlope));
        return double.IsNaN(x) ? x : x > 0 ? 1 : negativeSlope;
    }

    /// <summary>
    /// The exact GELU, x·Φ(x) with Φ the standard normal CDF (<c>gelu(x, approximate="none")</c>). Φ is computed as
    /// ½·erfc(−x/√2), which keeps its relative accuracy for large negative x where PyTorch's ½(1 + erf(x/√2)) cancels
    /// (PyTorch returns −0 for x ≤ −8.3 or so; GELU(−19) is −1.62e−79 here).
    /// </summary>
    public static double Gelu(double x) => x * NormalCdf(x);

    /// <summary>GELU′(x) = Φ(x) + x·φ(x), with φ the standard normal density (½ at x = 0).</summary>
    public static double GeluDerivative(double x) => NormalCdf(x) + x * InvSqrtTwoPi * Math.Exp(-0.5 * x * x);

    /// <summary>
    /// The tanh approximation of GELU, ½x(1 + tanh u) with u = √(2/π)(x + 0.044715x³) (<c>gelu(x, approximate="tanh")</c>),
    /// computed as x·σ(2u) (the same function: ½(1 + tanh u) = σ(2u)), which does not cancel for large negative x.
    /// It differs from <see cref="Gelu"/> by at most 4.7e−4 (at x ≈ ±2.70).
    /// </summary>
    public static double GeluTanh(double x) => x * Sigmoid(2 * GeluTanhArgument(x));

    /// <summary>The derivative of <see cref="GeluTanh"/>: σ(2u) + 2x·σ(2u)σ(−2u)·u′ with u′ = √(2/π)(1 + 3·0.044715x²).</summary>
    public static double GeluTanhDerivative(double x)
    {
        var u = GeluTanhArgument(x);
        var s = Sigmoid(2 * u);
        var t = s * Sigmoid(-2 * u);
        // σ(2u)σ(−2u) underflows to 0 before u′ overflows; 0·∞ would be NaN.
        return t == 0 ? s : s + 2 * x * t * SqrtTwoOverPi * (1 + 3 * GeluTanhCubic * x * x);
    }

    /// <summary>
    /// Swish with slope β, x·σ(βx) (Ramachandran et al. 2017). β = 1 is SiLU; β → ∞ tends to ReLU, β = 0 is x/2.
    /// Range: β any finite number.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not finite.</exception>
    public static double Swish(double x, double beta)
    {
        Guard.Finite(beta, nameof(beta));
        return x * Sigmoid(beta * x);
    }

    /// <summary>d/dx x·σ(βx) = σ(βx)(1 + βx·σ(−βx)). Range: β any finite number.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not finite.</exception>
    public static double SwishDerivative(double x, double beta)
    {
        Guard.Finite(beta, nameof(beta));
        var (z, tail) = (beta * x, Sigmoid(-beta * x));
        return Sigmoid(z) * (1 + (tail == 0 ? 0 : z * tail));   // z·σ(−z) → 0 as z → ∞; ∞·0 would be NaN
    }

    /// <summary>SiLU(x) = x·σ(x) (<c>torch.nn.functional.silu</c>): <see cref="Swish"/> with β = 1. Its minimum is −W(1/e) ≈ −0.2785.</summary>
    public static double Silu(double x) => Swish(x, 1);

    /// <summary>SiLU′(x) = σ(x)(1 + x·σ(−x)).</summary>
    public static double SiluDerivative(double x) => SwishDerivative(x, 1);

    /// <summary>
    /// Softplus(x) = log(1 + eˣ), a smooth ReLU, as <c>torch.nn.functional.softplus</c> with its defaults (β = 1,
    /// threshold 20): x itself for x &gt; 20 (relative error below e^{−20}/20 ≈ 1e−10), log1p(eˣ) otherwise.
    /// </summary>
    public static double Softplus(double x) => x > SoftplusThreshold ? x : FloatingPoint.Log1p(Math.Exp(x));

    /// <summary>The derivative of <see cref="Softplus"/> as PyTorch defines it: σ(x) for x ≤ 20 and 1 above the threshold.</summary>
    public static double SoftplusDerivative(double x) => x > SoftplusThreshold ? 1 : Sigmoid(x);

    /// <summary>
    /// The gated linear unit of <c>torch.nn.functional.glu</c>: split x into halves a (first) and b (second) and return
    /// a ⊙ σ(b), of half the length. Range: x of even length ≥ 2.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is null, empty or of odd length (the message names both halves' lengths).</exception>
    public static Vector<double> Glu(Vector<double> x)
    {
        Guard.NotEmpty(x, nameof(x));
        if (x.Count % 2 != 0)
            throw new ArgumentException(
                $"x has length {x.Count}: GLU splits it into halves a and b of equal length, but they would have lengths {x.Count / 2} and {x.Count - x.Count / 2}.",
                nameof(x));
        var half = x.Count / 2;
        return Vector<double>.Build.Dense(half, i => x[i] * Sigmoid(x[half + i]));
    }

    private static double NormalCdf(double x) => 0.5 * SpecialFunctions.Erfc(-x * SqrtHalf);

    private static double GeluTanhArgument(double x) => SqrtTwoOverPi * (x + GeluTanhCubic * x * x * x);
}
