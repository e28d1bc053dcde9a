using MLCourse.Transformers;

namespace MLCourse.Tests.Transformers;

public class LoraLinearTests
{
    public static TheoryData<string> Cases => TransformerGolden.Names("lora");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_and_merged_weight_match_pytorch(string name)
    {
        var c = TransformerGolden.Case(name);
        var bias = c["bias"] is null ? null : GoldenData.Vector(c["bias"]);
        var layer = new LoraLinear(GoldenData.Matrix(c["weight"]), bias, GoldenData.Matrix(c["a"]), GoldenData.Matrix(c["b"]), (double)c["alpha"]!);
        var x = GoldenData.Matrix(c["x"]);

        Assert.Equal((int)c["rank"]!, layer.Rank);
        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), layer.Forward(x), 1e-9, "output");
        GoldenData.AssertRelative(GoldenData.Matrix(c["merged_weight"]), layer.MergedWeight(), 1e-9, "merged weight");
        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), new LoraLinear(layer.MergedWeight(), bias, layer.A, layer.B * 0, layer.Alpha).Forward(x), 1e-9, "merged output");
        Assert.Equal((long)c["trainable"]!, layer.TrainableParameters);
        Assert.Equal((long)c["frozen"]!, layer.FrozenParameters);
    }

    [Fact]
    public void Initialize_sets_B_to_zero_so_the_layer_starts_as_the_frozen_one()
    {
        var random = Rng.Create(3);
        var (w, b, x) = (Rng.StandardNormal(6, 10, random), Rng.StandardNormal(6, random), Rng.StandardNormal(4, 10, random));

        var layer = LoraLinear.Initialize(w, b, rank: 3, alpha: 16, random);

        Assert.Equal(0.0, layer.B.FrobeniusNorm());
        Assert.Equal((3, 10, 6, 3), (layer.A.RowCount, layer.A.ColumnCount, layer.B.RowCount, layer.B.ColumnCount));
        Assert.True(layer.A.FrobeniusNorm() > 0);
        Assert.All(layer.A.Enumerate(), a => Assert.InRange(Math.Abs(a), 0, 1 / Math.Sqrt(10)));
        var frozen = x * w.Transpose() + Matrix<double>.Build.Dense(4, 6, (_, j) => b[j]);
        Assert.Equal(0.0, (layer.Forward(x) - frozen).FrobeniusNorm());
        Assert.Equal(w, layer.MergedWeight());
        Assert.Equal(16.0 / 3, layer.Scaling);
        Assert.Equal(3L * (6 + 10), layer.TrainableParameters);
        Assert.Equal(6L * 10 + 6, layer.FrozenParameters);
    }

    [Fact]
    public void WithFactors_keeps_the_frozen_layer()
    {
        var random = Rng.Create(4);
        var layer = LoraLinear.Initialize(Rng.StandardNormal(3, 2, random), null, 1, 2, random);
        var trained = layer.WithFactors(Rng.StandardNormal(1, 2, random), Rng.StandardNormal(3, 1, random));

        Assert.Same(layer.Weight, trained.Weight);
        Assert.Equal(layer.Alpha, trained.Alpha);
        Assert.NotEqual(layer.MergedWeight(), trained.MergedWeight());
    }

    [Fact]
    public void Shape_errors_name_both_shapes()
    {
        var w = Matrix<double>.Build.Dense(4, 3);
        var a = Matrix<double>.Build.Dense(2, 3);
        var b = Matrix<double>.Build.Dense(4, 2);

        var e = Assert.Throws<ArgumentException>(() => new LoraLinear(w, null, Matrix<double>.Build.Dense(2, 5), b, 1));
        Assert.Equal("a", e.ParamName);
        Assert.Contains("a is 2×5 but weight is 4×3", e.Message);
        e = Assert.Throws<ArgumentException>(() => new LoraLinear(w, null, a, Matrix<double>.Build.Dense(4, 3), 1));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("b is 4×3 but must be 4×2", e.Message);
        e = Assert.Throws<ArgumentException>(() => new LoraLinear(w, Vector<double>.Build.Dense(3), a, b, 1));
        Assert.Equal("bias", e.ParamName);
        Assert.Contains("length 3", e.Message);
        e = Assert.Throws<ArgumentException>(() => new LoraLinear(w, null, a, b, 1).Forward(Matrix<double>.Build.Dense(2, 4)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("x is 2×4 but must have 3 columns", e.Message);
    }

    [Fact]
    public void Scalar_arguments_are_validated()
    {
        var w = Matrix<double>.Build.Dense(4, 3);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new LoraLinear(w, null, Matrix<double>.Build.Dense(2, 3), Matrix<double>.Build.Dense(4, 2), 0)).ParamName);
        Assert.Equal("rank", Assert.Throws<ArgumentOutOfRangeException>(() => LoraLinear.Initialize(w, null, 0, 1, Rng.Create(1))).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => LoraLinear.Initialize(w, null, 1, double.NaN, Rng.Create(1))).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => LoraLinear.Initialize(w, null, 1, 1, null!)).ParamName);
        Assert.Equal("weight", Assert.Throws<ArgumentNullException>(() => LoraLinear.Initialize(null!, null, 1, 1, Rng.Create(1))).ParamName);
    }
    [Fact]
    public void Gradients_match_finite_differences_and_A_cannot_move_first()
    {
        var random = Rng.Create(9);
        var (w, x, target) = (Rng.StandardNormal(4, 3, random), Rng.StandardNormal(5, 3, random), Rng.StandardNormal(5, 4, random));
        var layer = new LoraLinear(w, null, Rng.StandardNormal(2, 3, random), Rng.StandardNormal(4, 2, random), alpha: 3);
        double Loss(LoraLinear l) => 0.5 * Math.Pow((l.Forward(x) - target).FrobeniusNorm(), 2);

        var (gradA, gradB) = layer.Gradients(x, layer.Forward(x) - target);

        Assert.True((gradA - FiniteDifference.Gradient(a => Loss(layer.WithFactors(a, layer.B)), layer.A)).InfinityNorm() < 1e-8);
        Assert.True((gradB - FiniteDifference.Gradient(b => Loss(layer.WithFactors(layer.A, b)), layer.B)).InfinityNorm() < 1e-8);
        var fresh = LoraLinear.Initialize(w, null, rank: 2, alpha: 3, random);
        Assert.Equal(0, fresh.Gradients(x, fresh.Forward(x) - target).A.FrobeniusNorm());
    }

    [Fact]
    public void Gradients_name_the_shapes()
    {
        var layer = LoraLinear.Initialize(Matrix<double>.Build.Dense(4, 3), null, rank: 2, alpha: 1, Rng.Create(1));
        var x = Matrix<double>.Build.Dense(5, 3);

        Assert.Equal("x", Assert.Throws<ArgumentException>(() => layer.Gradients(Matrix<double>.Build.Dense(5, 4), Matrix<double>.Build.Dense(5, 4))).ParamName);
        var e = Assert.Throws<ArgumentException>(() => layer.Gradients(x, Matrix<double>.Build.Dense(5, 3)));
        Assert.Equal("gradOutput", e.ParamName);
        Assert.Contains("gradOutput is 5×3 but x is 5×3: it must be 5×4", e.Message);
    }
}
