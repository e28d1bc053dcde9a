using MLCourse.Sequence;

namespace MLCourse.Tests.Sequence;

public class HiddenMarkovModelTests
{
    private const string File = "hidden_markov.json";
    private const double Relative = 1e-9;

    public static TheoryData<string> Cases => GoldenData.Names(File);

    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);
    private static Matrix<double> M(double[,] values) => Matrix<double>.Build.DenseOfArray(values);

    /// <summary>The weather HMM of Wikipedia's "Viterbi algorithm" article: states Rainy, Sunny; symbols walk, shop, clean.</summary>
    private static HiddenMarkovModel Weather() => new(V(0.6, 0.4), M(new[,] { { 0.7, 0.3 }, { 0.4, 0.6 } }), M(new[,] { { 0.1, 0.4, 0.5 }, { 0.6, 0.3, 0.1 } }));

    private static HiddenMarkovModel Golden(string name, out int[] observations)
    {
        var c = GoldenData.Case(File, name);
        observations = GoldenData.Ints(c["observations"]);
        return new HiddenMarkovModel(GoldenData.Vector(c["initial"]), GoldenData.Matrix(c["transition"]), GoldenData.Matrix(c["emission"]));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Viterbi_matches_the_numpy_reference(string name)
    {
        var c = GoldenData.Case(File, name);
        var (path, logProbability) = Golden(name, out var x).Viterbi(x);

        Assert.Equal(GoldenData.Ints(c["viterbi_path"]), path);
        GoldenData.AssertRelative(GoldenData.Number(c["viterbi_log_probability"]), logProbability, Relative, "log max_z P(x, z)");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_log_likelihood_matches_the_scaled_forward_algorithm(string name)
    {
        var c = GoldenData.Case(File, name);
        var model = Golden(name, out var x);

        GoldenData.AssertRelative(GoldenData.Number(c["log_likelihood"]), model.LogLikelihood(x), Relative, "log P(x)");
        if (c["posterior"] is not null)
            GoldenData.AssertRelative(GoldenData.Matrix(c["posterior"]), model.Posterior(x), Relative, "P(z_t | x)");
    }

    [Fact]
    public void The_textbook_weather_example()
    {
        var (path, logProbability) = Weather().Viterbi([0, 1, 2]);   // walk, shop, clean

        Assert.Equal([1, 0, 0], path);   // Sunny, Rainy, Rainy
        Assert.Equal(0.01344, Math.Exp(logProbability), 15);
        Assert.Equal(0.033612, Math.Exp(Weather().LogLikelihood([0, 1, 2])), 15);
    }

    [Fact]
    public void Exact_ties_go_to_the_lowest_state_index()
    {
        // shop, walk, …: Rainy·shop·(→Sunny) = 0.6·0.4·0.3 and Sunny·shop·(→Sunny) = 0.4·0.3·0.6 tie exactly.
        var model = Weather();
        foreach (var last in new[] { 0, 1, 2 })
        {
            var (path, logProbability) = model.Viterbi([1, 0, last]);
            var tied = path.ToArray();
            tied[0] = 1 - tied[0];
            Assert.Equal(0, path[0]);
            Assert.Equal(logProbability, model.LogJointProbability(tied, [1, 0, last]), 14);
        }
    }

    [Fact]
    public void Viterbi_forward_and_posterior_equal_brute_force_over_all_paths()
    {
        var model = new HiddenMarkovModel(V(0.5, 0.0, 0.5), M(new[,] { { 0.2, 0.5, 0.3 }, { 0.0, 0.1, 0.9 }, { 0.6, 0.4, 0.0 } }),
            M(new[,] { { 0.7, 0.3, 0.0, 0.0 }, { 0.1, 0.2, 0.3, 0.4 }, { 0.25, 0.25, 0.25, 0.25 } }));
        const int length = 4;
        foreach (var x in Enumeration.Sequences(model.Symbols, length))
        {
            var joints = Enumeration.Sequences(model.States, length).Select(z => (Path: z, Log: model.LogJointProbability(z, x))).ToList();
            var total = joints.Sum(j => Math.Exp(j.Log));
            var (path, logProbability) = model.Viterbi(x);
            if (total == 0)
            {
                Assert.Equal(double.NegativeInfinity, model.LogLikelihood(x));
                Assert.Equal(double.NegativeInfinity, logProbability);
                continue;
            }
            var best = joints.Max(j => j.Log);
            Assert.Equal(best, logProbability, 12);
            Assert.Equal(best, model.LogJointProbability(path, x), 12);
            Assert.Equal(Math.Log(total), model.LogLikelihood(x), 12);
            var posterior = model.Posterior(x);
            for (var t = 0; t < length; t++)
                for (var i = 0; i < model.States; i++)
                    Assert.Equal(joints.Where(j => j.Path[t] == i).Sum(j => Math.Exp(j.Log)) / total, posterior[t, i], 12);
        }
    }

    [Fact]
    public void Forward_times_backward_sums_to_the_likelihood_at_every_step()
    {
        var model = Weather();
        var (_, x) = model.Sample(40, Rng.Create(3));
        var (alpha, beta, logLikelihood) = (model.LogForward(x), model.LogBackward(x), model.LogLikelihood(x));

        for (var t = 0; t < x.Length; t++)
            Assert.Equal(logLikelihood, MLCourse.Activations.Softmax.LogSumExp(alpha.Row(t) + beta.Row(t)), 12);
        Assert.All(model.Posterior(x).RowSums(), s => Assert.Equal(1, s, 14));
    }

    [Fact]
    public void Long_sequences_do_not_underflow()
    {
        var model = Weather();
        var (_, x) = model.Sample(5000, Rng.Create(1));
        var logLikelihood = model.LogLikelihood(x);
        var (path, logProbability) = model.Viterbi(x);

        Assert.True(double.IsFinite(logLikelihood) && logLikelihood < -5000 * 0.9, $"log P(x) = {logLikelihood}");
        Assert.True(double.IsFinite(logProbability) && logProbability < logLikelihood);
        Assert.Equal(logProbability, model.LogJointProbability(path, x), 9);
        Assert.All(model.Posterior(x).Enumerate(), p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void Zero_probabilities_give_minus_infinity_not_NaN()
    {
        // State 0 always emits symbol 0 and can only be left for state 1, which never emits 0 and must go back.
        var model = new HiddenMarkovModel(V(1, 0), M(new[,] { { 0, 1.0 }, { 1.0, 0 } }), M(new[,] { { 1.0, 0 }, { 0, 1.0 } }));

        Assert.Equal(0, model.LogLikelihood([0, 1, 0]));
        Assert.Equal([0, 1, 0], model.Viterbi([0, 1, 0]).Path);
        Assert.Equal(double.NegativeInfinity, model.LogLikelihood([0, 0]));
        Assert.Equal(double.NegativeInfinity, model.Viterbi([0, 0]).LogProbability);
        Assert.Equal(double.NegativeInfinity, model.LogJointProbability([1, 0], [0, 1]));
        Assert.All(model.LogForward([1, 1, 0]).Enumerate(), a => Assert.False(double.IsNaN(a)));
        Assert.Equal("observations", Assert.Throws<ArgumentException>(() => model.Posterior([0, 0])).ParamName);
    }

    [Fact]
    public void Sampling_is_reproducible_and_draws_only_possible_sequences()
    {
        var model = new HiddenMarkovModel(V(0.3, 0.7), M(new[,] { { 0.0, 1.0 }, { 0.5, 0.5 } }), M(new[,] { { 0.9, 0.1, 0 }, { 0, 0.2, 0.8 } }));
        var first = model.Sample(300, Rng.Create(11));
        var again = model.Sample(300, Rng.Create(11));

        Assert.Equal(first.States, again.States);
        Assert.Equal(first.Observations, again.Observations);
        Assert.True(double.IsFinite(model.LogJointProbability(first.States, first.Observations)));
        Assert.DoesNotContain(Enumerable.Range(1, 299), t => first.States[t - 1] == 0 && first.States[t] == 0);
        // 2000 one-step samples: the first state is 0 with probability 0.3 (standard error √(0.3·0.7/2000) = 0.010).
        var rng = Rng.Create(5);
        var zeros = Enumerable.Range(0, 2000).Count(_ => model.Sample(1, rng).States[0] == 0);
        Assert.InRange(zeros / 2000.0, 0.3 - 0.04, 0.3 + 0.04);
    }

    [Fact]
    public void The_parameters_are_copies()
    {
        var initial = V(0.6, 0.4);
        var model = new HiddenMarkovModel(initial, M(new[,] { { 0.7, 0.3 }, { 0.4, 0.6 } }), M(new[,] { { 0.1, 0.9 }, { 0.6, 0.4 } }));
        initial[0] = 0.9;
        model.Transition[0, 0] = 0.1;

        Assert.Equal((2, 2), (model.States, model.Symbols));
        Assert.Equal(0.6, model.Initial[0]);
        Assert.Equal(0.7, model.Transition[0, 0]);
        Assert.Equal(0.9, model.Emission[0, 1]);
    }

    [Fact]
    public void Invalid_parameters_are_named_with_their_sizes()
    {
        var (a, b) = (M(new[,] { { 0.7, 0.3 }, { 0.4, 0.6 } }), M(new[,] { { 0.1, 0.4, 0.5 }, { 0.6, 0.3, 0.1 } }));
        void Rejects(string param, string text, Func<HiddenMarkovModel> make)
        {
            var e = Assert.ThrowsAny<ArgumentException>(() => make());
            Assert.Equal(param, e.ParamName);
            Assert.Contains(text, e.Message);
        }

        Rejects("initial", "sums to 0.9", () => new HiddenMarkovModel(V(0.5, 0.4), a, b));
        Rejects("initial", "initial[1] = -0.2", () => new HiddenMarkovModel(V(1.2, -0.2), a, b));
        Rejects("initial", "empty", () => new HiddenMarkovModel(V(), a, b));
        Rejects("transition", "3×3 but must be 2×2", () => new HiddenMarkovModel(V(0.6, 0.4), Matrix<double>.Build.Dense(3, 3, 1.0 / 3), b));
        Rejects("transition", "row 1 sums to", () => new HiddenMarkovModel(V(0.6, 0.4), M(new[,] { { 0.7, 0.3 }, { 0.5, 0.6 } }), b));
        Rejects("transition", "NaN", () => new HiddenMarkovModel(V(0.6, 0.4), M(new[,] { { 0.7, 0.3 }, { double.NaN, 0.6 } }), b));
        Rejects("emission", "3×3 but must be 2×M", () => new HiddenMarkovModel(V(0.6, 0.4), a, Matrix<double>.Build.Dense(3, 3, 1.0 / 3)));
        Rejects("emission", "2×0", () => new HiddenMarkovModel(V(0.6, 0.4), a, Matrix<double>.Build.Dense(2, 0)));
        Rejects("emission", "row 0 sums to 0.5", () => new HiddenMarkovModel(V(0.6, 0.4), a, M(new[,] { { 0.1, 0.4, 0.0 }, { 0.6, 0.3, 0.1 } })));
        Assert.Equal("transition", Assert.Throws<ArgumentNullException>(() => new HiddenMarkovModel(V(0.6, 0.4), null!, b)).ParamName);
    }

    [Fact]
    public void Invalid_observations_are_named_with_the_number_of_symbols()
    {
        var model = Weather();
        var calls = new Action<int[]>[] { x => model.Viterbi(x), x => model.LogLikelihood(x), x => model.LogForward(x), x => model.LogBackward(x), x => model.Posterior(x) };
        foreach (var call in calls)
        {
            var outOfRange = Assert.ThrowsAny<ArgumentException>(() => call([0, 3, 1]));
            Assert.Equal("observations", outOfRange.ParamName);
            Assert.Contains("observations[1] = 3", outOfRange.Message);
            Assert.Contains("2×3", outOfRange.Message);
            Assert.Equal("observations", Assert.ThrowsAny<ArgumentException>(() => call([-1])).ParamName);
            Assert.Equal("observations", Assert.ThrowsAny<ArgumentException>(() => call([])).ParamName);
            Assert.Equal("observations", Assert.ThrowsAny<ArgumentException>(() => call(null!)).ParamName);
        }
        Assert.Equal("states", Assert.ThrowsAny<ArgumentException>(() => model.LogJointProbability([0, 1], [0, 1, 2])).ParamName);
        Assert.Equal("states", Assert.ThrowsAny<ArgumentException>(() => model.LogJointProbability([0, 2, 1], [0, 1, 2])).ParamName);
        Assert.Equal("length", Assert.ThrowsAny<ArgumentException>(() => model.Sample(0, Rng.Create(1))).ParamName);
    }
}
