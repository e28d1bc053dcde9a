using MLCourse.Decoding;

namespace MLCourse.Tests.Decoding;

/// <summary>Small bigram models for the decoding tests.</summary>
internal static class TinyModels
{
    /// <summary>A bigram model with random transition probabilities (softmax of 2·N(0,1) logits per row).</summary>
    public static BigramModel Random(int vocabularySize, int seed)
    {
        var random = Rng.Create(seed);
        var rows = Enumerable.Range(0, vocabularySize).Select(_ => MLCourse.Activations.Softmax.Apply(2 * Rng.StandardNormal(vocabularySize, random)));
        return BigramModel.FromProbabilities(Matrix<double>.Build.DenseOfRowVectors(rows));
    }

    /// <summary>Every continuation of <paramref name="length"/> tokens after <paramref name="previous"/>, with its log-probability.</summary>
    public static IEnumerable<(int[] Tokens, double LogProbability)> AllContinuations(BigramModel model, int previous, int length)
    {
        IEnumerable<(int[] Tokens, double LogProbability)> paths = [([], 0.0)];
        for (var t = 0; t < length; t++)
            paths = paths.SelectMany(path => Enumerable.Range(0, model.VocabularySize).Select(v =>
                (Tokens: path.Tokens.Append(v).ToArray(), LogProbability: path.LogProbability + Math.Log(model.Probability(path.Tokens.Length == 0 ? previous : path.Tokens[^1], v)))));
        return paths.ToList();
    }

    /// <summary>
    /// A model where beam search with B = 2 ends below greedy. From token 0, greedy takes 1 (0.4), then 4 (0.4), then
    /// stays at 4 (1.0): 0.16 in all. The beam keeps 1 and 2 (0.35); at step 2 both continuations of 2 (0.35·0.5 =
    /// 0.175 each) beat greedy's 0.16, so greedy's prefix is pruned, and each of them then spreads over five tokens
    /// (0.2 each): the beam ends with 0.035.
    /// </summary>
    public static BigramModel BeamLosesToGreedy()
    {
        const int v = 12;
        var p = Matrix<double>.Build.Dense(v, v);
        (p[0, 1], p[0, 2], p[0, 3]) = (0.4, 0.35, 0.25);
        (p[1, 4], p[1, 7], p[1, 8]) = (0.4, 0.3, 0.3);
        (p[2, 5], p[2, 6]) = (0.5, 0.5);
        (p[3, 3], p[4, 4]) = (1.0, 1.0);
        for (var w = 7; w < v; w++) (p[5, w], p[6, w], p[w, w]) = (0.2, 0.2, 1.0);
        return BigramModel.FromProbabilities(p);
    }
}
