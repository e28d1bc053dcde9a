using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;

namespace MLCourse.Autodiff;

/// <summary>
/// A scalar in a computational graph with reverse-mode automatic differentiation, in the style of Karpathy's micrograd
/// and with PyTorch's rules for <c>.backward()</c> and <c>.grad</c>. Every operation (+, −, ×, ÷, negation,
/// <see cref="Tanh"/>, <see cref="Exp"/>, <see cref="Log"/>, <see cref="Pow"/>) creates a new node that remembers its
/// inputs and the local derivatives ∂(node)/∂(input), evaluated at the forward pass. <see cref="Backward"/> then applies
/// the chain rule from the output back to the leaves. Introduced in notebook 21 (backpropagation and initialisation).
/// </summary>
/// <remarks>
/// <para><b>Backward.</b> The nodes are visited in reverse topological order (every node after all the nodes that use
/// it), so a node's gradient is complete before it is passed on: ∂out/∂v = Σ over the uses u of v of
/// ∂out/∂u·∂u/∂v. A node used twice (x·x, or an intermediate feeding two branches) receives the sum of both
/// contributions. The order is found without recursion, so a chain of a million nodes is fine.</para>
/// <para><b>Gradients, as in PyTorch.</b> A leaf (a <see cref="Value(double, string?)"/> you create) accumulates:
/// each <see cref="Backward"/> adds ∂out/∂leaf to its <see cref="Grad"/>, like <c>.grad</c>, and <see cref="ZeroGrad"/>
/// resets it (<c>optimizer.zero_grad()</c>). An interior node's <see cref="Grad"/> is ∂out/∂node of the one backward
/// pass through it (PyTorch keeps it only with <c>retain_grad()</c>). A backward pass consumes the graph of interior
/// nodes it runs through: a second <see cref="Backward"/> through any of them throws, as PyTorch does without
/// <c>retain_graph=True</c>. Build the expression again to differentiate it again.</para>
/// <para>Numbers follow IEEE arithmetic as in PyTorch: log 0 = −∞, x/0 = ±∞, log of a negative number is NaN; nothing
/// throws for a value out of a function's domain.</para>
/// </remarks>
public sealed class Value
{
    private static readonly Value[] NoInputs = [];
    private static readonly double[] NoDerivatives = [];

    private readonly Value[] _inputs;
    private readonly double[] _localDerivatives;
    private bool _consumed;

    /// <summary>A leaf: an input or a parameter of the expression, with <see cref="Grad"/> = 0.</summary>
    /// <param name="data">Its value (any double).</param>
    /// <param name="label">An optional name shown by <see cref="ToString"/> ("x", "w₁").</param>
    public Value(double data, string? label = null) : this(data, "", NoInputs, NoDerivatives) => Label = label;

    private Value(double data, string op, Value[] inputs, double[] localDerivatives) =>
        (Data, Op, _inputs, _localDerivatives) = (data, op, inputs, localDerivatives);

    /// <summary>The value computed by the forward pass.</summary>
    public double Data { get; }

    /// <summary>
    /// ∂out/∂this: for a leaf, the sum over every <see cref="Backward"/> so far (0 before the first); for an interior node,
    /// the value of the backward pass that ran through it (0 before it).
    /// </summary>
    public double Grad { get; private set; }

    /// <summary>The operation that produced the node ("+", "×", "tanh", "pow 3", …); empty for a leaf.</summary>
    public string Op { get; }

    /// <summary>The name given to a leaf, or null.</summary>
    public string? Label { get; }

    /// <summary>Whether this is a leaf (created by the constructor, not by an operation).</summary>
    public bool IsLeaf => _inputs.Length == 0;

    /// <summary>The nodes this one was computed from (empty for a leaf); a node used twice, as in x·x, appears twice.</summary>
    public IReadOnlyList<Value> Inputs => _inputs;

    /// <summary>∂this/∂Inputs[k], the local derivatives stored by the forward pass, one per input.</summary>
    public IReadOnlyList<double> LocalDerivatives => _localDerivatives;

