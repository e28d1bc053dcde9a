using MLCourse.Regularization;

namespace MLCourse.Tests.Regularization;

public class DropoutTests
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Training_drops_with_probability_p_and_scales_the_kept_entries_by_one_over_one_minus_p()
    {
        const int n = 200_000;
        var dropout = new Dropout(0.3, Rng.Create(1));
        var y = dropout.Forward(Vector<double>.Build.Dense(n, 2.0));

        var dropped = y.Count(v => v == 0);
        Assert.All(y.Where(v => v != 0), v => Assert.Equal(2.0 * (1 / 0.7), v));
        var standardError = Math.Sqrt(0.3 * 0.7 / n);
        Assert.InRange(dropped / (double)n, 0.3 - 4 * standardError, 0.3 + 4 * standardError);
        Assert.InRange(y.Average(), 2.0 - 4 * 2 * Math.Sqrt(0.3 / 0.7 / n), 2.0 + 4 * 2 * Math.Sqrt(0.3 / 0.7 / n));   // E[y] = x
    }

    [Fact]
    public void Evaluation_is_the_identity_for_inverted_dropout_and_consumes_no_randomness()
    {
        var random = Rng.Create(2);
        var dropout = new Dropout(0.5, random) { Training = false };
        var x = V(1.5, -2, 0, 7);

        Assert.Equal(x.ToArray(), dropout.Forward(x).ToArray());
        Assert.Equal(Rng.Create(2).NextDouble(), random.NextDouble());
    }

    [Fact]
    public void Non_inverted_dropout_scales_at_evaluation_instead()
    {
        var dropout = new Dropout(0.25, Rng.Create(3), inverted: false);
        var train = dropout.Forward(V(4, 4, 4, 4, 4, 4, 4, 4));
        dropout.Training = false;

        Assert.All(train, v => Assert.True(v is 0 or 4));
        Assert.Equal([3.0, -1.5], dropout.Forward(V(4, -2)).ToArray());
        Assert.Equal((1.0, 0.75), (dropout.TrainingScale, dropout.EvaluationScale));
    }

    [Fact]
    public void A_matrix_gets_the_masks_of_its_rows_passed_one_after_another()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2, 3 }, { 4, 5, 6 } });

        var batch = new Dropout(0.5, Rng.Create(4)).Forward(x);
        var rows = new Dropout(0.5, Rng.Create(4));

        Assert.Equal(rows.Forward(x.Row(0)).ToArray(), batch.Row(0).ToArray());
        Assert.Equal(rows.Forward(x.Row(1)).ToArray(), batch.Row(1).ToArray());
    }

    [Fact]
    public void Mask_holds_the_factors_forward_multiplies_by_drawn_from_the_same_numbers()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2, 3 }, { 4, 5, 6 } });

        var mask = new Dropout(0.5, Rng.Create(7)).Mask(2, 3);

        Assert.Equal(new Dropout(0.5, Rng.Create(7)).Forward(x), x.PointwiseMultiply(mask));
        Assert.All(mask.Enumerate(), m => Assert.True(m is 0 or 2));
        Assert.Equal(Matrix<double>.Build.Dense(2, 3, 0.5), new Dropout(0.5, Rng.Create(7), inverted: false) { Training = false }.Mask(2, 3));
        Assert.Equal(0, new Dropout(0.5, Rng.Create(7)).Mask(0, 3).RowCount);
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(0.5, Rng.Create(7)).Mask(2, -1)).ParamName);
    }

    [Fact]
    public void P_zero_never_drops()
    {
        var x = V(1, -2, 3);

        Assert.Equal(x.ToArray(), new Dropout(0, Rng.Create(5)).Forward(x).ToArray());
    }

    [Fact]
    public void A_dropped_NaN_stays_NaN_as_in_PyTorch()
    {
        var y = new Dropout(0.999, Rng.Create(6)).Forward(Vector<double>.Build.Dense(50, double.NaN));

        Assert.All(y, v => Assert.True(double.IsNaN(v)));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void P_outside_zero_one_is_rejected_by_name(double p)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(p, Rng.Create(0)));

        Assert.Equal("p", error.ParamName);
        Assert.Contains("[0, 1)", error.Message);
    }

    [Fact]
    public void Null_arguments_are_rejected_by_name()
    {
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => new Dropout(0.5, null!)).ParamName);
        var dropout = new Dropout(0.5, Rng.Create(0));
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => dropout.Forward((Vector<double>)null!)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => dropout.Forward((Matrix<double>)null!)).ParamName);
    }
}
