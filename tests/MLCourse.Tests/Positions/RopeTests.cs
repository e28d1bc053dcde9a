using Complex = System.Numerics.Complex;
using MLCourse.Positions;

namespace MLCourse.Tests.Positions;

public class RopeTests
{
    public static TheoryData<string> RotationCases => PositionsGolden.Names("rope");

    public static TheoryData<string> BoundCases => PositionsGolden.Names("bound");

    [Theory]
    [MemberData(nameof(RotationCases))]
    public void Matches_the_complex_reference(string name)
    {
        var c = PositionsGolden.Case(name);
        var (x, positions, b) = (GoldenData.Matrix(c["x"]), GoldenData.Ints(c["positions"]), (double)c["base"]!);
        var expected = GoldenData.Matrix(c["rotated"]);

        GoldenData.AssertRelative(expected, Rope.Apply(x, positions, b), 1e-9, "rows rotated");
        for (var t = 0; t < positions.Length; t++)
        {
            GoldenData.AssertRelative(expected.Row(t), Rope.Apply(x.Row(t), positions[t], b), 1e-9, $"vector {t}");
            GoldenData.AssertRelative(expected.Row(t), Rope.Rotation(positions[t], x.ColumnCount, b) * x.Row(t), 1e-9, $"R_m x {t}");
        }
    }

    [Theory]
    [MemberData(nameof(BoundCases))]
    public void Decay_bound_matches_the_complex_reference(string name)
    {
        var c = PositionsGolden.Case(name);
        var distances = GoldenData.Vector(c["distances"]);
        var bounds = GoldenData.Vector(c["bounds"]);

        for (var i = 0; i < distances.Count; i++)
            GoldenData.AssertRelative(bounds[i], Rope.DecayBound(distances[i], (int)c["dimension"]!, (double)c["base"]!), 1e-12, $"bound at {distances[i]}");
    }

    [Fact]
    public void Decay_bound_at_distance_zero_is_half_of_d_over_2_plus_1_and_is_even()
    {
        Assert.Equal(32.5, Rope.DecayBound(0, 128), 12);
        Assert.Equal(1.0, Rope.DecayBound(0, 2), 15);
        Assert.Equal(Rope.DecayBound(42.5, 64), Rope.DecayBound(-42.5, 64), 12);
    }

    [Fact]
    public void Decay_bound_bounds_the_logit_by_Abel_summation()
    {
        var random = Rng.Create(3);
        for (var trial = 0; trial < 20; trial++)
        {
            var (q, k) = (Rng.StandardNormal(32, random), Rng.StandardNormal(32, random));
            var h = Enumerable.Range(0, 16).Select(j => new Complex(q[2 * j], q[2 * j + 1]) * Complex.Conjugate(new Complex(k[2 * j], k[2 * j + 1]))).Append(Complex.Zero).ToArray();
            var maxStep = Enumerable.Range(0, 16).Max(j => (h[j + 1] - h[j]).Magnitude);
            foreach (var (m, n) in new[] { (0, 0), (3, 40), (100, 7), (500, 20) })
                Assert.True(Math.Abs(Rope.Apply(q, m) * Rope.Apply(k, n)) <= maxStep * 16 * Rope.DecayBound(m - n, 32) + 1e-12);
        }
    }

    [Fact]
    public void Logit_depends_on_the_positions_only_through_their_difference()
    {
        var random = Rng.Create(1);
        var (q, k) = (Rng.StandardNormal(16, random), Rng.StandardNormal(16, random));
        var reference = q * (Rope.Rotation(5, 16) * k);   // qᵀ R_{n−m} k with n − m = 5

        foreach (var m in new[] { 0, 1, 17, 300, 9000 })
            Assert.Equal(reference, Rope.Apply(q, m) * Rope.Apply(k, m + 5), 10);
    }

    [Fact]
    public void Rotation_is_orthogonal_and_RmT_Rn_is_R_n_minus_m()
    {
        var (r3, r10) = (Rope.Rotation(3, 12), Rope.Rotation(10, 12));

        Assert.True((r3.TransposeThisAndMultiply(r3) - Matrix<double>.Build.DenseIdentity(12)).Enumerate().Max(Math.Abs) < 1e-15);
        Assert.True((r3.TransposeThisAndMultiply(r10) - Rope.Rotation(7, 12)).Enumerate().Max(Math.Abs) < 1e-14);
        Assert.Equal(Matrix<double>.Build.DenseIdentity(12), Rope.Rotation(0, 12));
        Assert.Equal(-Math.Sin(3), r3[0, 1], 15);
        Assert.Equal(Math.Sin(3), r3[1, 0], 15);
    }

    [Fact]
    public void Rotation_is_the_transpose_of_the_sinusoidal_shift()
    {
        Assert.True((Rope.Rotation(9, 10).Transpose() - Sinusoidal.Shift(9, 10)).Enumerate().Max(Math.Abs) < 1e-15);
        Assert.Equal(Sinusoidal.Frequencies(10), Rope.Frequencies(10));
    }

    [Fact]
    public void Consecutive_positions_start_at_firstPosition()
    {
        var x = Rng.StandardNormal(4, 6, Rng.Create(2));

        Assert.Equal(Rope.Apply(x, [7, 8, 9, 10]), Rope.Apply(x, firstPosition: 7));
        Assert.Equal(x.Row(0), Rope.Apply(x).Row(0));
    }

    [Fact]
    public void Invalid_arguments_are_named()
    {
        var x = Matrix<double>.Build.Dense(3, 4);

        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => Rope.Rotation(-1, 4)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => Rope.Rotation(1, 5)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => Rope.DecayBound(1, 0)).ParamName);
        Assert.Equal("distance", Assert.Throws<ArgumentOutOfRangeException>(() => Rope.DecayBound(double.NaN, 4)).ParamName);
        Assert.Equal("frequencyBase", Assert.Throws<ArgumentOutOfRangeException>(() => Rope.Apply(x, 0, -1)).ParamName);
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => Rope.Apply(Vector<double>.Build.Dense(4), -3)).ParamName);
        Assert.Equal("firstPosition", Assert.Throws<ArgumentOutOfRangeException>(() => Rope.Apply(x, -1)).ParamName);

        var odd = Assert.Throws<ArgumentException>(() => Rope.Apply(Vector<double>.Build.Dense(3), 0));
        Assert.Equal("x", odd.ParamName);
        Assert.Contains("x has length 3", odd.Message);
        var oddColumns = Assert.Throws<ArgumentException>(() => Rope.Apply(Matrix<double>.Build.Dense(2, 5)));
        Assert.Equal("x", oddColumns.ParamName);
        Assert.Contains("x is 2×5", oddColumns.Message);

        var count = Assert.Throws<ArgumentException>(() => Rope.Apply(x, [0, 1]));
        Assert.Equal("positions", count.ParamName);
        Assert.Contains("x is 3×4 but positions has 2 entries", count.Message);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => Rope.Apply(x, [0, -4, 1]));
        Assert.Equal("positions", negative.ParamName);
        Assert.Contains("positions[1]", negative.Message);
    }
}
