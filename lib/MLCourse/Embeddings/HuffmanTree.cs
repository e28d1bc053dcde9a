using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;

namespace MLCourse.Embeddings;

/// <summary>
/// The Huffman tree of a vocabulary, as word2vec's hierarchical softmax uses it: the V words are the leaves, V − 1
/// internal nodes each own an output vector u_n, and a word's code is the sequence of left/right turns from the root to
/// its leaf. Huffman's algorithm repeatedly merges the two nodes of smallest count, so frequent words end up near the
/// root: the count-weighted mean code length L is the smallest of all binary prefix codes, H ≤ L &lt; H + 1 with H the
/// entropy (in bits) of the unigram distribution. Introduced in notebook 10 (word2vec).
/// </summary>
/// <remarks>
/// <para><b>Tie-breaking (deterministic).</b> Every node has a key (count, order). Leaves are ordered by ascending
/// count, equal counts by ascending word id, and take orders 0 … V − 1 in that sequence; the k-th internal node created
/// (k = 0 … V − 2) takes order V + k. Each step removes the two nodes of smallest key, the smaller first: so on equal
/// counts a leaf goes before an internal node and an older node before a newer one. This is the two-queue form of
/// Huffman's algorithm that word2vec.c uses (a leaf queue sorted by count and a first-in-first-out queue of merged
/// nodes), except that word2vec.c takes the merged node on a tie. Taking the leaf gives, among all optimal trees, the one
/// with the smallest maximum depth and the smallest unweighted total depth Σ_w l_w (E. S. Schwartz, "An optimum encoding
/// with minimum longest code and total number of digits", Information and Control 7, 1964); L is the same either way.</para>
/// <para><b>Numbering and codes.</b> Internal node k is the k-th merge; the root is node V − 2. The first node removed
/// in a merge becomes child 0, the second child 1. <see cref="Code"/> lists a word's bits from the root down and
/// <see cref="Path"/> the internal nodes passed on the way (root first), as word2vec.c's <c>code</c> and <c>point</c>.</para>
/// <para><b>Probabilities.</b> At internal node n the walk takes child 0 with probability σ(u_nᵀh) and child 1 with
/// σ(−u_nᵀh) = 1 − σ(u_nᵀh) (word2vec.c trains bit d towards the label 1 − code[d]), so
/// P(w | h) = Π_d σ(±u_{n_d}ᵀh), + for bit 0 and − for bit 1, which sums to 1 over the leaves for any h and u.</para>
/// </remarks>
public sealed class HuffmanTree
{
    private readonly int[] counts;
    private readonly int[][] codes;
    private readonly int[][] paths;

    private HuffmanTree(int[] counts, int[][] codes, int[][] paths) => (this.counts, this.codes, this.paths) = (counts, codes, paths);

    /// <summary>
    /// Builds the Huffman tree of words with the given counts (word id = index), with the tie-breaking described in the
    /// remarks. Range: V ≥ 2 counts, each ≥ 0, not all 0. O(V log V).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 counts, a negative count, or all counts 0.</exception>
    public static HuffmanTree Build(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var v = counts.Count;
        if (v < 2) throw new ArgumentException($"counts has {v} entries; a tree needs at least 2 words.", nameof(counts));
        Guard.Counts(counts, nameof(counts));

        // Nodes 0 … V−1 are the leaves (word ids), V + k the k-th internal node; weight, parent and bit per node.
        var weight = new long[2 * v - 1];
        var parent = new int[2 * v - 1];
        var bit = new int[2 * v - 1];
        for (var i = 0; i < v; i++) weight[i] = counts[i];
        var leaves = Enumerable.Range(0, v).OrderBy(i => counts[i]).ThenBy(i => i).ToArray();
        var (nextLeaf, nextInternal) = (0, v);   // the internal queue is nodes nextInternal … created − 1
        int TakeSmallest(int created)
        {
            var leafFirst = nextLeaf < v && (nextInternal == created || weight[leaves[nextLeaf]] <= weight[nextInternal]);
            return leafFirst ? leaves[nextLeaf++] : nextInternal++;
        }
        for (var created = v; created < 2 * v - 1; created++)
        {
            var first = TakeSmallest(created);
            var second = TakeSmallest(created);
            weight[created] = weight[first] + weight[second];
            (parent[first], bit[first], parent[second], bit[second]) = (created, 0, created, 1);
        }

        var root = 2 * v - 2;
        var codes = new int[v][];
        var paths = new int[v][];
        for (var w = 0; w < v; w++)
        {
            var (code, path) = (new List<int>(), new List<int>());
            for (var node = w; node != root; node = parent[node])
            {
                code.Add(bit[node]);
                path.Add(parent[node] - v);
            }
            code.Reverse();
            path.Reverse();
            (codes[w], paths[w]) = (code.ToArray(), path.ToArray());
        }
        return new HuffmanTree(counts.ToArray(), codes, paths);
    }

