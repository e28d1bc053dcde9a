using System.Collections;
using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Regularization;

/// <summary>
/// The result of <see cref="Lasso.Path"/>: one (Alpha, Coefficients, Intercept) step per requested α, in the order
/// given, plus how many coordinate sweeps each fit used and whether every fit converged (a path is only as good as its
/// worst step, so check <see cref="Converged"/>). Introduced in notebook 06.
/// </summary>
public sealed class LassoPath : IReadOnlyList<(double Alpha, Vector<double> Coefficients, double Intercept)>
{
    private readonly IReadOnlyList<(double Alpha, Vector<double> Coefficients, double Intercept)> steps;

    internal LassoPath(IReadOnlyList<(double Alpha, Vector<double> Coefficients, double Intercept)> steps, IReadOnlyList<int> iterations, bool converged)
    {
        (this.steps, Iterations, Converged) = (steps, iterations, converged);
    }

    /// <summary>Coordinate sweeps used at each step (warm starts make later steps cheap).</summary>
    public IReadOnlyList<int> Iterations { get; }

    /// <summary>True when every step met the duality-gap criterion within the sweep budget.</summary>
    public bool Converged { get; }

    /// <summary>The number of steps (= the number of alphas).</summary>
    public int Count => steps.Count;

    /// <summary>Step <paramref name="index"/>: its α, the fitted w and the intercept b.</summary>
    public (double Alpha, Vector<double> Coefficients, double Intercept) this[int index] => steps[index];

    /// <summary>The coefficients as a p×k matrix, column s being the w of step s (scikit-learn's <c>coefs</c> layout).</summary>
    public Matrix<double> CoefficientMatrix() => Matrix<double>.Build.DenseOfColumnVectors(steps.Select(s => s.Coefficients));

    /// <summary>
    /// Where the support (the set of non-zero coefficients) changes along the path: for every step s ≥ 1 and feature j
    /// that is zero at step s − 1 and non-zero at step s, an entry (s, j, Entered: true); for the reverse, (s, j,
    /// Entered: false). A feature non-zero at step 0 is reported as entering at step 0. Ordered by step, then feature.
    /// On a decreasing α grid this is the order in which the lasso adds (and drops) variables; a grid coarser than the
    /// gaps between knots can merge events into one step.
    /// </summary>
    public IReadOnlyList<(int Step, int Feature, bool Entered)> SupportChanges()
    {
        var changes = new List<(int, int, bool)>();
        for (var s = 0; s < steps.Count; s++)
            for (var j = 0; j < steps[s].Coefficients.Count; j++)
            {
                var before = s > 0 && steps[s - 1].Coefficients[j] != 0;
                var now = steps[s].Coefficients[j] != 0;
                if (before != now) changes.Add((s, j, now));
            }
        return changes;
    }

    /// <inheritdoc/>
    public IEnumerator<(double Alpha, Vector<double> Coefficients, double Intercept)> GetEnumerator() => steps.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
