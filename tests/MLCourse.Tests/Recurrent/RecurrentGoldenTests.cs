using System.Text.Json.Nodes;
using MLCourse.Recurrent;

namespace MLCourse.Tests.Recurrent;

/// <summary>Rnn, Lstm, Gru and BiLstm against Golden/recurrent.json (PyTorch 1.13, float64, batch of one), at 1e-9 relative.</summary>
public class RecurrentGoldenTests
{
    private const string File = "recurrent.json";
    private const double Relative = 1e-9;

    public static TheoryData<string> RnnCases => GoldenData.Names(File, "rnn");
    public static TheoryData<string> LstmCases => GoldenData.Names(File, "lstm");
    public static TheoryData<string> GruCases => GoldenData.Names(File, "gru");
    public static TheoryData<string> BiLstmCases => GoldenData.Names(File, "bilstm");

    /// <summary>Copies PyTorch's parameters (suffix "" or "_reverse") into a layer's live tensors.</summary>
    internal static T Load<T>(T layer, JsonObject c, string suffix = "") where T : RecurrentLayer
    {
        var p = c["parameters"]!;
        GoldenData.Matrix(p["weight_ih_l0" + suffix]).CopyTo(layer.WeightIH);
        GoldenData.Matrix(p["weight_hh_l0" + suffix]).CopyTo(layer.WeightHH);
        GoldenData.Vector(p["bias_ih_l0" + suffix]).CopyTo(layer.BiasIH);
        GoldenData.Vector(p["bias_hh_l0" + suffix]).CopyTo(layer.BiasHH);
        return layer;
    }

    private static Vector<double>? State(JsonNode? node) => node is null ? null : GoldenData.Vector(node);

    private static (int D, int H, Matrix<double> X) Shape(JsonObject c) => ((int)c["d"]!, (int)c["h"]!, GoldenData.Matrix(c["x"]));

    [Theory]
    [MemberData(nameof(RnnCases))]
    public void Rnn_forward_and_backward_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (d, h, x) = Shape(c);
        var rnn = Load(new Rnn(d, h), c);

        var (outputs, last) = rnn.Forward(x, State(c["h0"]));
        var (gradX, gradH0) = rnn.Backward(x, GoldenData.Matrix(c["grad_output"]), State(c["h0"]));

        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), outputs, Relative, "output");
        GoldenData.AssertRelative(GoldenData.Vector(c["h_n"]), last, Relative, "h_n");
        GoldenData.AssertRelative(GoldenData.Matrix(c["grad_x"]), gradX, Relative, "x.grad");
        if (c["grad_h0"] is not null) GoldenData.AssertRelative(GoldenData.Vector(c["grad_h0"]), gradH0, Relative, "h0.grad");
    }

    [Theory]
    [MemberData(nameof(LstmCases))]
    public void Lstm_forward_and_backward_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (d, h, x) = Shape(c);
        var lstm = Load(new Lstm(d, h), c);
        var (h0, c0) = (State(c["h0"]), State(c["c0"]));

        var (outputs, lastH, lastC) = lstm.Forward(x, h0, c0);
        var (gradX, gradH0, gradC0) = lstm.Backward(x, GoldenData.Matrix(c["grad_output"]), h0, c0);

        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), outputs, Relative, "output");
        GoldenData.AssertRelative(GoldenData.Vector(c["h_n"]), lastH, Relative, "h_n");
        GoldenData.AssertRelative(GoldenData.Vector(c["c_n"]), lastC, Relative, "c_n");
        GoldenData.AssertRelative(GoldenData.Matrix(c["grad_x"]), gradX, Relative, "x.grad");
        if (c["grad_h0"] is not null) GoldenData.AssertRelative(GoldenData.Vector(c["grad_h0"]), gradH0, Relative, "h0.grad");
        if (c["grad_c0"] is not null) GoldenData.AssertRelative(GoldenData.Vector(c["grad_c0"]), gradC0, Relative, "c0.grad");
    }

    [Theory]
    [MemberData(nameof(GruCases))]
    public void Gru_forward_matches_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (d, h, x) = Shape(c);
        var gru = Load(new Gru(d, h), c);

        var (outputs, last) = gru.Forward(x, State(c["h0"]));

        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), outputs, Relative, "output");
        GoldenData.AssertRelative(GoldenData.Vector(c["h_n"]), last, Relative, "h_n");
    }

    [Theory]
    [MemberData(nameof(BiLstmCases))]
    public void BiLstm_forward_matches_pytorch_bidirectional_lstm(string name)
    {
        var c = GoldenData.Case(File, name);
        var (d, h, x) = Shape(c);
        var bilstm = new BiLstm(d, h);
        Load(bilstm.ForwardDirection, c);
        Load(bilstm.ReverseDirection, c, "_reverse");

        var (outputs, forward, reverse) = bilstm.Forward(x);

        GoldenData.AssertRelative(GoldenData.Matrix(c["output"]), outputs, Relative, "output");
        GoldenData.AssertRelative(GoldenData.Vector(c["h_n"]), forward, Relative, "h_n[0]");
        GoldenData.AssertRelative(GoldenData.Vector(c["h_n_reverse"]), reverse, Relative, "h_n[1]");
    }
}
