using MLCourse.Positions;

namespace MLCourse.Tests.Positions;

public class SinusoidalTests
{
    public static TheoryData<string> Cases => PositionsGolden.Names("sinusoidal");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_pytorch_module(string name)
    {
        var c = PositionsGolden.Case(name);
        var (d, b) = ((int)c["dimension"]!, (double)c["base"]!);

        GoldenData.AssertRelative(GoldenData.Vector(c["frequencies"]), Sinusoidal.Frequencies(d, b), 1e-14, "frequencies");
        if (c["encoding"] is { } encoding)
            GoldenData.AssertRelative(GoldenData.Matrix(encoding), Sinusoidal.Encoding((int)c["length"]!, d, b), 1e-9, "encoding");
        if (c["positions"] is { } positions)
        {
            var rows = GoldenData.Matrix(c["rows"]);
            var ps = GoldenData.Ints(positions);
            for (var r = 0; r < ps.Length; r++)
                GoldenData.AssertRelative(rows.Row(r), Sinusoidal.Encode(ps[r], d, b), 1e-9, $"PE at position {ps[r]}");
        }
    }

    [Fact]
    public void Dot_products_with_position_0_match_pytorch_and_the_closed_form()
    {
        var c = PositionsGolden.Case("PE_0 . PE_k, d=128, k=0..512");
        var dots = GoldenData.Vector(c["dots"]);
        var pe = Sinusoidal.Encoding(513, 128);
        var ours = Vector<double>.Build.Dense(513, k => Sinusoidal.DotProduct(k, 128));

        GoldenData.AssertRelative(dots, pe * pe.Row(0), 1e-12, "PE · PE_0");
        GoldenData.AssertRelative(dots, ours, 1e-12, "Σ cos(kω)");
        Assert.Equal((int)c["increases"]!, Enumerable.Range(1, 512).Count(k => ours[k] > ours[k - 1]));
        Assert.Equal(240, (int)c["increases"]!);
    }

    [Fact]
    public void Formula_entries_for_a_small_case()
    {
        var pe = Sinusoidal.Encoding(3, 4);

        Assert.Equal(new double[] { 0, 1, 0, 1 }, pe.Row(0).ToArray());
        Assert.Equal(Math.Sin(2), pe[2, 0], 15);
        Assert.Equal(Math.Cos(2), pe[2, 1], 15);
        Assert.Equal(Math.Sin(2 / 100.0), pe[2, 2], 15);   // ω₁ = 10000^(−2/4) = 1/100
        Assert.Equal(Math.Cos(2 / 100.0), pe[2, 3], 15);
    }

    [Fact]
    public void Every_row_has_squared_norm_d_over_2_and_entries_in_minus_1_to_1()
    {
        var pe = Sinusoidal.Encoding(200, 32);

        foreach (var row in pe.EnumerateRows()) Assert.Equal(16, row * row, 12);
        Assert.True(pe.Enumerate().All(x => x >= -1 && x <= 1));
    }

    [Fact]
    public void Encode_is_the_row_of_Encoding()
    {
        Assert.Equal(Sinusoidal.Encoding(50, 10, 300).Row(37), Sinusoidal.Encode(37, 10, 300));
    }

    [Fact]
    public void Length_zero_gives_an_empty_matrix()
    {
        var pe = Sinusoidal.Encoding(0, 8);

        Assert.Equal((0, 8), (pe.RowCount, pe.ColumnCount));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 7)]
    [InlineData(100, 25)]
    [InlineData(40, -13)]
    [InlineData(1000, 1000)]
    public void Shift_maps_PE_t_to_PE_t_plus_k(int t, int k)
    {
        var shifted = Sinusoidal.Shift(k, 16) * Sinusoidal.Encode(t, 16);

        Assert.True((shifted - Sinusoidal.Encode(t + k, 16)).Enumerate().Max(Math.Abs) < 1e-12);
    }

    [Fact]
    public void Shift_is_orthogonal_block_diagonal_and_composes()
    {
        var m5 = Sinusoidal.Shift(5, 8);

        Assert.True((m5.TransposeThisAndMultiply(m5) - Matrix<double>.Build.DenseIdentity(8)).Enumerate().Max(Math.Abs) < 1e-15);
        Assert.True((Sinusoidal.Shift(2, 8) * Sinusoidal.Shift(3, 8) - m5).Enumerate().Max(Math.Abs) < 1e-15);
        Assert.True((Sinusoidal.Shift(-5, 8) - m5.Transpose()).Enumerate().Max(Math.Abs) < 1e-15);
        Assert.Equal(0.0, m5[0, 2]);
        Assert.Equal(0.0, m5[3, 0]);
        Assert.Equal(Matrix<double>.Build.DenseIdentity(8), Sinusoidal.Shift(0, 8));
    }

    [Fact]
    public void Dot_product_depends_on_the_offset_only_and_is_even()
    {
        var pe = Sinusoidal.Encoding(300, 64);

        foreach (var (t, k) in new[] { (0, 9), (50, 9), (250, 9), (120, 40) })
        {
            Assert.Equal(Sinusoidal.DotProduct(k, 64), pe.Row(t) * pe.Row(t + k), 12);
            Assert.Equal(Sinusoidal.DotProduct(k, 64), pe.Row(t + k) * pe.Row(t + k - k), 12);
        }
        Assert.Equal(Sinusoidal.DotProduct(17, 64), Sinusoidal.DotProduct(-17, 64));
        Assert.Equal(32, Sinusoidal.DotProduct(0, 64));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-2)]
    public void Odd_or_too_small_dimensions_are_rejected_by_name(int dimension)
    {
        foreach (var call in new Action[]
        {
            () => Sinusoidal.Frequencies(dimension), () => Sinusoidal.Encode(1, dimension),
            () => Sinusoidal.Encoding(4, dimension), () => Sinusoidal.Shift(1, dimension), () => Sinusoidal.DotProduct(1, dimension),
        })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(call);
            Assert.Equal("dimension", e.ParamName);
            Assert.Contains("even and ≥ 2", e.Message);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-10.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_positive_or_non_finite_bases_are_rejected_by_name(double frequencyBase)
    {
        foreach (var call in new Action[]
        {
            () => Sinusoidal.Frequencies(4, frequencyBase), () => Sinusoidal.Encoding(4, 4, frequencyBase),
            () => Sinusoidal.Shift(1, 4, frequencyBase), () => Sinusoidal.DotProduct(1, 4, frequencyBase),
        })
            Assert.Equal("frequencyBase", Assert.Throws<ArgumentOutOfRangeException>(call).ParamName);
    }

    [Fact]
    public void Negative_positions_and_lengths_are_rejected_by_name()
    {
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => Sinusoidal.Encode(-1, 4)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => Sinusoidal.Encoding(-1, 4)).ParamName);
    }
}
