using MLCourse.Alignment;
using MLCourse.Losses;
using MLCourse.Transformers;

namespace MLCourse.Tests.Alignment;

/// <summary>Notebook 22's losses against Golden/alignment.json (PyTorch 1.13, float64, autograd), at 1e-9 relative.</summary>
public class AlignmentGoldenTests
{
    private const string File = "alignment.json";
    private const double Relative = 1e-9;

    public static TheoryData<string> CausalCases => GoldenData.Names(File, "causal_lm");
    public static TheoryData<string> MlmCases => GoldenData.Names(File, "mlm");
    public static TheoryData<string> BradleyTerryCases => GoldenData.Names(File, "bt");
    public static TheoryData<string> RankedCases => GoldenData.Names(File, "ranked");
    public static TheoryData<string> DpoCases => GoldenData.Names(File, "dpo");
    public static TheoryData<string> PpoCases => GoldenData.Names(File, "ppo");
    public static TheoryData<string> LoraCases => GoldenData.Names(File, "lora_grad");

    private static Matrix<double>[] Batch(System.Text.Json.Nodes.JsonNode? node) => node!.AsArray().Select(GoldenData.Matrix).ToArray();

    private static int[][] IntRows(System.Text.Json.Nodes.JsonNode? node) => node!.AsArray().Select(GoldenData.Ints).ToArray();

