using MLCourse.Autodiff;

namespace MLCourse.Tests.Autodiff;

public class ValueTests
{
    private const string File = "backprop.json";

    public static TheoryData<string> Cases => GoldenData.Names(File, "autodiff");

    /// <summary>The expressions of backprop.py, built from Value operations (the same order of operations as the Python lambdas).</summary>
    private static Value Expression(string name, IReadOnlyList<Value> v) => name switch
    {
        "product reused" => Reused(v[0] * v[1], v[0]),
        "softplus" => (1 + v[0].Exp()).Log(),
        "quotient and powers" => (v[0].Pow(3) - v[1]) / (v[2] * v[2] + 1) + (v[0] / v[1]).Pow(0.5),
        "cross-entropy of class 0" => (v[0].Exp() + v[1].Exp() + v[2].Exp()).Log() - v[0],
        "tanh neuron" => (v[0] * v[3] + v[1] * v[4] + v[2]).Tanh(),
        "constants on both sides" => (2.0 - v[0]) * 3.0 + 1.0 / v[0] - v[0] / 4.0 + (-v[0]).Exp() - (v[0] + 0.5) * -2.0,
        "tanh applied 30 times" => Enumerable.Range(0, 30).Aggregate(v[0], (x, _) => x.Tanh()),
        "log of a product" => (v[0] * v[1]).Log() * v[1].Pow(-1.5),
        _ => throw new InvalidOperationException(name),
    };

    private static Value Reused(Value u, Value x) => u * u + u.Tanh() * x;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_and_gradients_match_torch_autograd(string name)
    {
        var c = GoldenData.Case(File, name);

        var (value, gradient) = Value.Gradient(v => Expression((string)c["expression"]!, v), GoldenData.Vector(c["point"]));

        GoldenData.AssertRelative(GoldenData.Number(c["value"]), value, 1e-14, "value");
        GoldenData.AssertRelative(GoldenData.Vector(c["gradient"]), gradient, 1e-13, "gradient");
    }

    [Theory]
    [InlineData("+", 1.0, 1.0)]
    [InlineData("−", 1.0, -1.0)]
    [InlineData("×", 3.0, 2.0)]      // ∂(ab)/∂a = b, ∂(ab)/∂b = a
    [InlineData("÷", 1.0 / 3, -2.0 / 9)]
    public void Each_binary_operation_stores_its_local_derivatives(string op, double dA, double dB)
    {
        var (a, b) = (new Value(2, "a"), new Value(3, "b"));
        var node = op switch { "+" => a + b, "−" => a - b, "×" => a * b, _ => a / b };

        node.Backward();

        Assert.Equal(op, node.Op);
        Assert.Same(a, node.Inputs[0]);
        Assert.Same(b, node.Inputs[1]);
        Assert.Equal(dA, node.LocalDerivatives[0], 15);
        Assert.Equal(dB, node.LocalDerivatives[1], 15);
        Assert.Equal((dA, dB), (a.Grad, b.Grad));
    }

    public static TheoryData<string, Func<Value, Value>, Func<double, double>> Unary => new()
    {
        { "tanh", v => v.Tanh(), x => 1 - Math.Tanh(x) * Math.Tanh(x) },
        { "exp", v => v.Exp(), Math.Exp },
        { "log", v => v.Log(), x => 1 / x },
        { "pow 3", v => v.Pow(3), x => 3 * x * x },
        { "pow -0.5", v => v.Pow(-0.5), x => -0.5 * Math.Pow(x, -1.5) },
        { "neg", v => -v, _ => -1 },
        { "+ c", v => v + 4, _ => 1 },
        { "c +", v => 4 + v, _ => 1 },
        { "− c", v => v - 4, _ => 1 },
        { "c −", v => 4 - v, _ => -1 },
        { "× c", v => v * 4, _ => 4 },
        { "c ×", v => 4 * v, _ => 4 },
        { "÷ c", v => v / 4, _ => 0.25 },
        { "c ÷", v => 4 / v, x => -4 / (x * x) },
    };