    /// <summary>V, the number of leaves (words).</summary>
    public int LeafCount => counts.Length;

    /// <summary>The number of internal nodes, V − 1 for a full binary tree: the rows of the node-vector matrix.</summary>
    public int InternalNodeCount => counts.Length - 1;

    /// <summary>The root's internal-node index, V − 2 (the last merge).</summary>
    public int Root => counts.Length - 2;

    /// <summary>The word counts the tree was built from (index = word id).</summary>
    public IReadOnlyList<int> Counts => counts;

    /// <summary>The code of <paramref name="word"/>: its bits (0 or 1) from the root down to its leaf. Range: word in [0, V).</summary>
    public IReadOnlyList<int> Code(int word) => codes[CheckWord(word)];

    /// <summary>
    /// The internal nodes (indices in [0, V − 1)) on the way from the root to <paramref name="word"/>'s leaf, root first:
    /// the node vectors a hierarchical-softmax step touches. Range: word in [0, V).
    /// </summary>
    public IReadOnlyList<int> Path(int word) => paths[CheckWord(word)];

    /// <summary>The depth of <paramref name="word"/>'s leaf = its code length = the dot products its probability needs. Range: word in [0, V).</summary>
    public int Depth(int word) => codes[CheckWord(word)].Length;

    /// <summary>The largest depth over all words (the rarest words' code length).</summary>
    public int MaxDepth => codes.Max(c => c.Length);

    /// <summary>The depth averaged over the V words, each counted once (not weighted by frequency).</summary>
    public double MeanDepth => codes.Average(c => c.Length);

    /// <summary>
    /// The expected code length L = Σ_w c_w·l_w / Σ_w c_w in bits: the depth averaged over the tokens of the text, i.e. the
    /// mean number of node dot products per hierarchical-softmax prediction. Huffman's L is minimal: H ≤ L &lt; H + 1.
    /// </summary>
    public double ExpectedCodeLength
    {
        get
        {
            var (weighted, total) = (0L, 0L);
            for (var w = 0; w < counts.Length; w++) (weighted, total) = (weighted + (long)counts[w] * codes[w].Length, total + counts[w]);
            return (double)weighted / total;
        }
    }

    /// <summary>
    /// P(<paramref name="word"/> | h) = Π_d σ(±u_{n_d}ᵀh) along the word's path (+ for bit 0, − for bit 1), with the
    /// (V − 1)×d matrix <paramref name="nodeVectors"/> holding u_n in row n. Range: word in [0, V).
    /// </summary>
    /// <exception cref="ArgumentException">nodeVectors does not have V − 1 rows, or hidden's length is not its width (both shapes are named).</exception>
    public double Probability(int word, Vector<double> hidden, Matrix<double> nodeVectors)
    {
        CheckWord(word);
        CheckVectors(hidden, nodeVectors);
        var logProbability = 0.0;
        for (var d = 0; d < paths[word].Length; d++)
            logProbability += Activation.LogSigmoid((codes[word][d] == 0 ? 1 : -1) * nodeVectors.Row(paths[word][d]).DotProduct(hidden));
        return Math.Exp(logProbability);
    }

    /// <summary>
    /// The probabilities of all V leaves, from the V − 1 node scores u_nᵀh (each computed once). They sum to 1 for any
    /// <paramref name="hidden"/> and <paramref name="nodeVectors"/>: at every internal node σ(s) + σ(−s) = 1.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Probability"/>.</exception>
    public Vector<double> Probabilities(Vector<double> hidden, Matrix<double> nodeVectors)
    {
        CheckVectors(hidden, nodeVectors);
        var scores = nodeVectors * hidden;
        return Vector<double>.Build.Dense(counts.Length, w =>
        {
            var logProbability = 0.0;
            for (var d = 0; d < paths[w].Length; d++) logProbability += Activation.LogSigmoid((codes[w][d] == 0 ? 1 : -1) * scores[paths[w][d]]);
            return Math.Exp(logProbability);
        });
    }

    private void CheckVectors(Vector<double> hidden, Matrix<double> nodeVectors)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(nodeVectors);
        if (nodeVectors.RowCount != InternalNodeCount)
            throw new ArgumentException($"nodeVectors is {Guard.Shape(nodeVectors)} but must have {InternalNodeCount} rows (one per internal node, V − 1 for V = {LeafCount}).", nameof(nodeVectors));
        if (hidden.Count != nodeVectors.ColumnCount)
            throw new ArgumentException($"hidden has length {hidden.Count} but nodeVectors is {Guard.Shape(nodeVectors)}: the length must be its width.", nameof(hidden));
    }

    private int CheckWord(int word)
    {
        Guard.Id(word, counts.Length, nameof(word), "the tree's V");
        return word;
    }
}
