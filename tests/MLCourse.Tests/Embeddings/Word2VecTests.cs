using MLCourse.Embeddings;

namespace MLCourse.Tests.Embeddings;

public class Word2VecTests
{
    private const string File = "word2vec.json";

    public static TheoryData<string> SgnsCases => GoldenData.Names(File, "sgns");
    public static TheoryData<string> StepCases => GoldenData.Names(File, "step");

    [Theory]
    [MemberData(nameof(SgnsCases))]
    public void Loss_and_gradients_match_PyTorch_autograd(string name)
    {
        var c = GoldenData.Case(File, name);
        var (center, context, negatives) = (GoldenData.Vector(c["center"]), GoldenData.Vector(c["context"]), GoldenData.Matrix(c["negatives"]));

        var result = Word2Vec.Gradient(center, context, negatives);

        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), result.Loss, 1e-9, $"{name} loss");
        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), Word2Vec.Loss(center, context, negatives), 1e-9, $"{name} Loss()");
        GoldenData.AssertRelative(GoldenData.Vector(c["grad_center"]), result.Center, 1e-9, $"{name} ∂ℓ/∂v_c");
        GoldenData.AssertRelative(GoldenData.Vector(c["grad_context"]), result.Context, 1e-9, $"{name} ∂ℓ/∂u_o");
        GoldenData.AssertRelative(GoldenData.Matrix(c["grad_negatives"]), result.Negatives, 1e-9, $"{name} ∂ℓ/∂u_k");
    }

    [Theory]
    [MemberData(nameof(StepCases))]
    public void A_step_is_PyTorch_SGD_with_repeated_rows_summed(string name)
    {
        var c = GoldenData.Case(File, name);
        var model = new Word2Vec(GoldenData.Matrix(c["input"]), GoldenData.Matrix(c["output"]));

        var loss = model.Step((int)c["center"]!, (int)c["context"]!, GoldenData.Ints(c["negatives"]), GoldenData.Number(c["learning_rate"]));

        GoldenData.AssertRelative(GoldenData.Number(c["loss"]), loss, 1e-9, $"{name} loss");
        GoldenData.AssertRelative(GoldenData.Matrix(c["input_after"]), model.InputVectors, 1e-9, $"{name} input");
        GoldenData.AssertRelative(GoldenData.Matrix(c["output_after"]), model.OutputVectors, 1e-9, $"{name} output");
        Assert.Equal(1 + GoldenData.Ints(c["negatives"]).Length, model.DotProducts);
    }

    [Fact]
    public void The_gradient_matches_finite_differences()
    {
        var rng = Rng.Create(4);
        var (v, u, n) = (Rng.StandardNormal(6, rng), Rng.StandardNormal(6, rng), Rng.StandardNormal(4, 6, rng));
        var g = Word2Vec.Gradient(v, u, n);

        Assert.True((FiniteDifference.Gradient(x => Word2Vec.Loss(x, u, n), v) - g.Center).InfinityNorm() < 1e-8);
        Assert.True((FiniteDifference.Gradient(x => Word2Vec.Loss(v, x, n), u) - g.Context).InfinityNorm() < 1e-8);
        Assert.True((FiniteDifference.Gradient(x => Word2Vec.Loss(v, u, x), n) - g.Negatives).InfinityNorm() < 1e-8);
    }

    [Fact]
    public void Initialisation_follows_word2vec_c_and_the_first_loss_is_K_plus_1_log_2()
    {
        var model = new Word2Vec(40, 8, Rng.Create(1));

        Assert.True(model.InputVectors.Enumerate().All(x => x >= -0.5 / 8 && x < 0.5 / 8));
        Assert.True(model.InputVectors.Enumerate().Max() > 0.05);   // the whole range is used
        Assert.Equal(0.0, model.OutputVectors.Enumerate().Max(Math.Abs));
        Assert.Equal(5 * Math.Log(2), model.Step(3, 7, [1, 2, 3, 4], 0.1), 14);
        Assert.Equal((40, 8), (model.VocabularySize, model.Dimension));
    }

    [Fact]
    public void Lookup_is_the_one_hot_product_and_copies()
    {
        var model = new Word2Vec(9, 4, Rng.Create(2));
        int[] words = [3, 0, 3, 8];
        var oneHot = Matrix<double>.Build.Dense(4, 9, (i, j) => j == words[i] ? 1 : 0);

        Assert.Equal(oneHot * model.InputVectors, model.Lookup(words));
        model.Lookup(words)[0, 0] = 99;
        model.InputVectors[0, 0] = 99;
        Assert.NotEqual(99, model.Lookup(words)[0, 0]);
        Assert.NotEqual(99, model.InputVectors[0, 0]);
    }

    [Fact]
    public void Mean_loss_averages_the_pair_losses_and_changes_nothing()
    {
        var rng = Rng.Create(3);
        var model = new Word2Vec(Rng.StandardNormal(7, 5, rng), Rng.StandardNormal(7, 5, rng));
        (int, int)[] pairs = [(0, 1), (2, 2), (6, 3)];
        int[] negatives = [4, 5, 1, 0, 0, 6];
        var (v, u) = (model.InputVectors, model.OutputVectors);
        double Pair(int p) => Word2Vec.Loss(v.Row(pairs[p].Item1), u.Row(pairs[p].Item2),
            Matrix<double>.Build.DenseOfRowVectors(u.Row(negatives[2 * p]), u.Row(negatives[2 * p + 1])));

        Assert.Equal((Pair(0) + Pair(1) + Pair(2)) / 3, model.MeanLoss(pairs, negatives), 13);
        Assert.Equal(v, model.InputVectors);
        Assert.Equal(0, model.DotProducts);
    }

    [Fact]
    public void Training_without_subsampling_walks_every_pair_and_counts_K_plus_1_products_each()
    {
        var tokens = Enumerable.Range(0, 300).Select(i => (i * 7 + i / 5) % 20).ToArray();
        var model = new Word2Vec(20, 6, Rng.Create(5));

        var history = model.Train(tokens, new NegativeSampler(Counts(tokens, 20)), Rng.Create(6), window: 3, negatives: 4, epochs: 2, subsample: 0, reportEvery: 250);

        var pairsPerEpoch = 2 * 3 * 300 - 3 * 4;
        Assert.Equal(2L * pairsPerEpoch, history.Pairs[^1]);
        Assert.Equal(5L * 2 * pairsPerEpoch, model.DotProducts);
        Assert.Equal([300, 300], history.KeptTokens);
        Assert.Equal((int)Math.Ceiling(2.0 * pairsPerEpoch / 250), history.MeanLoss.Count);
        Assert.All(history.Pairs.SkipLast(1), (p, i) => Assert.Equal(250L * (i + 1), p));
        Assert.Equal(2, history.EpochLoss.Count);
        Assert.Empty(history.EvaluationLoss);
    }

    [Fact]
    public void Training_lowers_the_loss_on_fixed_pairs_and_is_deterministic()
    {
        // A corpus with structure: word w is followed by w + 1 (mod 30) most of the time.
        var rng = Rng.Create(8);
        var tokens = new int[4000];
        for (var i = 1; i < tokens.Length; i++) tokens[i] = rng.NextDouble() < 0.8 ? (tokens[i - 1] + 1) % 30 : rng.Next(30);
        var sampler = new NegativeSampler(Counts(tokens, 30));
        var pairs = SkipGram.Pairs(tokens, 2).Take(2000).ToArray();
        var noise = sampler.Sample(2000 * 5, Rng.Create(9));

        Word2VecHistory Run() => new Word2Vec(30, 10, Rng.Create(1)).Train(tokens, sampler, Rng.Create(2), window: 2, epochs: 3,
            learningRate: 0.05, evaluationPairs: pairs, evaluationNegatives: noise);
        var (first, second) = (Run(), Run());

        Assert.Equal(4, first.EvaluationLoss.Count);
        Assert.Equal(6 * Math.Log(2), first.EvaluationLoss[0], 12);
        Assert.True(first.EvaluationLoss[^1] < first.EvaluationLoss[0] - 1, $"{first.EvaluationLoss[^1]} vs {first.EvaluationLoss[0]}");
        Assert.Equal(first.MeanLoss, second.MeanLoss);
        Assert.Equal(first.EvaluationLoss, second.EvaluationLoss);
        Assert.True(first.KeptTokens.All(k => k < 4000));   // every word has a share ≈ 1/30 ≫ 10⁻³: subsampled
    }

    [Fact]
    public void Keep_probabilities_follow_word2vec_c()
    {
        int[] counts = [1000, 10, 1, 0];   // shares f = 1000/1011, …; t·N = 1.011 at t = 10⁻³
        var keep = Word2Vec.KeepProbabilities(counts, 1e-3);
        double Expected(int c) => Math.Min(1, (Math.Sqrt(c / (1e-3 * 1011)) + 1) * 1e-3 * 1011 / c);

        Assert.Equal(Expected(1000), keep[0], 15);
        Assert.Equal(Expected(10), keep[1], 15);
        Assert.Equal(1.0, keep[2]);   // rarer than t·N: always kept
        Assert.Equal(1.0, keep[3]);
        Assert.All(Word2Vec.KeepProbabilities(counts, 0), p => Assert.Equal(1.0, p));
    }

    [Fact]
    public void Invalid_arguments_are_rejected_by_name()
    {
        var rng = Rng.Create(1);
        Assert.Equal("vocabularySize", Assert.Throws<ArgumentOutOfRangeException>(() => new Word2Vec(0, 3, rng)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => new Word2Vec(3, 0, rng)).ParamName);
        var shapes = Assert.Throws<ArgumentException>(() => new Word2Vec(Matrix<double>.Build.Dense(4, 3), Matrix<double>.Build.Dense(4, 2)));
        Assert.Equal("outputVectors", shapes.ParamName);
        Assert.Contains("4×3", shapes.Message);
        Assert.Contains("4×2", shapes.Message);

        var lengths = Assert.Throws<ArgumentException>(() => Word2Vec.Loss(Vector<double>.Build.Dense(3), Vector<double>.Build.Dense(2), Matrix<double>.Build.Dense(1, 3)));
        Assert.Equal("context", lengths.ParamName);
        var width = Assert.Throws<ArgumentException>(() => Word2Vec.Gradient(Vector<double>.Build.Dense(3), Vector<double>.Build.Dense(3), Matrix<double>.Build.Dense(2, 4)));
        Assert.Equal("negatives", width.ParamName);
        Assert.Contains("2×4", width.Message);

        var model = new Word2Vec(5, 2, rng);
        Assert.Equal("center", Assert.Throws<ArgumentOutOfRangeException>(() => model.Step(5, 0, [1], 0.1)).ParamName);
        Assert.Equal("context", Assert.Throws<ArgumentOutOfRangeException>(() => model.Step(0, -1, [1], 0.1)).ParamName);
        Assert.Equal("negatives", Assert.Throws<ArgumentException>(() => model.Step(0, 1, [], 0.1)).ParamName);
        Assert.Contains("negatives[1] = 9", Assert.Throws<ArgumentOutOfRangeException>(() => model.Step(0, 1, [2, 9], 0.1)).Message);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => model.Step(0, 1, [2], -1)).ParamName);
        Assert.Equal("words", Assert.Throws<ArgumentOutOfRangeException>(() => model.Lookup([0, 5])).ParamName);
        Assert.Equal("words", Assert.Throws<ArgumentException>(() => model.Lookup([])).ParamName);
        Assert.Equal("negatives", Assert.Throws<ArgumentException>(() => model.MeanLoss([(0, 1), (1, 2)], [3, 4, 0])).ParamName);
        Assert.Equal("pairs", Assert.Throws<ArgumentOutOfRangeException>(() => model.MeanLoss([(0, 7)], [3])).ParamName);

        var sampler = new NegativeSampler([1, 1, 1, 1, 1]);
        Assert.Equal("tokens", Assert.Throws<ArgumentException>(() => model.Train([1], sampler, rng)).ParamName);
        Assert.Equal("tokens", Assert.Throws<ArgumentOutOfRangeException>(() => model.Train([1, 5], sampler, rng)).ParamName);
        Assert.Equal("sampler", Assert.Throws<ArgumentException>(() => model.Train([1, 2], new NegativeSampler([1, 1]), rng)).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => model.Train([1, 2], sampler, rng, window: 0)).ParamName);
        Assert.Equal("negatives", Assert.Throws<ArgumentOutOfRangeException>(() => model.Train([1, 2], sampler, rng, negatives: 0)).ParamName);
        Assert.Equal("epochs", Assert.Throws<ArgumentOutOfRangeException>(() => model.Train([1, 2], sampler, rng, epochs: 0)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => model.Train([1, 2], sampler, rng, learningRate: 0)).ParamName);
        Assert.Equal("subsample", Assert.Throws<ArgumentOutOfRangeException>(() => model.Train([1, 2], sampler, rng, subsample: -1)).ParamName);
        Assert.Equal("reportEvery", Assert.Throws<ArgumentOutOfRangeException>(() => model.Train([1, 2], sampler, rng, reportEvery: 0)).ParamName);
        Assert.Equal("evaluationNegatives", Assert.Throws<ArgumentException>(() => model.Train([1, 2], sampler, rng, evaluationPairs: [(0, 1)])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentOutOfRangeException>(() => Word2Vec.KeepProbabilities([1, -1], 1e-3)).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => Word2Vec.KeepProbabilities([0], 1e-3)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => Word2Vec.KeepProbabilities([1], -1)).ParamName);
    }

    private static int[] Counts(int[] tokens, int size)
    {
        var counts = new int[size];
        foreach (var t in tokens) counts[t]++;
        return counts;
    }
}