    [Theory]
    [MemberData(nameof(Unary))]
    public void Each_unary_operation_has_the_derivative_of_its_function(string op, Func<Value, Value> f, Func<double, double> derivative)
    {
        foreach (var x in new[] { 0.3, 1.7, 4.0 })
        {
            var leaf = new Value(x);
            var node = f(leaf);

            node.Backward();

            Assert.Equal(op, node.Op);
            Assert.Equal(derivative(x), leaf.Grad, 14);
            var h = 1e-6;   // and the derivative is the function's: central difference of the forward values
            Assert.Equal((f(new Value(x + h)).Data - f(new Value(x - h)).Data) / (2 * h), leaf.Grad, 7);
        }
    }

    [Fact]
    public void Pow_0_has_derivative_0_even_at_0_as_in_pytorch()
    {
        var x = new Value(0);
        var y = x.Pow(0);
        y.Backward();
        Assert.Equal((1.0, 0.0), (y.Data, x.Grad));
    }

    [Fact]
    public void A_node_used_twice_receives_the_sum_of_both_contributions()
    {
        var x = new Value(3, "x");
        var square = x * x;   // x is both inputs of one node

        square.Backward();

        Assert.Equal(6, x.Grad);   // 2x, not x
        var y = new Value(0.5);
        var u = y.Exp();
        var f = u * 2 + u.Tanh();   // u feeds two branches
        f.Backward();
        var expected = (2 + 1 / Math.Pow(Math.Cosh(Math.Exp(0.5)), 2)) * Math.Exp(0.5);
        Assert.Equal(expected, y.Grad, 14);
        Assert.Equal(2 + 1 / Math.Pow(Math.Cosh(Math.Exp(0.5)), 2), u.Grad, 14);
    }

    [Fact]
    public void Sum_is_one_node_with_the_gradients_of_a_chain_of_additions()
    {
        var xs = new[] { new Value(1), new Value(-2), new Value(0.5) };
        var sum = Value.Sum([xs[0] * xs[0], xs[1] * 3, xs[2], xs[0]]);

        sum.Backward();

        Assert.Equal(1 + -6 + 0.5 + 1, sum.Data);
        Assert.Equal([3.0, 3.0, 1.0], xs.Select(x => x.Grad));
        Assert.Equal("Σ", sum.Op);
        Assert.Equal(4, sum.Inputs.Count);
    }

    [Fact]
    public void The_topological_order_puts_every_node_after_its_inputs_and_the_output_last()
    {
        var (a, b) = (new Value(1, "a"), new Value(2, "b"));
        var c = a * b;
        var d = c + a;
        var e = d * c;

        var order = e.TopologicalOrder();

        Assert.Equal(5, order.Count);   // each node once, though a and c are used twice
        Assert.Same(e, order[^1]);
        for (var k = 0; k < order.Count; k++)
            foreach (var input in order[k].Inputs)
                Assert.True(order.ToList().IndexOf(input) < k, $"{input} comes after {order[k]}");
    }

    [Fact]
    public void A_chain_of_a_million_nodes_needs_no_recursion()
    {
        var x = new Value(0.1);
        var y = x;
        for (var i = 0; i < 1_000_000; i++) y = y * 1.000001;

        y.Backward();

        Assert.Equal(Math.Pow(1.000001, 1_000_000), x.Grad, 9);
        Assert.Equal(1_000_001, y.TopologicalOrder().Count);
    }