    /// <summary>a + b; local derivatives 1 and 1.</summary>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    public static Value operator +(Value a, Value b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Data + b.Data, "+", [a, b], [1, 1]);
    }

    /// <summary>a + c for a constant c; local derivative 1.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    public static Value operator +(Value a, double c)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Data + c, "+ c", [a], [1]);
    }

    /// <summary>c + a for a constant c; local derivative 1.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    public static Value operator +(double c, Value a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(c + a.Data, "c +", [a], [1]);
    }

    /// <summary>a − b; local derivatives 1 and −1.</summary>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    public static Value operator -(Value a, Value b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Data - b.Data, "−", [a, b], [1, -1]);
    }

    /// <summary>a − c for a constant c; local derivative 1.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    public static Value operator -(Value a, double c)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Data - c, "− c", [a], [1]);
    }

    /// <summary>c − a for a constant c; local derivative −1.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    public static Value operator -(double c, Value a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(c - a.Data, "c −", [a], [-1]);
    }

    /// <summary>−a; local derivative −1.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    public static Value operator -(Value a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(-a.Data, "neg", [a], [-1]);
    }

    /// <summary>a·b; local derivatives b and a.</summary>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    public static Value operator *(Value a, Value b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Data * b.Data, "×", [a, b], [b.Data, a.Data]);
    }

    /// <summary>a·c for a constant c; local derivative c.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    public static Value operator *(Value a, double c)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Data * c, "× c", [a], [c]);
    }

    /// <summary>c·a for a constant c; local derivative c.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    public static Value operator *(double c, Value a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(c * a.Data, "c ×", [a], [c]);
    }

    /// <summary>a/b; local derivatives 1/b and −a/b².</summary>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    public static Value operator /(Value a, Value b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Data / b.Data, "÷", [a, b], [1 / b.Data, -a.Data / (b.Data * b.Data)]);
    }

    /// <summary>a/c for a constant c; local derivative 1/c.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    public static Value operator /(Value a, double c)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Data / c, "÷ c", [a], [1 / c]);
    }

    /// <summary>c/a for a constant c; local derivative −c/a².</summary>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> is null.</exception>
    public static Value operator /(double c, Value a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(c / a.Data, "c ÷", [a], [-c / (a.Data * a.Data)]);
    }

    /// <summary>tanh x; local derivative 1 − tanh²x, computed as 1/cosh²x (<see cref="Activation.TanhDerivative"/>).</summary>
    public Value Tanh() => new(Activation.Tanh(Data), "tanh", [this], [Activation.TanhDerivative(Data)]);

    /// <summary>eˣ; local derivative eˣ.</summary>
    public Value Exp()
    {
        var e = Math.Exp(Data);
        return new(e, "exp", [this], [e]);
    }

    /// <summary>The natural logarithm ln x; local derivative 1/x. Range: x &gt; 0 (ln 0 = −∞, a negative x gives NaN).</summary>
    public Value Log() => new(Math.Log(Data), "log", [this], [1 / Data]);

    /// <summary>xᵖ for a constant exponent p; local derivative p·xᵖ⁻¹ (0 for p = 0, as PyTorch). Range: p finite; a negative x
    /// with a non-integer p gives NaN.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exponent"/> is infinite or NaN.</exception>
    public Value Pow(double exponent)
    {
        Guard.Finite(exponent, nameof(exponent));
        var local = exponent == 0 ? 0 : exponent * Math.Pow(Data, exponent - 1);
        return new(Math.Pow(Data, exponent), $"pow {exponent}", [this], [local]);
    }

    /// <summary>The sum of <paramref name="terms"/> as one node with local derivative 1 for each (a chain of + gives the same gradients).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> or one of its entries is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="terms"/> is empty.</exception>
    public static Value Sum(IEnumerable<Value> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var inputs = terms.ToArray();
        if (inputs.Length == 0) throw new ArgumentException("terms must hold at least one Value.", nameof(terms));
        var total = 0.0;
        foreach (var term in inputs)
        {
            ArgumentNullException.ThrowIfNull(term, nameof(terms));
            total += term.Data;
        }
        return new Value(total, "Σ", inputs, Enumerable.Repeat(1.0, inputs.Length).ToArray());
    }

    /// <summary>
    /// The nodes of the graph that ends here, each after all of its inputs (a topological order; this node last).
    /// Found by an iterative depth-first search, so the depth of the graph is not limited by the call stack.
    /// </summary>
    public IReadOnlyList<Value> TopologicalOrder()
    {
        var (order, visited) = (new List<Value>(), new HashSet<Value>(ReferenceEqualityComparer.Instance));
        var stack = new Stack<(Value Node, int Next)>();
        stack.Push((this, 0));
        visited.Add(this);
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < node._inputs.Length)
            {
                stack.Push((node, next + 1));
                var input = node._inputs[next];
                if (visited.Add(input)) stack.Push((input, 0));
            }
            else order.Add(node);   // every input is already in the order
        }
        return order;
    }

    /// <summary>
    /// Backpropagates from this node (the output, seeded with ∂out/∂out = 1): for every node v in reverse topological
    /// order and every input u of v, Grad(u) += Grad(v)·∂v/∂u. Leaves add ∂out/∂leaf to their <see cref="Grad"/>;
    /// interior nodes get ∂out/∂node. The interior nodes are consumed (see the class remarks).
    /// </summary>
    /// <exception cref="InvalidOperationException">A backward pass has already run through an interior node of this
    /// graph (PyTorch: "Trying to backward through the graph a second time"); nothing is changed.</exception>
    public void Backward()
    {
        var order = TopologicalOrder();
        if (order.FirstOrDefault(v => v._consumed) is { } used)
            throw new InvalidOperationException(
                $"Trying to backward through the graph a second time: the node {used.Describe()} was already used by a backward pass " +
                "(PyTorch frees the graph after backward() unless retain_graph=True). Build the expression again.");
        foreach (var node in order)
            if (!node.IsLeaf) node.Grad = 0;
        Grad += 1;
        for (var k = order.Count - 1; k >= 0; k--)
        {
            var node = order[k];
            for (var i = 0; i < node._inputs.Length; i++) node._inputs[i].Grad += node.Grad * node._localDerivatives[i];
            if (!node.IsLeaf) node._consumed = true;
        }
    }

    /// <summary>Sets a leaf's accumulated <see cref="Grad"/> back to 0 (PyTorch's <c>x.grad = None</c> / <c>zero_grad()</c>).</summary>
    /// <exception cref="InvalidOperationException">This is not a leaf (an interior node's gradient belongs to its one backward pass).</exception>
    public void ZeroGrad()
    {
        if (!IsLeaf) throw new InvalidOperationException($"ZeroGrad resets a leaf's accumulated gradient, but {Describe()} is the result of an operation.");
        Grad = 0;
    }

    /// <summary>
    /// The value and the gradient of <paramref name="f"/> at <paramref name="point"/>: one leaf per coordinate, one
    /// forward pass (building the graph) and one backward pass, however many coordinates there are.
    /// </summary>
    /// <param name="f">The expression, built from the leaves it receives (one per coordinate of the point).</param>
    /// <param name="point">Where to differentiate (not empty).</param>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null or returns null.</exception>
    /// <exception cref="ArgumentException"><paramref name="point"/> is null or empty.</exception>
    public static (double Value, Vector<double> Gradient) Gradient(Func<IReadOnlyList<Value>, Value> f, Vector<double> point)
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.NotEmpty(point, nameof(point));
        var leaves = point.Select((x, i) => new Value(x, $"x{i}")).ToArray();
        var output = f(leaves) ?? throw new ArgumentNullException(nameof(f), "f returned null instead of a Value.");
        output.Backward();
        return (output.Data, Vector<double>.Build.Dense(leaves.Length, i => leaves[i].Grad));
    }

    /// <summary>"x = 2 (grad 6)" for a labelled leaf, "× = 6 (grad 1)" for an operation.</summary>
    public override string ToString() => $"{Describe()} (grad {Grad:G6})";

    private string Describe() => $"{(IsLeaf ? Label ?? "leaf" : Op)} = {Data:G6}";
}
