using MLCourse.Recurrent;

namespace MLCourse.Tests.Recurrent;

public class GruTests
{
    private static readonly Matrix<double> X = Rng.StandardNormal(5, 3, Rng.Create(31));

    /// <summary>Sets the pre-activation of gate block <paramref name="gate"/> to the constant <paramref name="bias"/>.</summary>
    private static void Pin(Gru gru, int gate, double bias)
    {
        for (var j = gate * gru.HiddenSize; j < (gate + 1) * gru.HiddenSize; j++)
        {
            gru.WeightIH.ClearRow(j);
            gru.WeightHH.ClearRow(j);
            (gru.BiasIH[j], gru.BiasHH[j]) = (bias, 0);
        }
    }

    [Fact]
    public void One_step_follows_pytorchs_equations_with_r_applied_after_the_matrix_product()
    {
        var gru = new Gru(3, 2, Rng.Create(1));
        var h0 = Vector<double>.Build.DenseOfArray([0.6, -0.9]);
        var (gi, gh) = (gru.WeightIH * X.Row(0) + gru.BiasIH, gru.WeightHH * h0 + gru.BiasHH);
        double S(double v) => 1 / (1 + Math.Exp(-v));
        var expected = Vector<double>.Build.Dense(2, j =>
        {
            var (r, z) = (S(gi[j] + gh[j]), S(gi[2 + j] + gh[2 + j]));
            var n = Math.Tanh(gi[4 + j] + r * gh[4 + j]);
            return (1 - z) * n + z * h0[j];
        });

        var h = gru.Forward(X.SubMatrix(0, 1, 0, 3), h0).H;

        Assert.True((h - expected).InfinityNorm() < 1e-15);
    }

    [Fact]
    public void Update_gate_one_keeps_the_state()
    {
        var gru = new Gru(3, 2);
        Pin(gru, 1, 50);
        var h0 = Vector<double>.Build.DenseOfArray([0.6, -0.9]);

        Assert.True((gru.Forward(X, h0).H - h0).InfinityNorm() < 1e-15);
    }

    [Fact]
    public void Update_gate_zero_and_reset_gate_one_give_the_tanh_rnn_with_the_candidates_weights()
    {
        var gru = new Gru(3, 2, Rng.Create(2));
        Pin(gru, 0, 50);
        Pin(gru, 1, -50);
        var rnn = new Rnn(3, 2);
        gru.WeightIH.SubMatrix(4, 2, 0, 3).CopyTo(rnn.WeightIH);
        gru.WeightHH.SubMatrix(4, 2, 0, 2).CopyTo(rnn.WeightHH);
        gru.BiasIH.SubVector(4, 2).CopyTo(rnn.BiasIH);
        gru.BiasHH.SubVector(4, 2).CopyTo(rnn.BiasHH);
        var h0 = Vector<double>.Build.DenseOfArray([0.6, -0.9]);

        Assert.True((gru.Forward(X, h0).Outputs - rnn.Forward(X, h0).Outputs).InfinityNorm() < 1e-15);
    }
}