    [Fact]
    public void Interior_gradients_are_those_of_the_one_backward_pass_and_leaves_accumulate_like_pytorch_grad()
    {
        var x = new Value(2);
        var f = x * x;
        f.Backward();
        var g = x * 3;
        g.Backward();

        Assert.Equal(4 + 3, x.Grad);   // .grad accumulates over backward calls
        Assert.Equal(1, f.Grad);
        Assert.Equal(1, g.Grad);
        x.ZeroGrad();
        Assert.Equal(0, x.Grad);
        x.Backward();   // a leaf is its own graph: ∂x/∂x = 1, repeatable
        x.Backward();
        Assert.Equal(2, x.Grad);
    }

    [Fact]
    public void A_second_backward_through_the_same_graph_throws_and_changes_nothing()
    {
        var x = new Value(2, "x");
        var u = x.Tanh();
        var f = u * 5;
        f.Backward();
        var before = (x.Grad, u.Grad, f.Grad);

        var twice = Assert.Throws<InvalidOperationException>(f.Backward);
        var reused = Assert.Throws<InvalidOperationException>(() => (u + 1).Backward());   // a new output on a consumed node

        Assert.Contains("second time", twice.Message);
        Assert.Contains("tanh", reused.Message);
        Assert.Equal(before, (x.Grad, u.Grad, f.Grad));
    }

    [Fact]
    public void ZeroGrad_is_for_leaves_only()
    {
        var f = new Value(1) * 2;
        var e = Assert.Throws<InvalidOperationException>(f.ZeroGrad);
        Assert.Contains("× c", e.Message);
    }

    [Fact]
    public void Out_of_domain_values_follow_ieee_arithmetic_as_pytorch()
    {
        var zero = new Value(0);
        var log = zero.Log();
        log.Backward();
        Assert.Equal((double.NegativeInfinity, double.PositiveInfinity), (log.Data, zero.Grad));
        Assert.True(double.IsNaN(new Value(-1).Log().Data));
        Assert.True(double.IsNaN(new Value(-8).Pow(1.0 / 3).Data));
        Assert.Equal(double.PositiveInfinity, (1.0 / new Value(0)).Data);
    }

    [Fact]
    public void Gradient_runs_one_forward_and_one_backward_pass_over_fresh_leaves()
    {
        var calls = 0;
        var point = Vector<double>.Build.DenseOfArray([1.0, 2.0, 3.0]);

        var (value, gradient) = Value.Gradient(v => { calls++; return v[0] * v[1] * v[2]; }, point);

        Assert.Equal(1, calls);
        Assert.Equal(6, value);
        Assert.Equal([6.0, 3.0, 2.0], gradient.ToArray());
        Assert.Equal([1.0, 2.0, 3.0], point.ToArray());
    }

    [Fact]
    public void Labels_and_descriptions()
    {
        var x = new Value(2, "x");
        var y = x * x;
        y.Backward();

        Assert.Equal("x = 2 (grad 4)", x.ToString());
        Assert.Equal("× = 4 (grad 1)", y.ToString());
        Assert.True(x.IsLeaf);
        Assert.False(y.IsLeaf);
        Assert.Equal("", x.Op);
        Assert.Null(y.Label);
    }

    [Fact]
    public void Bad_arguments_are_rejected_by_name()
    {
        var x = new Value(1);
        Value? none = null;

        Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => none! + x).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentNullException>(() => x * none!).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => 2.0 / none!).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => -none!).ParamName);
        Assert.Equal("exponent", Assert.Throws<ArgumentOutOfRangeException>(() => x.Pow(double.NaN)).ParamName);
        Assert.Equal("terms", Assert.Throws<ArgumentException>(() => Value.Sum([])).ParamName);
        Assert.Equal("terms", Assert.Throws<ArgumentNullException>(() => Value.Sum([x, null!])).ParamName);
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => Value.Gradient(null!, Vector<double>.Build.Dense(1))).ParamName);
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => Value.Gradient(_ => null!, Vector<double>.Build.Dense(1))).ParamName);
        Assert.Equal("point", Assert.Throws<ArgumentException>(() => Value.Gradient(v => v[0], Vector<double>.Build.Dense(0))).ParamName);
    }
}
