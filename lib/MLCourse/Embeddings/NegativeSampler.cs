using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Embeddings;

/// <summary>
/// Draws negative (noise) words from word2vec's noise distribution P_n(w) = c_w^α / Σ_v c_v^α, the unigram counts raised
/// to the power α (0.75 in word2vec): α = 1 is the unigram distribution, α = 0 the uniform one, and 0 &lt; α &lt; 1
/// flattens it, giving rare words more and frequent words fewer draws than their share of the text.
/// Introduced in notebook 10 (word2vec).
/// </summary>
/// <remarks>
/// word2vec.c fills a table of 10⁸ word ids in proportion to P_n and draws a uniform index into it, which rounds every
/// probability to a multiple of 10⁻⁸. This class uses an alias table instead (Walker's method in Vose's form), which is
/// exact up to floating-point rounding and as fast: one uniform x in [0, V) picks column i = ⌊x⌋, and its fraction
/// x − i keeps i if it is below threshold_i and gives alias_i otherwise (the fraction keeps 53 − log₂V bits, 43 for
/// V = 1000).
/// </remarks>
public sealed class NegativeSampler
{
    private readonly double[] probabilities;
    private readonly double[] threshold;
    private readonly int[] alias;

    /// <summary>The sampler for words with the given counts (index = word id). Range: counts ≥ 0, not all 0; power α ≥ 0 (finite).</summary>
    /// <exception cref="ArgumentException">No counts, a negative count, all counts 0, or a negative or infinite power.</exception>
    public NegativeSampler(IReadOnlyList<int> counts, double power = 0.75)
    {
        Guard.Counts(counts, nameof(counts));
        Guard.NonNegative(power, nameof(power));
        Power = power;
        var weights = counts.Select(c => c == 0 ? 0 : Math.Pow(c, power)).ToArray();   // a word that never occurs is never drawn, even at α = 0
        var total = weights.Sum();
        probabilities = weights.Select(w => w / total).ToArray();
        (threshold, alias) = AliasTable(probabilities);
    }

    /// <summary>The exponent α.</summary>
    public double Power { get; }

    /// <summary>V, the number of words.</summary>
    public int VocabularySize => probabilities.Length;

    /// <summary>P_n(w) = c_w^α / Σ_v c_v^α for every word (0 for a word of count 0).</summary>
    public Vector<double> Probabilities => Vector<double>.Build.DenseOfArray(probabilities);

    /// <summary><paramref name="count"/> independent draws from P_n, in one call. Range: count ≥ 0.</summary>
    public int[] Sample(int count, System.Random random)
    {
        Guard.NonNegative(count, nameof(count));
        ArgumentNullException.ThrowIfNull(random);
        var draws = new int[count];
        Fill(draws, random);
        return draws;
    }

    /// <summary>Fills <paramref name="destination"/> with independent draws (the trainer's allocation-free path).</summary>
    internal void Fill(Span<int> destination, System.Random random)
    {
        var n = probabilities.Length;
        for (var k = 0; k < destination.Length; k++)
        {
            var x = random.NextDouble() * n;   // one uniform: its integer part picks the column, its fraction the side
            var i = Math.Min((int)x, n - 1);
            destination[k] = x - i < threshold[i] ? i : alias[i];
        }
    }

    /// <summary>
    /// The distribution the alias table really samples, P(i) = (threshold_i + Σ_{j: alias_j = i} (1 − threshold_j)) / V,
    /// for tests: it must equal <see cref="Probabilities"/> up to rounding.
    /// </summary>
    internal double[] TableProbabilities()
    {
        var n = probabilities.Length;
        var p = new double[n];
        for (var i = 0; i < n; i++)
        {
            p[i] += threshold[i] / n;
            p[alias[i]] += (1 - threshold[i]) / n;
        }
        return p;
    }

    /// <summary>Vose's alias method: column i keeps itself with probability threshold_i, else gives alias_i.</summary>
    private static (double[] Threshold, int[] Alias) AliasTable(double[] p)
    {
        var n = p.Length;
        var (threshold, alias) = (new double[n], new int[n]);
        var scaled = p.Select(x => x * n).ToArray();
        var small = new Stack<int>(Enumerable.Range(0, n).Where(i => scaled[i] < 1).Reverse());
        var large = new Stack<int>(Enumerable.Range(0, n).Where(i => scaled[i] >= 1).Reverse());
        while (small.Count > 0 && large.Count > 0)
        {
            var (s, l) = (small.Pop(), large.Pop());
            (threshold[s], alias[s]) = (scaled[s], l);
            scaled[l] -= 1 - scaled[s];
            (scaled[l] < 1 ? small : large).Push(l);
        }
        foreach (var i in large.Concat(small)) (threshold[i], alias[i]) = (1, i);   // what is left is 1 up to rounding
        return (threshold, alias);
    }
}
