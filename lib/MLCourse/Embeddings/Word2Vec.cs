using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;

namespace MLCourse.Embeddings;

/// <summary>
/// Skip-gram with negative sampling (SGNS), word2vec's default model. Every word w has an input vector v_w (a row of
/// the V×d input matrix, the embedding used as the word's representation) and an output vector u_w (a row of the V×d
/// output matrix). For a centre word c, an observed context word o and K noise words k₁ … k_K drawn from
/// P_n(w) ∝ c_w^0.75 (<see cref="NegativeSampler"/>), the loss is
/// ℓ = −log σ(u_oᵀv_c) − Σ_k log σ(−u_kᵀv_c): K + 1 dot products instead of the V of a full softmax.
/// Introduced in notebook 10 (word2vec).
/// </summary>
/// <remarks>
/// <para>Gradients: ∂ℓ/∂v_c = −σ(−u_oᵀv_c)·u_o + Σ_k σ(u_kᵀv_c)·u_k, ∂ℓ/∂u_o = −σ(−u_oᵀv_c)·v_c,
/// ∂ℓ/∂u_k = σ(u_kᵀv_c)·v_c (summed over repeats when a noise word is drawn twice or equals o).</para>
/// <para>Training (<see cref="Train"/>) follows word2vec.c: input vectors start uniform in [−0.5/d, 0.5/d), output
/// vectors at 0; frequent words are subsampled; the learning rate falls linearly from its start to 10⁻⁴ of it; plain SGD,
/// one pair at a time. Three differences: the centre word's vector is the input and the context word's the output (word2vec.c
/// swaps the roles, which trains on the same set of pairs because the window is symmetric); a noise word equal to
/// o is kept rather than skipped, so that every step is an exact gradient step of ℓ with K + 1 terms; and the window is
/// fixed, every word within w positions is paired (word2vec.c shrinks it to a random b ∈ [1, w] for each centre word,
/// which weights near neighbours more and gives about (w + 1)n pairs instead of about 2wn).</para>
/// </remarks>
public sealed class Word2Vec
{
    private readonly int size, dimension;
    private readonly double[] input, output;   // row-major V×d: row w starts at w·d

    /// <summary>
    /// A model with word2vec.c's initialisation: input vectors uniform in [−0.5/d, 0.5/d), output vectors 0 (so every
    /// score u·v starts at 0 and the first loss is (K + 1)·log 2). Range: vocabularySize, dimension ≥ 1.
    /// </summary>
    public Word2Vec(int vocabularySize, int dimension, System.Random random)
    {
        Guard.Positive(vocabularySize, nameof(vocabularySize));
        Guard.Positive(dimension, nameof(dimension));
        ArgumentNullException.ThrowIfNull(random);
        (size, this.dimension) = (vocabularySize, dimension);
        input = new double[size * dimension];
        for (var i = 0; i < input.Length; i++) input[i] = (random.NextDouble() - 0.5) / dimension;
        output = new double[size * dimension];
    }

    /// <summary>A model with the given V×d input and output matrices (copied).</summary>
    /// <exception cref="ArgumentException">The matrices differ in shape (both shapes are named).</exception>
    public Word2Vec(Matrix<double> inputVectors, Matrix<double> outputVectors)
    {
        Guard.SameShape(inputVectors, nameof(inputVectors), outputVectors, nameof(outputVectors));
        (size, dimension) = (inputVectors.RowCount, inputVectors.ColumnCount);
        (input, output) = (RowMajor(inputVectors), RowMajor(outputVectors));
    }

    /// <summary>V, the number of words.</summary>
    public int VocabularySize => size;

    /// <summary>d, the embedding dimension.</summary>
    public int Dimension => dimension;

    /// <summary>The V×d input (centre-word) vectors v_w, one row per word: the word embeddings. A copy.</summary>
    public Matrix<double> InputVectors => Matrix<double>.Build.Dense(size, dimension, (i, j) => input[i * dimension + j]);

    /// <summary>The V×d output (context-word) vectors u_w, one row per word. A copy.</summary>
    public Matrix<double> OutputVectors => Matrix<double>.Build.Dense(size, dimension, (i, j) => output[i * dimension + j]);

    /// <summary>The number of dot products u·v computed by the training steps so far (<see cref="Step"/> and <see cref="Train"/>; not <see cref="MeanLoss"/>).</summary>
    public long DotProducts { get; private set; }

