using MLCourse.Graphical;

namespace MLCourse.Tests.Graphical;

public class PairwiseMarkovRandomFieldTests
{
    private const int A = 0, B = 1, C = 2, D = 3;
    private static Matrix<double> M(double[,] values) => Matrix<double>.Build.DenseOfArray(values);

    private static readonly Matrix<double>[] Potentials =
    [
        M(new[,] { { 30.0, 5 }, { 1, 10 } }), M(new[,] { { 100.0, 1 }, { 1, 100 } }),
        M(new[,] { { 1.0, 100 }, { 100, 1 } }), M(new[,] { { 100.0, 1 }, { 1, 100 } }),
    ];

    /// <summary>The 4-cycle A–B–C–D–A with Koller and Friedman's misconception potentials (φ₁ asymmetric).</summary>
    private static PairwiseMarkovRandomField Cycle(params (int, int, Matrix<double>)[] extra) =>
        new([2, 2, 2, 2], [(A, B, Potentials[0]), (B, C, Potentials[1]), (C, D, Potentials[2]), (D, A, Potentials[3]), .. extra]);

    [Fact]
    public void The_partition_function_sums_the_product_of_potentials_over_every_assignment()
    {
        var z = 0.0;
        for (var a = 0; a < 2; a++)
            for (var b = 0; b < 2; b++)
                for (var c = 0; c < 2; c++)
                    for (var d = 0; d < 2; d++)
                        z += Potentials[0][a, b] * Potentials[1][b, c] * Potentials[2][c, d] * Potentials[3][d, a];
        var field = Cycle();

        Assert.Equal(z, field.PartitionFunction(), 9);
        Assert.Equal(7_201_840, field.PartitionFunction(), 6);   // Koller & Friedman, Probabilistic Graphical Models, fig. 4.2
        Assert.Equal(1, field.Assignments().Sum(field.Probability), 14);
        Assert.Equal(0.69, field.Probability([0, 1, 1, 0]), 2);   // their P(a⁰, b¹, c¹, d⁰) ≈ 0.69
    }

    [Fact]
    public void Assignments_are_every_joint_value_in_lexicographic_order()
    {
        var field = new PairwiseMarkovRandomField([2, 3], [(0, 1, Matrix<double>.Build.Dense(2, 3, 1))]);

        Assert.Equal(new[] { new[] { 0, 0 }, [0, 1], [0, 2], [1, 0], [1, 1], [1, 2] }, field.Assignments());
        Assert.All(field.Assignments(), x => Assert.Equal(1 / 6.0, field.Probability(x), 15));
    }

    [Fact]
    public void Opposite_corners_of_the_cycle_are_independent_given_the_other_two_but_not_marginally()
    {
        var field = Cycle();
        foreach (var x in field.Assignments())
        {
            (int, int)[] given = [(B, x[B]), (D, x[D])];
            Assert.Equal(field.Conditional([(A, x[A]), (C, x[C])], given),
                field.Conditional([(A, x[A])], given) * field.Conditional([(C, x[C])], given), 14);
            // The local Markov property: A depends on the rest only through its neighbours B and D.
            Assert.Equal(field.Conditional([(A, x[A])], given), field.Conditional([(A, x[A])], [(B, x[B]), (C, x[C]), (D, x[D])]), 14);
        }
        var dependence = field.Marginal([(A, 0), (C, 0)]) - field.Marginal(A)[0] * field.Marginal(C)[0];
        Assert.True(Math.Abs(dependence) > 1e-3, $"P(a⁰, c⁰) − P(a⁰)P(c⁰) = {dependence}");
    }

    [Fact]
    public void A_chord_between_A_and_C_breaks_their_conditional_independence()
    {
        var field = Cycle((A, C, M(new[,] { { 5.0, 1 }, { 1, 5 } })));
        double Gap(int[] x)
        {
            (int, int)[] given = [(B, x[B]), (D, x[D])];
            return field.Conditional([(A, x[A]), (C, x[C])], given) - field.Conditional([(A, x[A])], given) * field.Conditional([(C, x[C])], given);
        }
        var gap = field.Assignments().Max(x => Math.Abs(Gap(x)));

        Assert.True(gap > 1e-3, $"largest |P(a, c | b, d) − P(a | b, d)P(c | b, d)| = {gap}");
        Assert.Equal([B, C, D], field.Neighbours(A));
        Assert.Equal([A, C], Cycle().Neighbours(B));
    }

