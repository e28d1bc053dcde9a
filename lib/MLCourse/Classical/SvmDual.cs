using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Classical;

/// <summary>
/// The SVM dual problem and its solver, shared by <see cref="LinearSvm"/> and <see cref="KernelSvm"/>: for labels
/// yᵢ = ±1 and a Gram matrix Kᵢⱼ = k(xᵢ, xⱼ), minimise ½αᵀQα − Σαᵢ with Qᵢⱼ = yᵢyⱼKᵢⱼ, subject to Σαᵢyᵢ = 0 and
/// 0 ≤ αᵢ ≤ C (C = ∞: the hard margin). Sequential minimal optimisation (Platt 1998) with libsvm's second-order
/// working-set selection (Fan, Chen and Lin 2005): each step moves the pair (i, j) that most violates the KKT
/// conditions exactly to the minimum along the line that keeps Σαᵢyᵢ fixed, clipped to the box.
/// </summary>
internal static class SvmDual
{
    /// <summary>Curvature used when a pair has a Gram distance of 0 (two identical points), as libsvm's TAU.</summary>
    private const double Tau = 1e-12;

    /// <summary>
    /// Solves the dual. Stops when the KKT gap max_{I_up}(−yᵢGᵢ) − min_{I_low}(−yⱼGⱼ) (G = Qα − 1, the dual gradient) is at
    /// most <paramref name="tolerance"/>·(1 + max|Qα|); the gradient is recomputed from α before accepting, so rounding
    /// drift from the incremental updates cannot fake convergence. The bias is the average of yₜ − Σαᵢyᵢkᵢₜ over the
    /// free support vectors (0 &lt; αₜ &lt; C), or the middle of the feasible interval if there are none.
    /// </summary>
    /// <exception cref="InvalidOperationException">No convergence in <paramref name="maxIterations"/> pair updates (with
    /// C = ∞ this means the classes are not separable in the kernel's feature space: the dual is unbounded).</exception>
    public static (Vector<double> Alpha, double Bias, int Iterations) Solve(Matrix<double> gram, int[] y, double c, double tolerance, int maxIterations)
    {
        var n = y.Length;
        var alpha = new double[n];
        var gradient = Enumerable.Repeat(-1.0, n).ToArray();
        for (var iteration = 0; iteration <= maxIterations; iteration++)
        {
            var (i, j, gap) = WorkingSet(gram, y, alpha, gradient, c);
            if (gap <= tolerance * Scale(gradient))
            {
                gradient = Gradient(gram, y, alpha);   // drop the drift of the incremental updates, then look again
                (i, j, gap) = WorkingSet(gram, y, alpha, gradient, c);
                if (gap <= tolerance * Scale(gradient)) return (Vector<double>.Build.DenseOfArray(alpha), Bias(y, alpha, gradient, c), iteration);
            }
            if (iteration == maxIterations) break;
            var a = Math.Max(gram[i, i] + gram[j, j] - 2 * gram[i, j], Tau);
            var delta = (-y[i] * gradient[i] + y[j] * gradient[j]) / a;   // αᵢ += yᵢδ, αⱼ −= yⱼδ keeps Σαy fixed
            delta = Math.Min(delta, y[i] == 1 ? c - alpha[i] : alpha[i]);
            delta = Math.Min(delta, y[j] == 1 ? alpha[j] : c - alpha[j]);
            var (oldI, oldJ) = (alpha[i], alpha[j]);
            alpha[i] = Clip(alpha[i] + y[i] * delta, c);
            alpha[j] = Clip(alpha[j] - y[j] * delta, c);
            var (di, dj) = (alpha[i] - oldI, alpha[j] - oldJ);
            for (var t = 0; t < n; t++) gradient[t] += y[t] * (y[i] * gram[t, i] * di + y[j] * gram[t, j] * dj);
        }
        throw new InvalidOperationException(
            $"The SVM dual did not converge in {maxIterations} steps. " +
            (double.IsPositiveInfinity(c)
                ? "With the hard margin (c = ∞) this means the classes are not separable in the kernel's feature space (the dual is unbounded): use a finite c (a soft margin)."
                : "Raise maxIterations or the tolerance."));
    }

    /// <summary>The dual gradient G = Qα − 1 computed from scratch.</summary>
    private static double[] Gradient(Matrix<double> gram, int[] y, double[] alpha)
    {
        var n = y.Length;
        var gradient = new double[n];
        for (var t = 0; t < n; t++)
        {
            var sum = 0.0;
            for (var s = 0; s < n; s++) if (alpha[s] != 0) sum += y[s] * alpha[s] * gram[t, s];
            gradient[t] = y[t] * sum - 1;
        }
        return gradient;
    }

    /// <summary>1 + max|Qα| = 1 + max|Gₜ + 1|: the size of the terms the gradient is made of.</summary>
    private static double Scale(double[] gradient) => 1 + gradient.Max(g => Math.Abs(g + 1));

    private static double Clip(double value, double c) => Math.Min(Math.Max(value, 0), c);

    /// <summary>αₜ can grow along yₜ (t ∈ I_up) or shrink along it (t ∈ I_low).</summary>
    private static bool Up(int y, double alpha, double c) => y == 1 ? alpha < c : alpha > 0;

    private static bool Low(int y, double alpha, double c) => y == 1 ? alpha > 0 : alpha < c;

    /// <summary>libsvm's WSS 3: i maximises −yᵢGᵢ over I_up; j, among the violating t ∈ I_low, maximises the second-order gain b²/a.</summary>
    private static (int I, int J, double Gap) WorkingSet(Matrix<double> gram, int[] y, double[] alpha, double[] gradient, double c)
    {
        var (i, maxUp) = (-1, double.NegativeInfinity);
        for (var t = 0; t < y.Length; t++)
            if (Up(y[t], alpha[t], c) && -y[t] * gradient[t] > maxUp) (i, maxUp) = (t, -y[t] * gradient[t]);
        var (j, minLow, bestGain) = (-1, double.PositiveInfinity, double.NegativeInfinity);
        for (var t = 0; t < y.Length; t++)
        {
            if (!Low(y[t], alpha[t], c)) continue;
            var value = -y[t] * gradient[t];
            minLow = Math.Min(minLow, value);
            var b = maxUp - value;
            if (b <= 0) continue;
            var gain = b * b / Math.Max(gram[i, i] + gram[t, t] - 2 * gram[i, t], Tau);
            if (gain > bestGain) (j, bestGain) = (t, gain);
        }
        return (i, j, j < 0 ? 0 : maxUp - minLow);
    }

    /// <summary>b = −yₜGₜ averaged over the free αₜ (where yₜf(xₜ) = 1 exactly), else the middle of [max over bounded lower, min over bounded upper].</summary>
    private static double Bias(int[] y, double[] alpha, double[] gradient, double c)
    {
        var free = Enumerable.Range(0, y.Length).Where(t => alpha[t] > 0 && alpha[t] < c).ToList();
        if (free.Count > 0) return free.Average(t => -y[t] * gradient[t]);
        var up = Enumerable.Range(0, y.Length).Where(t => Up(y[t], alpha[t], c)).Select(t => -y[t] * gradient[t]);
        var low = Enumerable.Range(0, y.Length).Where(t => Low(y[t], alpha[t], c)).Select(t => -y[t] * gradient[t]);
        return (up.Max() + low.Min()) / 2;   // I_up and I_low are never empty at a feasible α with both classes
    }
}
