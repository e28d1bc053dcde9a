using MLCourse.Numerics;

namespace MLCourse.Embeddings;

/// <summary>The logarithm of the logistic function σ(x) = 1/(1 + e^(−x)), finite and precise for any score (word2vec's scores are dot products).</summary>
internal static class Logistic
{
    /// <summary>
    /// log σ(x) = min(x, 0) − log1p(e^(−|x|)) (−x for x ≪ 0, −e^(−x) to full precision for x ≫ 0), and in
    /// <paramref name="complement"/> σ(−x) = 1 − σ(x), its derivative, from the same exponential.
    /// </summary>
    public static double LogSigmoid(double x, out double complement)
    {
        var e = Math.Exp(-Math.Abs(x));
        complement = x >= 0 ? e / (1 + e) : 1 / (1 + e);
        return Math.Min(x, 0) - FloatingPoint.Log1p(e);
    }
}
