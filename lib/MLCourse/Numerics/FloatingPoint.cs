namespace MLCourse.Numerics;

/// <summary>
/// Elementary functions that keep their relative precision where the obvious formula loses it:
/// log(1 + x) and eˣ − 1 for small |x|, where 1 + x and eˣ round to 1. (.NET's <c>double.LogP1</c> and
/// <c>double.ExpM1</c> are computed as log(x + 1) and eˣ − 1, so they lose exactly these digits.)
/// Introduced in notebook 09, where the losses on logits need them.
/// </summary>
public static class FloatingPoint
{
    /// <summary>
    /// log(1 + x) to full relative precision (Kahan's correction: with u = 1 + x rounded, log(u)·x/(u − 1) cancels the
    /// rounding of u). log1p(1e-20) = 1e-20, where Math.Log(1 + 1e-20) = 0. Range: x ≥ −1 (−∞ at −1, NaN below).
    /// </summary>
    public static double Log1p(double x)
    {
        var u = 1 + x;
        if (u == 1) return x;
        if (double.IsPositiveInfinity(u)) return Math.Log(u);
        return Math.Log(u) * x / (u - 1);
    }

    /// <summary>
    /// eˣ − 1 to full relative precision (Kahan's correction: with u = eˣ rounded, (u − 1)·x/log u). expm1(1e-20) = 1e-20,
    /// where Math.Exp(1e-20) − 1 = 0. Range: any x (−1 as x → −∞, +∞ above ≈ 709.78).
    /// </summary>
    public static double Expm1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1) return x;
        var um1 = u - 1;
        if (um1 == -1 || double.IsPositiveInfinity(u)) return um1;
        return um1 * x / Math.Log(u);
    }
}