    [Fact]
    public void The_Gibbs_form_and_the_marginals()
    {
        var field = Cycle();
        foreach (var x in field.Assignments())
        {
            var product = Potentials[0][x[A], x[B]] * Potentials[1][x[B], x[C]] * Potentials[2][x[C], x[D]] * Potentials[3][x[D], x[A]];
            Assert.Equal(product, Math.Exp(-field.Energy(x)), 1e-13 * product);
            Assert.Equal(product, field.UnnormalisedProbability(x), 1e-15 * product);
        }
        for (var v = 0; v < 4; v++)
        {
            var marginal = field.Marginal(v);
            Assert.Equal(1, marginal.Sum(), 14);
            Assert.Equal(field.Marginal([(v, 1)]), marginal[1], 15);
        }
        Assert.Equal(1, field.Marginal([]), 15);
        Assert.Equal(0, field.Marginal([(A, 0), (A, 1)]));
    }

    [Fact]
    public void A_zero_potential_forbids_a_pair_of_values()
    {
        var field = new PairwiseMarkovRandomField([2, 2], [(0, 1, M(new[,] { { 1.0, 0 }, { 2, 1 } }))]);

        Assert.Equal(0, field.Probability([0, 1]));
        Assert.Equal(double.PositiveInfinity, field.Energy([0, 1]));
        Assert.Equal(0.5, field.Probability([1, 0]), 15);
        Assert.Equal(0, field.Conditional([(1, 1)], [(0, 0)]));
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        var ok = M(new[,] { { 1.0, 2 }, { 3, 4 } });
        void Rejects(string param, string text, Action action)
        {
            var e = Assert.ThrowsAny<ArgumentException>(action);
            Assert.Equal(param, e.ParamName);
            Assert.Contains(text, e.Message);
        }

        Rejects("domainSizes", "empty", () => new PairwiseMarkovRandomField([], []));
        Rejects("domainSizes", "domainSizes[1] = 0", () => new PairwiseMarkovRandomField([2, 0], []));
        Rejects("edges", "(0, 2)", () => new PairwiseMarkovRandomField([2, 2], [(0, 2, ok)]));
        Rejects("edges", "(1, 1)", () => new PairwiseMarkovRandomField([2, 2], [(1, 1, ok)]));
        Rejects("edges", "is 2×2 but variables 0 and 1 have 2 and 3 values: it must be 2×3", () => new PairwiseMarkovRandomField([2, 3], [(0, 1, ok)]));
        Rejects("edges", "negative", () => new PairwiseMarkovRandomField([2, 2], [(0, 1, M(new[,] { { 1.0, -2 }, { 3, 4 } }))]));
        Rejects("edges", "partition function is 0", () => new PairwiseMarkovRandomField([2, 2], [(0, 1, Matrix<double>.Build.Dense(2, 2))]));
        var field = Cycle();
        Rejects("assignment", "length 3", () => field.Probability([0, 1, 0]));
        Rejects("assignment", "assignment[2] = 2", () => field.Energy([0, 1, 2, 0]));
        Rejects("values", "variable 4", () => field.Marginal([(4, 0)]));
        Rejects("query", "value 2", () => field.Conditional([(A, 2)], [(B, 0)]));
        Rejects("given", "value -1", () => field.Conditional([(A, 0)], [(B, -1)]));
        Rejects("variable", "the field has 4", () => field.Marginal(7));
        Rejects("variable", "the field has 4", () => field.Neighbours(-1));
        Rejects("given", "probability 0", () => new PairwiseMarkovRandomField([2, 2], [(0, 1, M(new[,] { { 1.0, 1 }, { 0, 0 } }))]).Conditional([(0, 1)], [(0, 1)]));
    }
}