    /// <summary>
    /// The embedding lookup: the n×d matrix whose row i is v_{words[i]}, copied row by row, which is what multiplying
    /// the n×V one-hot matrix of the words by the input matrix gives, without the n·V·d multiply-adds.
    /// </summary>
    /// <exception cref="ArgumentException">words is empty or holds an id outside [0, V) (the index is named).</exception>
    public Matrix<double> Lookup(IReadOnlyList<int> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0) throw new ArgumentException("words must not be empty.", nameof(words));
        Guard.Ids(words, size, nameof(words), "vocabularySize");
        return Matrix<double>.Build.Dense(words.Count, dimension, (i, j) => input[words[i] * dimension + j]);
    }

    /// <summary>
    /// The SGNS loss ℓ = −log σ(u_oᵀv_c) − Σ_k log σ(−u_kᵀv_c) of one pair with the K noise words' output vectors as the
    /// rows of the K×d matrix <paramref name="negatives"/>; finite for scores of any size. Range: K ≥ 1.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths of center and context, or the width of negatives, differ (the shapes are named).</exception>
    public static double Loss(Vector<double> center, Vector<double> context, Matrix<double> negatives) =>
        Gradient(center, context, negatives).Loss;

    /// <summary>The loss and its gradients with respect to v_c, u_o and each u_k (the formulas are in the remarks).</summary>
    /// <inheritdoc cref="Loss" path="/exception"/>
    public static SgnsGradient Gradient(Vector<double> center, Vector<double> context, Matrix<double> negatives)
    {
        Guard.SameLength(center, nameof(center), context, nameof(context));
        Guard.Columns(negatives, center.Count, nameof(negatives), $"the embedding width d of center, which has length {center.Count}");
        var positive = context.DotProduct(center);
        var scores = negatives * center;
        var loss = -Activation.LogSigmoid(positive) - scores.Sum(s => Activation.LogSigmoid(-s));
        var contextCoefficient = -Activation.Sigmoid(-positive);   // ∂ℓ/∂s_o = σ(s_o) − 1 = −σ(−s_o)
        var coefficients = scores.Map(Activation.Sigmoid);   // ∂ℓ/∂s_k = σ(s_k)
        var gradientCenter = contextCoefficient * context + negatives.TransposeThisAndMultiply(coefficients);
        return new SgnsGradient(loss, gradientCenter, contextCoefficient * center, coefficients.OuterProduct(center));
    }

    /// <summary>
    /// One SGD step on the pair (<paramref name="center"/>, <paramref name="context"/>) with the given noise words:
    /// θ ← θ − η·∂ℓ/∂θ for v_c, u_o and every u_k, all gradients taken at the current vectors. Returns ℓ before the step.
    /// Range: word ids in [0, V); η ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentException">An id outside [0, V), no noise words, or a negative or infinite learning rate.</exception>
    public double Step(int center, int context, IReadOnlyList<int> negatives, double learningRate)
    {
        CheckWord(center, nameof(center));
        CheckWord(context, nameof(context));
        ArgumentNullException.ThrowIfNull(negatives);
        if (negatives.Count == 0) throw new ArgumentException("negatives must hold at least one noise word (K ≥ 1).", nameof(negatives));
        Guard.Ids(negatives, size, nameof(negatives), "vocabularySize");
        Guard.NonNegative(learningRate, nameof(learningRate));
        return StepCore(center, context, [0, .. negatives], learningRate, new double[dimension], new double[negatives.Count + 1]);
    }

    /// <summary>
    /// The mean SGNS loss of the current vectors over <paramref name="pairs"/>, pair p scored against the K noise words
    /// negatives[p·K] … negatives[p·K + K − 1], with K = negatives.Count / pairs.Count: with the pairs and noise words
    /// fixed, a deterministic objective to compare models or checkpoints on. Changes nothing. Range: K ≥ 1, ids in [0, V).
    /// </summary>
    /// <exception cref="ArgumentException">No pairs, a negatives count that is not a positive multiple of the pair count, or an id outside [0, V).</exception>
    public double MeanLoss(IReadOnlyList<(int Center, int Context)> pairs, IReadOnlyList<int> negatives)
    {
        var k = CheckEvaluation(pairs, negatives, nameof(pairs), nameof(negatives));
        var (outputs, coefficients, total) = (new int[k + 1], new double[k + 1], 0.0);
        for (var p = 0; p < pairs.Count; p++)
        {
            outputs[0] = pairs[p].Context;
            for (var j = 0; j < k; j++) outputs[j + 1] = negatives[p * k + j];
            total += Score(pairs[p].Center, outputs, coefficients);
        }
        return total / pairs.Count;
    }

    private int CheckEvaluation(IReadOnlyList<(int Center, int Context)> pairs, IReadOnlyList<int> negatives, string pairsName, string negativesName)
    {
        ArgumentNullException.ThrowIfNull(pairs, pairsName);
        ArgumentNullException.ThrowIfNull(negatives, negativesName);
        if (pairs.Count == 0) throw new ArgumentException($"{pairsName} must not be empty.", pairsName);
        if (negatives.Count == 0 || negatives.Count % pairs.Count != 0)
            throw new ArgumentException($"{negativesName} has {negatives.Count} ids but {pairsName} has {pairs.Count} pairs: it must hold K ≥ 1 noise words per pair.", negativesName);
        Guard.IdPairs(pairs, size, pairsName, "vocabularySize");
        Guard.Ids(negatives, size, negativesName, "vocabularySize");
        return negatives.Count / pairs.Count;
    }

    /// <summary>
    /// Trains on <paramref name="tokens"/> (word ids, one sequence) by SGD over the skip-gram pairs, drawing
    /// <paramref name="negatives"/> noise words per pair from <paramref name="sampler"/>. Each epoch first subsamples the
    /// tokens (word2vec.c's rule: word w is kept with probability min(1, (√(f_w/t) + 1)·t/f_w), f_w its share of the
    /// tokens, t = <paramref name="subsample"/>; t = 0 keeps every token), then walks the kept sequence, pairing each centre
    /// word with the kept tokens within <paramref name="window"/> positions. The learning rate at the i-th of the n tokens
    /// in epoch e is η₀·max(10⁻⁴, 1 − (e·n + i)/(epochs·n)). Deterministic for a given <paramref name="random"/> seed.
    /// Ranges: ids in [0, V), at least 2 tokens; the sampler's V equal to the model's; window, negatives, epochs,
    /// reportEvery ≥ 1; learningRate &gt; 0; subsample ≥ 0.
    /// </summary>
    /// <returns>
    /// The mean loss per block of <paramref name="reportEvery"/> pairs (and of the last, shorter block) and per epoch, each
    /// pair's loss taken just before its own step (an online loss, which flatters a high learning rate: the vectors were
    /// just fitted to the neighbouring text); and, if <paramref name="evaluationPairs"/> and
    /// <paramref name="evaluationNegatives"/> are given, <see cref="MeanLoss"/> on them before training and after each epoch.
    /// </returns>
    /// <exception cref="ArgumentException">An argument outside its range (named), or a sampler of another vocabulary size.</exception>
    public Word2VecHistory Train(IReadOnlyList<int> tokens, NegativeSampler sampler, System.Random random, int window = 5, int negatives = 5,
        int epochs = 1, double learningRate = 0.025, double subsample = 1e-3, int reportEvery = 1000,
        IReadOnlyList<(int Center, int Context)>? evaluationPairs = null, IReadOnlyList<int>? evaluationNegatives = null)
    {
        ValidateTraining(tokens, sampler, random, window, negatives, epochs, learningRate, subsample, reportEvery, evaluationPairs, evaluationNegatives);
        var counts = new int[size];
        foreach (var t in tokens) counts[t]++;
        var keep = KeepProbabilities(counts, subsample);
        var (n, totalTokens) = (tokens.Count, (double)epochs * tokens.Count);
        var history = new Recorder(reportEvery);
        if (evaluationPairs is not null) history.Evaluations.Add(MeanLoss(evaluationPairs, evaluationNegatives!));
        var (gradient, coefficients, outputs, noise) = (new double[dimension], new double[negatives + 1], new int[negatives + 1], new int[2 * window * negatives]);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var uniforms = new double[n];
            for (var i = 0; i < n; i++) uniforms[i] = random.NextDouble();
            var kept = Enumerable.Range(0, n).Where(i => uniforms[i] < keep[tokens[i]]).ToArray();   // positions of the kept tokens
            for (var p = 0; p < kept.Length; p++)
            {
                var rate = learningRate * Math.Max(1e-4, 1 - (epoch * (double)n + kept[p]) / totalTokens);
                var (from, to) = (Math.Max(0, p - window), Math.Min(kept.Length - 1, p + window));
                var draws = noise.AsSpan(0, (to - from) * negatives);   // K noise words for each of the centre's pairs, in one call
                sampler.Fill(draws, random);
                for (var (q, k) = (from, 0); q <= to; q++)
                {
                    if (q == p) continue;
                    draws.Slice(k++ * negatives, negatives).CopyTo(outputs.AsSpan(1));
                    history.Add(StepCore(tokens[kept[p]], tokens[kept[q]], outputs, rate, gradient, coefficients));
                }
            }
            history.EndEpoch(kept.Length);
            if (evaluationPairs is not null) history.Evaluations.Add(MeanLoss(evaluationPairs, evaluationNegatives!));
        }
        return history.Finish();
    }

    private void ValidateTraining(IReadOnlyList<int> tokens, NegativeSampler sampler, System.Random random, int window, int negatives, int epochs,
        double learningRate, double subsample, int reportEvery, IReadOnlyList<(int Center, int Context)>? evaluationPairs, IReadOnlyList<int>? evaluationNegatives)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count < 2) throw new ArgumentException($"tokens has {tokens.Count} token(s); a pair needs at least 2.", nameof(tokens));
        Guard.Ids(tokens, size, nameof(tokens), "vocabularySize");
        ArgumentNullException.ThrowIfNull(sampler);
        if (sampler.VocabularySize != size)
            throw new ArgumentException($"sampler draws from {sampler.VocabularySize} words but the model has V = {size}.", nameof(sampler));
        ArgumentNullException.ThrowIfNull(random);
        Guard.Positive(window, nameof(window));
        Guard.Positive(negatives, nameof(negatives));
        Guard.Positive(epochs, nameof(epochs));
        Guard.Positive(learningRate, nameof(learningRate));
        Guard.NonNegative(subsample, nameof(subsample));
        Guard.Positive(reportEvery, nameof(reportEvery));
        if ((evaluationPairs is null) != (evaluationNegatives is null))
            throw new ArgumentException("Give both evaluationPairs and evaluationNegatives, or neither.", evaluationPairs is null ? nameof(evaluationPairs) : nameof(evaluationNegatives));
        if (evaluationPairs is not null) CheckEvaluation(evaluationPairs, evaluationNegatives!, nameof(evaluationPairs), nameof(evaluationNegatives));
    }

    /// <summary>Collects <see cref="Train"/>'s losses: block means, epoch means, kept tokens and evaluations.</summary>
    private sealed class Recorder(int reportEvery)
    {
        private readonly List<long> blockEnds = [];
        private readonly List<double> blockMeans = [], epochMeans = [];
        private readonly List<int> keptTokens = [];
        private long pairs, epochPairs;
        private double blockSum, epochSum;
        private int blockCount;

        public List<double> Evaluations { get; } = [];

        public void Add(double loss)
        {
            (pairs, epochPairs, blockCount, blockSum, epochSum) = (pairs + 1, epochPairs + 1, blockCount + 1, blockSum + loss, epochSum + loss);
            if (blockCount == reportEvery) EndBlock();
        }

        public void EndEpoch(int kept)
        {
            epochMeans.Add(epochPairs == 0 ? double.NaN : epochSum / epochPairs);
            keptTokens.Add(kept);
            (epochPairs, epochSum) = (0, 0);
        }

        public Word2VecHistory Finish()
        {
            if (blockCount > 0) EndBlock();
            return new Word2VecHistory(blockEnds, blockMeans, epochMeans, keptTokens, Evaluations);
        }

        private void EndBlock()
        {
            blockEnds.Add(pairs);
            blockMeans.Add(blockSum / blockCount);
            (blockSum, blockCount) = (0, 0);
        }
    }

    /// <summary>
    /// word2vec.c's subsampling: the probability min(1, (√(f_w/t) + 1)·t/f_w) of keeping an occurrence of word w, where
    /// f_w = c_w/Σc is its share of the tokens and t the threshold (10⁻³ by default in word2vec.c; 0 keeps everything).
    /// Words rarer than about t are always kept; a word with share f ≫ t keeps about √(t/f) of its occurrences.
    /// Range: counts ≥ 0, not all 0; threshold ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentException">A negative count, all counts 0, or a negative or infinite threshold.</exception>
    public static double[] KeepProbabilities(IReadOnlyList<int> counts, double threshold)
    {
        Guard.Counts(counts, nameof(counts));
        var total = counts.Sum(c => (long)c);
        Guard.NonNegative(threshold, nameof(threshold));
        return counts.Select(c =>
        {
            if (threshold == 0 || c == 0) return 1.0;
            var ratio = threshold * total / c;   // t/f
            return Math.Min(1, (Math.Sqrt(1 / ratio) + 1) * ratio);
        }).ToArray();
    }

    /// <summary>
    /// One exact SGD step: scores with the current vectors, then ∂ℓ/∂v_c from the current u's, then the u's from the
    /// current v_c, then v_c. outputs[0] is the context word, outputs[1..] the noise words (repeats add up).
    /// </summary>
    private double StepCore(int center, int context, int[] outputs, double rate, double[] gradient, double[] coefficients)
    {
        outputs[0] = context;
        var loss = Score(center, outputs, coefficients);
        DotProducts += outputs.Length;
        var (u, v, d, c) = (output, input, dimension, center * dimension);
        Array.Clear(gradient);
        for (var j = 0; j < outputs.Length; j++)
        {
            var (o, a) = (outputs[j] * d, coefficients[j]);
            for (var i = 0; i < d; i++) gradient[i] += a * u[o + i];
        }
        for (var j = 0; j < outputs.Length; j++)
        {
            var (o, a) = (outputs[j] * d, rate * coefficients[j]);
            for (var i = 0; i < d; i++) u[o + i] -= a * v[c + i];
        }
        for (var i = 0; i < d; i++) v[c + i] -= rate * gradient[i];
        return loss;
    }

    /// <summary>
    /// ℓ of the pair (center, outputs[0]) with noise words outputs[1..], and ∂ℓ/∂s_j for each score s_j = u_{outputs[j]}ᵀv_c
    /// in <paramref name="coefficients"/>: the context word's term is −log σ(s) with derivative −σ(−s), a noise word's is
    /// −log σ(−s) with derivative σ(s).
    /// </summary>
    private double Score(int center, int[] outputs, double[] coefficients)
    {
        var (u, v, d, c) = (output, input, dimension, center * dimension);
        var loss = 0.0;
        for (var j = 0; j < outputs.Length; j++)
        {
            var (o, s) = (outputs[j] * d, 0.0);
            for (var i = 0; i < d; i++) s += u[o + i] * v[c + i];
            loss -= Activation.LogSigmoid(j == 0 ? s : -s);
            coefficients[j] = j == 0 ? -Activation.Sigmoid(-s) : Activation.Sigmoid(s);
        }
        return loss;
    }

    private void CheckWord(int word, string name) => Guard.Id(word, size, name, "word ids, vocabularySize");

    private static double[] RowMajor(Matrix<double> m)
    {
        var values = new double[m.RowCount * m.ColumnCount];
        for (var i = 0; i < m.RowCount; i++)
            for (var j = 0; j < m.ColumnCount; j++) values[i * m.ColumnCount + j] = m[i, j];
        return values;
    }
}

