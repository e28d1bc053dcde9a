using MLCourse.Data;
using MLCourse.Decoding;
using MLCourse.Embeddings;

namespace MLCourse.Tests.Embeddings;

public class HuffmanTreeTests
{
    private const string File = "word2vec.json";

    public static TheoryData<string> HuffmanCases => GoldenData.Names(File, "huffman");
    public static TheoryData<string> HsCases => GoldenData.Names(File, "hs");

    [Theory]
    [MemberData(nameof(HuffmanCases))]
    public void Codes_paths_and_depths_match_an_independent_heap_implementation(string name)
    {
        var c = GoldenData.Case(File, name);
        var tree = HuffmanTree.Build(GoldenData.Ints(c["counts"]));

        Assert.Equal(GoldenData.Ints(c["depths"]), Enumerable.Range(0, tree.LeafCount).Select(tree.Depth).ToArray());
        if (c["codes"] is null) return;
        var codes = c["codes"]!.AsArray().Select(GoldenData.Ints).ToArray();
        var paths = c["paths"]!.AsArray().Select(GoldenData.Ints).ToArray();
        for (var w = 0; w < tree.LeafCount; w++)
        {
            Assert.Equal(codes[w], tree.Code(w));
            Assert.Equal(paths[w], tree.Path(w));
        }
    }

    [Fact]
    public void The_Alice_counts_of_the_golden_file_are_the_library_tokenisation()
    {
        var words = Vocabulary.Tokenize(TextCorpora.AliceInWonderland()).Where(t => !Vocabulary.IsPunctuation(t)).ToList();
        var vocabulary = Vocabulary.Build(words);
        var counts = new int[vocabulary.Count];
        foreach (var w in words) counts[vocabulary.Id(w)]++;

        Assert.Equal(GoldenData.Ints(GoldenData.Case(File, "huffman Alice chapters I-III (V=1173)")["counts"]), counts);
    }

    [Theory]
    [MemberData(nameof(HsCases))]
    public void Leaf_probabilities_match_PyTorch(string name)
    {
        var c = GoldenData.Case(File, name);
        var tree = HuffmanTree.Build(GoldenData.Ints(c["counts"]));
        var (nodes, hidden) = (GoldenData.Matrix(c["node_vectors"]), GoldenData.Vector(c["hidden"]));
        var expected = GoldenData.Vector(c["probabilities"]);

        GoldenData.AssertRelative(expected, tree.Probabilities(hidden, nodes), 1e-9, name);
        for (var w = 0; w < tree.LeafCount; w++)
            GoldenData.AssertRelative(expected[w], tree.Probability(w, hidden, nodes), 1e-9, $"{name}, word {w}");
    }

    [Fact]
    public void Leaf_probabilities_sum_to_one_for_any_vectors()
    {
        var rng = Rng.Create(3);
        var tree = HuffmanTree.Build(Enumerable.Range(1, 300).Select(i => 1 + (i * 7919) % 97).ToArray());
        foreach (var scale in new[] { 0.01, 1.0, 10.0 })
        {
            var p = tree.Probabilities(scale * Rng.StandardNormal(12, rng), scale * Rng.StandardNormal(299, 12, rng));
            Assert.Equal(1.0, p.Sum(), 12);
            Assert.True(p.All(x => x >= 0));
        }
    }

