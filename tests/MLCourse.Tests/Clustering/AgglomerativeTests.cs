using MLCourse.Clustering;

namespace MLCourse.Tests.Clustering;

public class AgglomerativeTests
{
    private const string File = "clustering.json";

    public static TheoryData<string> LinkageCases => GoldenData.Names(File, "linkage");

    private static Linkage Method(string name) => name switch
    {
        "single" => Linkage.Single,
        "complete" => Linkage.Complete,
        "average" => Linkage.Average,
        "ward" => Linkage.Ward,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such linkage"),
    };

    [Theory]
    [MemberData(nameof(LinkageCases))]
    public void Merges_heights_leaves_and_cuts_equal_scipys(string name)
    {
        var c = GoldenData.Case(File, name);
        var x = GoldenData.Matrix(c["x"]);
        var linkage = Method((string)c["method"]!);

        var tree = Agglomerative.Fit(x, linkage);

        GoldenData.AssertRelative(GoldenData.Vector(c["heights"]), Vector<double>.Build.DenseOfArray(Agglomerative.MergeHeights(x, linkage)), 1e-9, "heights");
        Assert.Equal(GoldenData.Ints(c["first"]), tree.Merges.Select(m => m.First));
        Assert.Equal(GoldenData.Ints(c["second"]), tree.Merges.Select(m => m.Second));
        Assert.Equal(GoldenData.Ints(c["sizes"]), tree.Merges.Select(m => m.Size));
        Assert.Equal(GoldenData.Ints(c["leaves"]), tree.LeafOrder());
        foreach (var (k, labels) in c["cuts"]!.AsObject())
            Assert.Equal(GoldenData.Ints(labels), tree.Cut(int.Parse(k)));
    }

    [Fact]
    public void Ward_heights_are_the_square_root_of_twice_the_increase_in_the_within_cluster_sum_of_squares()
    {
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0 }, { 1, 0 }, { 5, 0 }, { 5, 2 }, { 9, 9 } });
        double Sse(IEnumerable<int> rows)
        {
            var points = rows.Select(x.Row).ToList();
            var centre = points.Aggregate((a, b) => a + b) / points.Count;
            return points.Sum(p => (p - centre).DotProduct(p - centre));
        }
        var tree = Agglomerative.Fit(x, Linkage.Ward);
        var members = Enumerable.Range(0, 5).Select(i => new List<int> { i }).ToList();

        foreach (var m in tree.Merges)
        {
            var merged = members[m.First].Concat(members[m.Second]).ToList();
            Assert.Equal(Math.Sqrt(2 * (Sse(merged) - Sse(members[m.First]) - Sse(members[m.Second]))), m.Height, 12);
            members.Add(merged);
        }
    }

    [Fact]
    public void Cutting_follows_the_fixed_maxclust_rule_for_large_k()
    {
        // Points 0, 1, 3, 7, 15: single-linkage heights 1, 2, 4, 8 (SciPy 1.10 gives [1 1 1 2 3] for k = 4 and 5).
        var tree = Agglomerative.Fit(Matrix<double>.Build.DenseOfColumnArrays([0.0, 1, 3, 7, 15]), Linkage.Single);

        Assert.Equal([1, 1, 2, 3, 4], tree.Cut(4));
        Assert.Equal([1, 2, 3, 4, 5], tree.Cut(5));
        Assert.Equal([1, 2, 3, 4, 5], tree.Cut(9));
        Assert.Equal([1, 1, 1, 1, 1], tree.Cut(1));
        Assert.Equal("clusters", Assert.Throws<ArgumentOutOfRangeException>(() => tree.Cut(0)).ParamName);
    }

    [Fact]
    public void Tied_heights_can_leave_fewer_clusters_than_asked_for()
    {
        var tree = Agglomerative.Fit(Matrix<double>.Build.DenseOfColumnArrays([0.0, 1, 2, 10]), Linkage.Single);   // heights 1, 1, 8

        Assert.Equal(2, tree.Cut(3).Distinct().Count());
    }

    [Fact]
    public void Rejects_too_few_points_non_finite_points_and_unknown_linkages()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Agglomerative.Fit(Matrix<double>.Build.Dense(1, 2), Linkage.Ward)).ParamName);
        var bad = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0 }, { double.NaN } });
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Agglomerative.MergeHeights(bad, Linkage.Single)).ParamName);
        var ok = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0 }, { 1.0 } });
        Assert.Equal("linkage", Assert.Throws<ArgumentOutOfRangeException>(() => Agglomerative.Fit(ok, (Linkage)7)).ParamName);
    }
}
