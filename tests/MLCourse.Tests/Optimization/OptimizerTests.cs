using System.Text.Json.Nodes;
using MLCourse.Optimization;

namespace MLCourse.Tests.Optimization;

/// <summary>The shared behaviour of every optimizer: PyTorch's numbers step by step, and the one-vector contract.</summary>
public class OptimizerTests
{
    private const string File = "optimizers.json";

    public static TheoryData<string> Cases => GoldenData.Names(File);

    /// <summary>An optimizer from a golden case's kind and C#-named hyper-parameters (absent ones take the C# defaults).</summary>
    internal static Optimizer Create(string kind, JsonObject hyper)
    {
        double? D(string key) => hyper[key]?.GetValue<double>();
        bool B(string key) => hyper[key]?.GetValue<bool>() ?? false;
        return kind switch
        {
            "SGD" => new SGD(D("lr")!.Value, D("momentum") ?? 0, D("dampening") ?? 0, D("weightDecay") ?? 0, B("nesterov")),
            "AdaGrad" => new AdaGrad(D("lr") ?? 1e-2, D("lrDecay") ?? 0, D("weightDecay") ?? 0, D("initialAccumulatorValue") ?? 0, D("eps") ?? 1e-10),
            "RMSprop" => new RMSprop(D("lr") ?? 1e-2, D("alpha") ?? 0.99, D("eps") ?? 1e-8, D("weightDecay") ?? 0, D("momentum") ?? 0, B("centered")),
            "Adam" => new Adam(D("lr") ?? 1e-3, D("beta1") ?? 0.9, D("beta2") ?? 0.999, D("eps") ?? 1e-8, D("weightDecay") ?? 0),
            "AdamW" => new AdamW(D("lr") ?? 1e-3, D("beta1") ?? 0.9, D("beta2") ?? 0.999, D("eps") ?? 1e-8, D("weightDecay") ?? 1e-2),
            _ => throw new ArgumentException($"unknown optimizer {kind}", nameof(kind)),
        };
    }