    [Fact]
    public void The_tree_is_a_full_binary_tree_with_V_minus_1_internal_nodes_and_a_prefix_code()
    {
        var counts = Enumerable.Range(0, 50).Select(i => (i * i * 31) % 23).ToArray();
        var tree = HuffmanTree.Build(counts);
        var codes = Enumerable.Range(0, 50).Select(w => string.Concat(tree.Code(w))).ToList();

        Assert.Equal(49, tree.InternalNodeCount);
        Assert.Equal(Enumerable.Range(0, 49), Enumerable.Range(0, 50).SelectMany(tree.Path).Distinct().Order());
        Assert.All(Enumerable.Range(0, 50), w => Assert.Equal(tree.Root, tree.Path(w)[0]));
        Assert.Equal(1.0, codes.Sum(c => Math.Pow(2, -c.Length)), 15);   // Kraft's equality: every internal node has two children
        Assert.DoesNotContain(codes, a => codes.Any(b => a != b && b.StartsWith(a, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_expected_code_length_is_optimal_and_within_one_bit_of_the_entropy()
    {
        var rng = Rng.Create(5);
        for (var trial = 0; trial < 20; trial++)
        {
            var counts = Enumerable.Range(0, 2 + trial * 5).Select(_ => 1 + rng.Next(1000) * rng.Next(3)).ToArray();
            var tree = HuffmanTree.Build(counts);
            double total = counts.Sum();
            var entropy = -counts.Sum(c => c / total * Math.Log2(c / total));

            Assert.Equal(OptimalCost(counts) / total, tree.ExpectedCodeLength, 12);
            Assert.InRange(tree.ExpectedCodeLength, entropy - 1e-12, entropy + 1);
        }
    }

    /// <summary>Huffman's cost Σ merged weights = Σ c_w·l_w, by a priority queue (independent of the library's two queues).</summary>
    private static double OptimalCost(int[] counts)
    {
        var queue = new PriorityQueue<long, long>(counts.Select(c => ((long)c, (long)c)));
        var cost = 0L;
        while (queue.Count > 1)
        {
            var merged = queue.Dequeue() + queue.Dequeue();
            cost += merged;
            queue.Enqueue(merged, merged);
        }
        return cost;
    }

    [Fact]
    public void A_more_frequent_word_is_never_deeper()
    {
        var counts = Enumerable.Range(0, 200).Select(i => 1 + (int)(1000 / (1.0 + i)) + i % 3).ToArray();
        var tree = HuffmanTree.Build(counts);

        for (var a = 0; a < counts.Length; a++)
            for (var b = 0; b < counts.Length; b++)
                if (counts[a] > counts[b]) Assert.True(tree.Depth(a) <= tree.Depth(b), $"count {counts[a]} at depth {tree.Depth(a)}, count {counts[b]} at depth {tree.Depth(b)}");
    }

    [Fact]
    public void Equal_counts_give_the_balanced_tree_of_depth_ceil_log2_V()
    {
        foreach (var v in new[] { 2, 3, 5, 8, 100, 1000, 1024, 1173 })
        {
            var tree = HuffmanTree.Build(Enumerable.Repeat(1, v).ToArray());
            var depths = Enumerable.Range(0, v).Select(tree.Depth).ToList();

            Assert.Equal((int)Math.Ceiling(Math.Log2(v)), tree.MaxDepth);
            Assert.Equal((int)Math.Floor(Math.Log2(v)), depths.Min());
            Assert.Equal(depths.Average(), tree.MeanDepth, 12);
            Assert.Equal(depths.Average(), tree.ExpectedCodeLength, 12);
        }
    }

    [Fact]
    public void Two_words_get_one_bit_each_and_the_rarer_goes_left()
    {
        var tree = HuffmanTree.Build([7, 3]);

        Assert.Equal(new[] { 1 }, tree.Code(0));
        Assert.Equal(new[] { 0 }, tree.Code(1));
        Assert.Equal(0, tree.Root);
        Assert.Equal(new[] { 7, 3 }, tree.Counts);
    }

    [Fact]
    public void Invalid_counts_words_and_vectors_are_rejected_by_name()
    {
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => HuffmanTree.Build([4])).ParamName);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => HuffmanTree.Build([4, -1, 2]));
        Assert.Equal("counts", negative.ParamName);
        Assert.Contains("counts[1] = -1", negative.Message);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => HuffmanTree.Build([0, 0])).ParamName);

        var tree = HuffmanTree.Build([1, 2, 3]);
        Assert.Equal("word", Assert.Throws<ArgumentOutOfRangeException>(() => tree.Code(3)).ParamName);
        Assert.Equal("word", Assert.Throws<ArgumentOutOfRangeException>(() => tree.Depth(-1)).ParamName);
        var rows = Assert.Throws<ArgumentException>(() => tree.Probabilities(Vector<double>.Build.Dense(4), Matrix<double>.Build.Dense(3, 4)));
        Assert.Equal("nodeVectors", rows.ParamName);
        Assert.Contains("3×4", rows.Message);
        var width = Assert.Throws<ArgumentException>(() => tree.Probability(0, Vector<double>.Build.Dense(5), Matrix<double>.Build.Dense(2, 4)));
        Assert.Equal("hidden", width.ParamName);
        Assert.Contains("length 5", width.Message);
        Assert.Contains("2×4", width.Message);
    }
}
