using MLCourse.Losses;

namespace MLCourse.Tests.Losses;

/// <summary>Every loss and gradient against Golden/losses.json (PyTorch 1.13, float64, autograd), at 1e-9 relative.</summary>
public class LossGoldenTests
{
    private const string File = "losses.json";
    private const double Relative = 1e-9;

    public static TheoryData<string> CrossEntropyCases => GoldenData.Names(File, "cross_entropy");
    public static TheoryData<string> SoftCrossEntropyCases => GoldenData.Names(File, "cross_entropy_probs");
    public static TheoryData<string> BinaryCases => GoldenData.Names(File, "bce");
    public static TheoryData<string> HuberCases => GoldenData.Names(File, "huber");
    public static TheoryData<string> FocalCases => GoldenData.Names(File, "focal");
    public static TheoryData<string> KLCases => GoldenData.Names(File, "kl_div");
    public static TheoryData<string> DistillationCases => GoldenData.Names(File, "distillation");

    public static TheoryData<string> ElementwiseCases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var kind in new[] { "mse", "l1", "log_cosh", "hinge" })
                foreach (var c in GoldenData.OfKind(File, kind)) data.Add((string)c["name"]!);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CrossEntropyCases))]
    public void Cross_entropy_and_its_gradient_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (logits, targets) = (GoldenData.Matrix(c["logits"]), GoldenData.Ints(c["targets"]));
        var (smoothing, ignore) = ((double)c["label_smoothing"]!, (int)c["ignore_index"]!);

        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), Loss.CrossEntropy(logits, targets, smoothing, ignore), Relative, "loss");
        GoldenData.AssertRelative(GoldenData.Matrix(c["grad"]), Loss.CrossEntropyGradient(logits, targets, smoothing, ignore), Relative, "grad");
    }

    [Theory]
    [MemberData(nameof(SoftCrossEntropyCases))]
    public void Cross_entropy_with_probability_targets_matches_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (logits, targets) = (GoldenData.Matrix(c["logits"]), GoldenData.Matrix(c["targets"]));

        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), Loss.CrossEntropy(logits, targets), Relative, "loss");
        GoldenData.AssertRelative(GoldenData.Matrix(c["grad"]), Loss.CrossEntropyGradient(logits, targets), Relative, "grad");
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_cross_entropy_with_logits_matches_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (logits, targets) = (GoldenData.Vector(c["logits"]), GoldenData.Vector(c["targets"]));

        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), Loss.BinaryCrossEntropyWithLogits(logits, targets), Relative, "loss");
        GoldenData.AssertRelative(GoldenData.Vector(c["grad"]), Loss.BinaryCrossEntropyWithLogitsGradient(logits, targets), Relative, "grad");
    }

    [Theory]
    [MemberData(nameof(HuberCases))]
    public void Huber_matches_pytorch_huber_loss(string name)
    {
        var c = GoldenData.Case(File, name);
        var (prediction, target, delta) = (GoldenData.Vector(c["prediction"]), GoldenData.Vector(c["target"]), (double)c["delta"]!);

        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), Loss.Huber(prediction, target, delta), Relative, "loss");
        GoldenData.AssertRelative(GoldenData.Vector(c["grad"]), Loss.HuberGradient(prediction, target, delta), Relative, "grad");
    }

    [Theory]
    [MemberData(nameof(ElementwiseCases))]
    public void Mse_mae_log_cosh_and_hinge_match_pytorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (x, y) = (GoldenData.Vector(c["prediction"]), GoldenData.Vector(c["target"]));
        var (loss, gradient) = (string)c["kind"]! switch
        {
            "mse" => (Loss.MeanSquaredError(x, y), Loss.MeanSquaredErrorGradient(x, y)),
            "l1" => (Loss.MeanAbsoluteError(x, y), Loss.MeanAbsoluteErrorGradient(x, y)),
            "log_cosh" => (Loss.LogCosh(x, y), Loss.LogCoshGradient(x, y)),
            _ => (Loss.Hinge(x, y), Loss.HingeGradient(x, y)),
        };

        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), loss, Relative, "loss");
        GoldenData.AssertRelative(GoldenData.Vector(c["grad"]), gradient, Relative, "grad");
    }

    [Theory]
    [MemberData(nameof(FocalCases))]
    public void Focal_loss_matches_its_formula_in_torch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (logits, targets) = (GoldenData.Matrix(c["logits"]), GoldenData.Ints(c["targets"]));
        var (gamma, alpha) = ((double)c["gamma"]!, (double)c["alpha"]!);

        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), Loss.FocalLoss(logits, targets, gamma, alpha), Relative, "loss");
        GoldenData.AssertRelative(GoldenData.Matrix(c["grad"]), Loss.FocalLossGradient(logits, targets, gamma, alpha), Relative, "grad");
    }

    [Theory]
    [MemberData(nameof(KLCases))]
    public void KL_divergence_matches_pytorch_kl_div_batchmean(string name)
    {
        var c = GoldenData.Case(File, name);

        var kl = Loss.KLDivergence(GoldenData.Matrix(c["input"]), GoldenData.Matrix(c["target"]));

        var expected = GoldenData.Number(c["loss"]);
        if (expected == 0) Assert.True(Math.Abs(kl) < 1e-16, $"KL of equal distributions: {kl:R}");
        else GoldenData.AssertRelative(expected, kl, Relative, "loss");
    }

    [Theory]
    [MemberData(nameof(DistillationCases))]
    public void Distillation_loss_and_gradient_match_torch(string name)
    {
        var c = GoldenData.Case(File, name);
        var (student, teacher, targets) = (GoldenData.Matrix(c["student"]), GoldenData.Matrix(c["teacher"]), GoldenData.Ints(c["targets"]));
        var (temperature, alpha) = ((double)c["temperature"]!, (double)c["alpha"]!);

        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), Loss.DistillationLoss(student, teacher, targets, temperature, alpha), Relative, "loss");
        GoldenData.AssertRelative(GoldenData.Matrix(c["grad"]), Loss.DistillationGradient(student, teacher, targets, temperature, alpha), Relative, "grad");
    }
}
