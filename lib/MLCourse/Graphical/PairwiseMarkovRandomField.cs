using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Graphical;

/// <summary>
/// A pairwise Markov random field (an undirected graphical model) over discrete variables X₀ … X_{n−1}, variable v taking
/// the values 0 … d_v − 1: P(x) = (1/Z) Π_{(i,j) ∈ E} φ_ij(x_i, x_j), with one non-negative potential table φ_ij
/// (d_i×d_j) per edge and the partition function Z = Σ_x Π φ_ij(x_i, x_j), a sum over all Π_v d_v joint assignments.
/// Equivalently the Gibbs distribution P(x) = e^{−E(x)}/Z with energy E(x) = −Σ_{(i,j)} log φ_ij(x_i, x_j).
/// Every quantity is computed by exhaustive enumeration, so the class is a reference for small fields (up to a
/// few million assignments), not an inference engine. Introduced in notebook 17 (graphical models).
/// </summary>
/// <remarks>
/// Range: every d_v ≥ 1; potentials finite and ≥ 0 (a 0 forbids that pair of values; the Hammersley–Clifford theorem
/// needs them &gt; 0, the factorisation itself does not), with Z &gt; 0. An edge may repeat: its potentials multiply.
/// Assignments are int arrays of length n; partial assignments (events) are lists of (variable, value) pairs.
/// </remarks>
public sealed class PairwiseMarkovRandomField
{
    private readonly int[] domainSizes;
    private readonly (int First, int Second, Matrix<double> Potential)[] edges;
    private readonly double partitionFunction;

    /// <summary>A field with the given domain sizes and edges (i, j, φ_ij), φ_ij[a, b] = φ_ij(X_i = a, X_j = b).</summary>
    /// <exception cref="ArgumentException">No variables or a domain size &lt; 1 (<c>domainSizes</c>); an edge with an
    /// endpoint outside [0, n), a self-loop, a potential that is not d_i×d_j (both shapes are named) or has a negative or
    /// non-finite entry, or potentials under which every assignment has weight 0 (<c>edges</c>).</exception>
    public PairwiseMarkovRandomField(IReadOnlyList<int> domainSizes, IReadOnlyList<(int First, int Second, Matrix<double> Potential)> edges)
    {
        ArgumentNullException.ThrowIfNull(domainSizes);
        ArgumentNullException.ThrowIfNull(edges);
        if (domainSizes.Count == 0) throw new ArgumentException("domainSizes is empty: a field needs at least one variable.", nameof(domainSizes));
        for (var v = 0; v < domainSizes.Count; v++)
            if (domainSizes[v] < 1)
                throw new ArgumentException($"domainSizes[{v}] = {domainSizes[v]}: every variable needs at least one value.", nameof(domainSizes));
        this.domainSizes = domainSizes.ToArray();
        this.edges = new (int, int, Matrix<double>)[edges.Count];
        for (var e = 0; e < edges.Count; e++)
        {
            var (i, j, potential) = edges[e];
            if (i < 0 || i >= Variables || j < 0 || j >= Variables || i == j)
                throw new ArgumentException($"edges[{e}] = ({i}, {j}) must join two different variables in [0, {Variables}).", nameof(edges));
            ArgumentNullException.ThrowIfNull(potential, nameof(edges));
            if (potential.RowCount != this.domainSizes[i] || potential.ColumnCount != this.domainSizes[j])
                throw new ArgumentException(
                    $"edges[{e}]'s potential is {Guard.Shape(potential)} but variables {i} and {j} have {this.domainSizes[i]} and {this.domainSizes[j]} values: it must be {this.domainSizes[i]}×{this.domainSizes[j]}.", nameof(edges));
            if (potential.Exists(p => !(p >= 0) || double.IsPositiveInfinity(p)))
                throw new ArgumentException($"edges[{e}]'s potential has a negative, infinite or NaN entry: potentials must be finite and ≥ 0.", nameof(edges));
            this.edges[e] = (i, j, potential.Clone());
        }
        partitionFunction = Assignments().Sum(Weight);
        if (!(partitionFunction > 0))
            throw new ArgumentException("Every assignment has weight Π φ = 0: the partition function is 0 and P is undefined.", nameof(edges));
    }

    /// <summary>n, the number of variables.</summary>
    public int Variables => domainSizes.Length;

    /// <summary>The edges (i, j, φ_ij), with copies of the potentials.</summary>
    public IReadOnlyList<(int First, int Second, Matrix<double> Potential)> Edges => edges.Select(e => (e.First, e.Second, e.Potential.Clone())).ToArray();

    /// <summary>The variables joined to <paramref name="variable"/> by an edge (its Markov blanket), in increasing order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">variable outside [0, n).</exception>
    public IReadOnlyList<int> Neighbours(int variable)
    {
        CheckVariable(variable, nameof(variable));
        return edges.Where(e => e.First == variable || e.Second == variable).Select(e => e.First == variable ? e.Second : e.First)
            .Distinct().Order().ToArray();
    }

    /// <summary>All Π_v d_v joint assignments, in lexicographic order (<see cref="Enumeration.Product"/>).</summary>
    public IEnumerable<int[]> Assignments() => Enumeration.Product(domainSizes);