/// <summary>The SGNS loss of one pair and its gradients (<see cref="Word2Vec.Gradient"/>).</summary>
/// <param name="Loss">ℓ = −log σ(u_oᵀv_c) − Σ_k log σ(−u_kᵀv_c).</param>
/// <param name="Center">∂ℓ/∂v_c, length d.</param>
/// <param name="Context">∂ℓ/∂u_o, length d.</param>
/// <param name="Negatives">∂ℓ/∂u_k in row k, K×d.</param>
public sealed record SgnsGradient(double Loss, Vector<double> Center, Vector<double> Context, Matrix<double> Negatives);

/// <summary>What <see cref="Word2Vec.Train"/> recorded.</summary>
/// <param name="Pairs">The number of pairs trained so far at the end of each block.</param>
/// <param name="MeanLoss">The mean loss (each pair's ℓ before its step) over each block.</param>
/// <param name="EpochLoss">The mean loss over each epoch.</param>
/// <param name="KeptTokens">The tokens left after subsampling, per epoch.</param>
/// <param name="EvaluationLoss">With evaluation pairs: <see cref="Word2Vec.MeanLoss"/> on them before training and after
/// each epoch (epochs + 1 values); empty without.</param>
public sealed record Word2VecHistory(IReadOnlyList<long> Pairs, IReadOnlyList<double> MeanLoss, IReadOnlyList<double> EpochLoss,
    IReadOnlyList<int> KeptTokens, IReadOnlyList<double> EvaluationLoss);