    [Theory]
    [MemberData(nameof(CausalCases))]
    public void Causal_lm_loss_with_the_shift_and_its_gradient_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (logits, tokens, ignore) = (Batch(c["logits"]), IntRows(c["tokens"]), (int)c["ignore_index"]!);

        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), Loss.CausalLanguageModel(logits, tokens, ignore), Relative, "loss");
        var gradients = Loss.CausalLanguageModelGradient(logits, tokens, ignore);
        var expected = Batch(c["grad"]);
        for (var b = 0; b < expected.Length; b++) GoldenData.AssertRelative(expected[b], gradients[b], Relative, $"grad[{b}]");
    }

    [Theory]
    [MemberData(nameof(MlmCases))]
    public void Mlm_labels_loss_and_bert_total_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var tokens = GoldenData.Ints(c["tokens"]);
        var decisions = c["selected"]!.AsArray().Select(s => s!.GetValue<bool>() ? MaskDecision.Masked : MaskDecision.NotSelected).ToArray();
        var (mlmLogits, nspLogits, nspLabels) = (GoldenData.Matrix(c["mlm_logits"]), GoldenData.Matrix(c["nsp_logits"]), GoldenData.Ints(c["nsp_labels"]));

        var labels = MaskedLanguageModel.Labels(tokens, decisions);
        var (mlm, nsp) = (Loss.CrossEntropy(mlmLogits, labels), Loss.CrossEntropy(nspLogits, nspLabels));

        Assert.Equal(GoldenData.Ints(c["labels"]), labels);
        GoldenData.AssertRelative(GoldenData.Number(c["mlm_loss"]), mlm, Relative, "MLM loss");
        GoldenData.AssertRelative(GoldenData.Number(c["nsp_loss"]), nsp, Relative, "NSP loss");
        GoldenData.AssertRelative(GoldenData.Number(c["total"]), mlm + nsp, Relative, "total");
        GoldenData.AssertRelative(GoldenData.Matrix(c["mlm_grad"]), Loss.CrossEntropyGradient(mlmLogits, labels), Relative, "MLM grad");
    }

    [Theory]
    [MemberData(nameof(BradleyTerryCases))]
    public void Bradley_terry_loss_and_gradient_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (chosen, rejected) = (GoldenData.Vector(c["chosen"]), GoldenData.Vector(c["rejected"]));

        GoldenData.AssertRelative(GoldenData.Vector(c["losses"]), BradleyTerry.Losses(chosen, rejected), Relative, "losses");
        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), BradleyTerry.Loss(chosen, rejected), Relative, "loss");
        var (gradChosen, gradRejected) = BradleyTerry.LossGradient(chosen, rejected);
        GoldenData.AssertRelative(GoldenData.Vector(c["grad_chosen"]), gradChosen, Relative, "grad chosen");
        GoldenData.AssertRelative(GoldenData.Vector(c["grad_rejected"]), gradRejected, Relative, "grad rejected");
    }

    [Theory]
    [MemberData(nameof(RankedCases))]
    public void Ranked_loss_and_gradient_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var rankings = c["rankings"]!.AsArray().Select(GoldenData.Vector).ToArray();

        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), BradleyTerry.RankedLoss(rankings), Relative, "loss");
        var gradients = BradleyTerry.RankedLossGradient(rankings);
        var expected = c["grads"]!.AsArray().Select(GoldenData.Vector).ToArray();
        for (var p = 0; p < expected.Length; p++) GoldenData.AssertRelative(expected[p], gradients[p], Relative, $"grad[{p}]");
    }

    [Theory]
    [MemberData(nameof(DpoCases))]
    public void Dpo_matches_the_reference_code(string name)
    {
        var c = GoldenData.Case(File, name);
        var (pc, pr) = (GoldenData.Vector(c["policy_chosen"]), GoldenData.Vector(c["policy_rejected"]));
        var (rc, rr) = (GoldenData.Vector(c["reference_chosen"]), GoldenData.Vector(c["reference_rejected"]));
        var (beta, smoothing) = ((double)c["beta"]!, (double)c["label_smoothing"]!);

        GoldenData.AssertRelative(GoldenData.Vector(c["losses"]), Dpo.Losses(pc, pr, rc, rr, beta, smoothing), Relative, "losses");
        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), Dpo.Loss(pc, pr, rc, rr, beta, smoothing), Relative, "loss");
        var (gradChosen, gradRejected) = Dpo.LossGradient(pc, pr, rc, rr, beta, smoothing);
        GoldenData.AssertRelative(GoldenData.Vector(c["grad_chosen"]), gradChosen, Relative, "grad chosen");
        GoldenData.AssertRelative(GoldenData.Vector(c["grad_rejected"]), gradRejected, Relative, "grad rejected");
        GoldenData.AssertRelative(GoldenData.Vector(c["chosen_rewards"]), Dpo.ImplicitRewards(pc, rc, beta), Relative, "chosen rewards");
        GoldenData.AssertRelative(GoldenData.Vector(c["rejected_rewards"]), Dpo.ImplicitRewards(pr, rr, beta), Relative, "rejected rewards");
    }

    [Theory]
    [MemberData(nameof(PpoCases))]
    public void Ppo_clipped_surrogate_and_gradient_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (ratios, advantages, epsilon) = (GoldenData.Vector(c["ratios"]), GoldenData.Vector(c["advantages"]), (double)c["epsilon"]!);

        GoldenData.AssertRelative(GoldenData.Number(c["objective"]), Ppo.ClippedSurrogate(ratios, advantages, epsilon), Relative, "objective");
        GoldenData.AssertRelative(GoldenData.Vector(c["grad"]), Ppo.ClippedSurrogateGradient(ratios, advantages, epsilon), Relative, "grad");
    }

    [Theory]
    [MemberData(nameof(LoraCases))]
    public void Lora_gradients_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var bias = c["bias"] is null ? null : GoldenData.Vector(c["bias"]);
        var layer = new LoraLinear(GoldenData.Matrix(c["weight"]), bias, GoldenData.Matrix(c["a"]), GoldenData.Matrix(c["b"]), (double)c["alpha"]!);

        var (gradA, gradB) = layer.Gradients(GoldenData.Matrix(c["x"]), GoldenData.Matrix(c["grad_output"]));

        GoldenData.AssertRelative(GoldenData.Matrix(c["grad_a"]), gradA, Relative, "grad A");
        GoldenData.AssertRelative(GoldenData.Matrix(c["grad_b"]), gradB, Relative, "grad B");
    }
}