    private static Vector<double>? State(Optimizer optimizer, string property) => (optimizer, property) switch
    {
        (SGD s, "MomentumBuffer") => s.MomentumBuffer,
        (AdaGrad a, "SumOfSquares") => a.SumOfSquares,
        (RMSprop r, "SquareAverage") => r.SquareAverage,
        (RMSprop r, "GradientAverage") => r.GradientAverage,
        (RMSprop r, "MomentumBuffer") => r.MomentumBuffer,
        (AdamBase a, "FirstMoment") => a.FirstMoment,
        (AdamBase a, "SecondMoment") => a.SecondMoment,
        _ => throw new ArgumentException($"no state {property} on {optimizer.GetType().Name}", nameof(property)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch_after_every_step(string name)
    {
        var c = GoldenData.Case(File, name);
        var optimizer = Create((string)c["optimizer"]!, c["hyper"]!.AsObject());
        var parameters = GoldenData.Vector(c["start"]);
        var gradients = GoldenData.Matrix(c["gradients"]);
        var expected = GoldenData.Matrix(c["trajectory"]);
        var lrs = c["lrs"]?.AsArray().Select(GoldenData.Number).ToArray();

        for (var t = 0; t < gradients.RowCount; t++)
        {
            if (lrs is not null) optimizer.LearningRate = lrs[t];
            optimizer.Step(parameters, gradients.Row(t));
            GoldenData.AssertRelative(expected.Row(t), parameters, 1e-9, $"parameters after step {t + 1}");
        }
        Assert.Equal(gradients.RowCount, optimizer.StepCount);
        foreach (var (property, value) in c["state"]!.AsObject())
            GoldenData.AssertRelative(GoldenData.Vector(value), State(optimizer, property)!, 1e-9, property);
    }

    public static TheoryData<string> Kinds => new("SGD", "AdaGrad", "RMSprop", "Adam", "AdamW");

    private static Optimizer Default(string kind) => Create(kind, new JsonObject { ["lr"] = 0.1, ["momentum"] = 0.9 });

    [Theory]
    [MemberData(nameof(Kinds))]
    public void One_instance_tracks_one_parameter_vector(string kind)
    {
        var optimizer = Default(kind);
        Assert.Null(optimizer.Length);
        optimizer.Step(Vector<double>.Build.Dense(3, 1.0), Vector<double>.Build.Dense(3, 0.5));
        Assert.Equal(3, optimizer.Length);

        var e = Assert.Throws<ArgumentException>(() => optimizer.Step(Vector<double>.Build.Dense(4, 1.0), Vector<double>.Build.Dense(4, 0.5)));

        Assert.Equal("parameters", e.ParamName);
        Assert.Contains("length 3", e.Message);
        Assert.Contains("parameters has length 4", e.Message);
        Assert.Equal(1, optimizer.StepCount);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parameters_and_gradient_must_have_the_same_length(string kind)
    {
        var optimizer = Default(kind);
        var parameters = Vector<double>.Build.Dense(3, 1.0);

        var e = Assert.Throws<ArgumentException>(() => optimizer.Step(parameters, Vector<double>.Build.Dense(2)));

        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("parameters has length 3 but gradient has length 2", e.Message);
        Assert.Equal(0, optimizer.StepCount);
        Assert.Null(optimizer.Length);
        Assert.Equal(Vector<double>.Build.Dense(3, 1.0), parameters);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Rejects_null_and_empty_vectors(string kind)
    {
        var optimizer = Default(kind);
        var v = Vector<double>.Build.Dense(2);

        Assert.Equal("parameters", Assert.Throws<ArgumentNullException>(() => optimizer.Step(null!, v)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentNullException>(() => optimizer.Step(v, null!)).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => optimizer.Step(Vector<double>.Build.Dense(0), Vector<double>.Build.Dense(0))).ParamName);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Leaves_the_gradient_unchanged_and_counts_steps(string kind)
    {
        var optimizer = Default(kind);
        var gradient = Vector<double>.Build.DenseOfArray([0.5, -2.0]);
        var parameters = Vector<double>.Build.DenseOfArray([1.0, 1.0]);

        optimizer.Step(parameters, gradient);
        optimizer.Step(parameters, gradient);

        Assert.Equal(Vector<double>.Build.DenseOfArray([0.5, -2.0]), gradient);
        Assert.Equal(2, optimizer.StepCount);
        Assert.True(parameters[0] < 1 && parameters[1] > 1, "each coordinate moves against its gradient");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Sparse_and_aliased_vectors_get_the_same_update_as_dense_ones(string kind)
    {
        var (dense, sparse, aliased) = (Default(kind), Default(kind), Default(kind));
        var p = Vector<double>.Build.DenseOfArray([1.0, 0.0, -2.0]);
        var q = Vector<double>.Build.SparseOfArray([1.0, 0.0, -2.0]);
        var r = Vector<double>.Build.DenseOfArray([1.0, 0.0, -2.0]);
        for (var t = 0; t < 3; t++)
        {
            dense.Step(p, p.Clone());
            sparse.Step(q, q.Clone());
            aliased.Step(r, r);   // the gradient is the parameter vector itself (f = ½‖θ‖²)
        }

        Assert.Equal(p, Vector<double>.Build.DenseOfEnumerable(q));
        Assert.Equal(p, r);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Learning_rate_is_settable_but_not_negative(string kind)
    {
        var optimizer = Default(kind);
        optimizer.LearningRate = 0;
        var parameters = Vector<double>.Build.DenseOfArray([1.0, -1.0]);

        optimizer.Step(parameters, Vector<double>.Build.DenseOfArray([3.0, 4.0]));

        Assert.Equal(Vector<double>.Build.DenseOfArray([1.0, -1.0]), parameters);
        foreach (var bad in new[] { -1e-3, double.NaN, double.PositiveInfinity })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.LearningRate = bad);
            Assert.Equal("lr", e.ParamName);
        }
    }
}