    /// <summary>The unnormalised probability Π_{(i,j)} φ_ij(x_i, x_j) of a full assignment (e^{−E(x)}).</summary>
    /// <exception cref="ArgumentException">assignment does not have n entries or a value is outside its variable's domain.</exception>
    public double UnnormalisedProbability(int[] assignment)
    {
        CheckAssignment(assignment);
        return Weight(assignment);
    }

    /// <summary>The energy E(x) = −Σ_{(i,j)} log φ_ij(x_i, x_j), so that P(x) = e^{−E(x)}/Z; +∞ where a potential is 0.</summary>
    /// <exception cref="ArgumentException">assignment does not have n entries or a value is outside its variable's domain.</exception>
    public double Energy(int[] assignment)
    {
        CheckAssignment(assignment);
        return -edges.Sum(e => Math.Log(e.Potential[assignment[e.First], assignment[e.Second]]));
    }

    /// <summary>Z = Σ_x Π_{(i,j)} φ_ij(x_i, x_j) over every joint assignment x (computed once, by enumeration).</summary>
    public double PartitionFunction() => partitionFunction;

    /// <summary>P(X = x) = Π φ_ij(x_i, x_j) / Z for a full assignment.</summary>
    /// <exception cref="ArgumentException">assignment does not have n entries or a value is outside its variable's domain.</exception>
    public double Probability(int[] assignment) => UnnormalisedProbability(assignment) / partitionFunction;

    /// <summary>
    /// The probability of an event, a partial assignment: P(X_{v₁} = a₁, X_{v₂} = a₂, …), the sum of P(x) over the
    /// assignments that agree with every pair (0 if a variable is given two different values; 1 for an empty list).
    /// </summary>
    /// <exception cref="ArgumentException">A variable outside [0, n) or a value outside its domain (<c>values</c>).</exception>
    public double Marginal(IReadOnlyList<(int Variable, int Value)> values)
    {
        CheckEvent(values, nameof(values));
        return Assignments().Where(x => Agrees(x, values)).Sum(Weight) / partitionFunction;
    }

    /// <summary>The marginal distribution of one variable: entry a is P(X_v = a).</summary>
    /// <exception cref="ArgumentOutOfRangeException">variable outside [0, n).</exception>
    public Vector<double> Marginal(int variable)
    {
        CheckVariable(variable, nameof(variable));
        var marginal = Vector<double>.Build.Dense(domainSizes[variable]);
        foreach (var x in Assignments()) marginal[x[variable]] += Weight(x);
        return marginal / partitionFunction;
    }

    /// <summary>
    /// The conditional probability P(query | given) = P(query, given) / P(given) of two events (partial assignments).
    /// </summary>
    /// <exception cref="ArgumentException">A variable outside [0, n) or a value outside its domain (<c>query</c> or
    /// <c>given</c>); <paramref name="given"/> has probability 0 (<c>given</c>).</exception>
    public double Conditional(IReadOnlyList<(int Variable, int Value)> query, IReadOnlyList<(int Variable, int Value)> given)
    {
        CheckEvent(query, nameof(query));
        CheckEvent(given, nameof(given));
        var (joint, evidence) = (0.0, 0.0);
        foreach (var x in Assignments().Where(x => Agrees(x, given)))
        {
            var weight = Weight(x);
            evidence += weight;
            if (Agrees(x, query)) joint += weight;
        }
        if (evidence == 0) throw new ArgumentException("given has probability 0: the conditional probability is undefined.", nameof(given));
        return joint / evidence;
    }

    private double Weight(int[] x)
    {
        var product = 1.0;
        foreach (var (i, j, potential) in edges) product *= potential[x[i], x[j]];
        return product;
    }

    private static bool Agrees(int[] x, IReadOnlyList<(int Variable, int Value)> values) => values.All(p => x[p.Variable] == p.Value);

    private void CheckVariable(int variable, string name)
    {
        if (variable < 0 || variable >= Variables)
            throw new ArgumentOutOfRangeException(name, variable, $"{name} = {variable} is not a variable: the field has {Variables} (0 … {Variables - 1}).");
    }

    private void CheckAssignment(int[] assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        Guard.SameLength(Variables, "the field's variables", assignment.Length, nameof(assignment));
        for (var v = 0; v < Variables; v++)
            if (assignment[v] < 0 || assignment[v] >= domainSizes[v])
                throw new ArgumentException($"assignment[{v}] = {assignment[v]} is not a value of variable {v}, which has {domainSizes[v]} (0 … {domainSizes[v] - 1}).", nameof(assignment));
    }

    private void CheckEvent(IReadOnlyList<(int Variable, int Value)> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        foreach (var (variable, value) in values)
        {
            if (variable < 0 || variable >= Variables)
                throw new ArgumentException($"{name} names variable {variable}, but the field has {Variables} (0 … {Variables - 1}).", name);
            if (value < 0 || value >= domainSizes[variable])
                throw new ArgumentException($"{name} gives variable {variable} the value {value}, but it has {domainSizes[variable]} (0 … {domainSizes[variable] - 1}).", name);
        }
    }
}
