using MLCourse.Recurrent;

namespace MLCourse.Tests.Recurrent;

public class BiLstmTests
{
    private static readonly Matrix<double> X = Rng.StandardNormal(6, 3, Rng.Create(41));

    [Fact]
    public void Outputs_concatenate_the_forward_lstm_and_the_reverse_lstm_read_backwards()
    {
        var bilstm = new BiLstm(3, 2, Rng.Create(1));
        var reversed = Matrix<double>.Build.DenseOfRows(Enumerable.Range(0, 6).Select(t => X.Row(5 - t)));

        var (outputs, forward, reverse) = bilstm.Forward(X);

        var fwd = bilstm.ForwardDirection.Forward(X);
        var rev = bilstm.ReverseDirection.Forward(reversed);
        for (var t = 0; t < 6; t++)
        {
            Assert.Equal(fwd.Outputs.Row(t), outputs.Row(t).SubVector(0, 2));
            Assert.Equal(rev.Outputs.Row(5 - t), outputs.Row(t).SubVector(2, 2));
        }
        Assert.Equal(fwd.H, forward);
        Assert.Equal(rev.Outputs.Row(5), reverse);
    }

    [Fact]
    public void The_two_directions_have_their_own_parameters_and_both_are_counted()
    {
        var bilstm = new BiLstm(100, 128);

        Assert.NotEqual(bilstm.ForwardDirection.WeightIH, bilstm.ReverseDirection.WeightIH);
        Assert.Equal(2 * 117_760, bilstm.ParameterCount);
    }

    [Fact]
    public void Changing_a_later_token_changes_only_the_reverse_half_of_an_earlier_output()
    {
        var bilstm = new BiLstm(3, 2);
        var changed = X.Clone();
        changed[4, 0] += 1;

        var (before, after) = (bilstm.Forward(X).Outputs, bilstm.Forward(changed).Outputs);

        Assert.Equal(before.SubMatrix(0, 4, 0, 2), after.SubMatrix(0, 4, 0, 2));
        Assert.True((before.SubMatrix(0, 4, 2, 2) - after.SubMatrix(0, 4, 2, 2)).Enumerate().All(d => d != 0));
    }

    [Fact]
    public void An_input_of_the_wrong_width_throws_naming_x()
    {
        var bilstm = new BiLstm(3, 2);

        Assert.Equal("x", Assert.Throws<ArgumentException>(() => bilstm.Forward(Matrix<double>.Build.Dense(4, 2))).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => bilstm.Forward(null!)).ParamName);
        Assert.Equal("hiddenSize", Assert.Throws<ArgumentOutOfRangeException>(() => new BiLstm(3, 0)).ParamName);
    }
}
