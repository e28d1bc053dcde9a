using MLCourse.Classical;

namespace MLCourse.Tests.Classical;

public class PcaTests
{
    public static TheoryData<string> Cases => ClassicalGolden.Names("pca");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scikit_learn(string name)
    {
        var c = ClassicalGolden.Case(name);
        var x = ClassicalGolden.X(c);

        var pca = new Pca((int)c["components"]!).Fit(x);

        // Same signs as scikit-learn 1.2's svd_flip, so the components are compared entry by entry, not up to sign.
        var expected = GoldenData.Matrix(c["components_"]);
        for (var k = 0; k < expected.RowCount; k++)
            ClassicalGolden.AssertNormRelative(expected.Row(k), pca.Components.Row(k), 1e-8, $"component {k}");
        GoldenData.AssertRelative(GoldenData.Vector(c["explained_variance"]), pca.ExplainedVariance, 1e-8, "explained variance");
        GoldenData.AssertRelative(GoldenData.Vector(c["explained_variance_ratio"]), pca.ExplainedVarianceRatio, 1e-8, "explained variance ratio");
        GoldenData.AssertRelative(GoldenData.Vector(c["singular_values"]), pca.SingularValues, 1e-8, "singular values");
        ClassicalGolden.AssertNormRelative(GoldenData.Vector(c["mean"]), pca.Mean, 1e-13, "mean");
        var rows = x.SubMatrix(0, 5, 0, x.ColumnCount).Stack(GoldenData.Matrix(c["new_rows"]));
        var scores = pca.Transform(rows);
        ClassicalGolden.AssertNormRelative(GoldenData.Matrix(c["transform"]), scores, 1e-8, "transform");
        ClassicalGolden.AssertNormRelative(GoldenData.Matrix(c["inverse_transform"]), pca.InverseTransform(scores), 1e-8, "inverse transform");
    }

    private static Matrix<double> Data(int n, int p, int seed)
    {
        var rng = Rng.Create(seed);
        return Rng.StandardNormal(n, p, rng) * Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, p).Select(j => 4.0 / (j + 1)).ToArray()) + 2;
    }

    [Fact]
    public void Components_are_orthonormal_eigenvectors_of_the_sample_covariance()
    {
        var x = Data(40, 5, seed: 1);
        var centred = x - Matrix<double>.Build.Dense(40, 5, (_, j) => x.Column(j).Average());
        var covariance = centred.TransposeThisAndMultiply(centred) / 39;

        var pca = new Pca(3).Fit(x);

        var v = pca.Components;
        Assert.True((v * v.Transpose() - Matrix<double>.Build.DenseIdentity(3)).InfinityNorm() < 1e-14);
        for (var k = 0; k < 3; k++)
            Assert.True((covariance * v.Row(k) - pca.ExplainedVariance[k] * v.Row(k)).InfinityNorm() < 1e-12, $"Σv = λv for component {k}");
        Assert.True(pca.ExplainedVariance[0] > pca.ExplainedVariance[1] && pca.ExplainedVariance[1] > pca.ExplainedVariance[2]);
    }

    [Fact]
    public void Scores_are_uncorrelated_with_the_explained_variances_and_their_largest_entry_is_positive()
    {
        var x = Data(30, 4, seed: 2);

        var pca = new Pca(4).Fit(x);
        var scores = pca.Transform(x);

        var covariance = scores.TransposeThisAndMultiply(scores) / 29;
        Assert.True((covariance - Matrix<double>.Build.DenseOfDiagonalVector(pca.ExplainedVariance)).InfinityNorm() < 1e-12);
        for (var k = 0; k < 4; k++)
            Assert.True(scores[scores.Column(k).AbsoluteMaximumIndex(), k] > 0, $"component {k}: the largest |score| is positive");
        Assert.Equal(1.0, pca.ExplainedVarianceRatio.Sum(), 14);
        Assert.True((pca.InverseTransform(scores) - x).InfinityNorm() < 1e-12, "all components reconstruct x");
    }

    [Fact]
    public void Fewer_components_give_the_leading_rows_and_the_best_rank_k_reconstruction()
    {
        var x = Data(25, 6, seed: 3);
        var all = new Pca(6).Fit(x);

        var two = new Pca(2).Fit(x);

        Assert.True((two.Components - all.Components.SubMatrix(0, 2, 0, 6)).InfinityNorm() < 1e-13);
        var residual = x - two.InverseTransform(two.Transform(x));
        var discarded = all.ExplainedVariance.SubVector(2, 4).Sum() * 24;
        Assert.Equal(discarded, residual.FrobeniusNorm() * residual.FrobeniusNorm(), 10);
        Assert.True(two.ExplainedVarianceRatio.Sum() < 1);
    }

    [Fact]
    public void More_features_than_samples_work_through_the_wide_branch()
    {
        var x = Data(6, 15, seed: 4);

        var pca = new Pca(5).Fit(x);

        Assert.Equal((5, 15), (pca.Components.RowCount, pca.Components.ColumnCount));
        Assert.Equal(1.0, pca.ExplainedVarianceRatio.Sum(), 12);   // rank n − 1 = 5: five components hold everything
        Assert.True((pca.InverseTransform(pca.Transform(x)) - x).InfinityNorm() < 1e-12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Fewer_than_one_component_is_rejected(int components)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Pca(components));

        Assert.Equal("components", e.ParamName);
    }

    [Theory]
    [InlineData(5, 3, 4)]   // more than p
    [InlineData(3, 8, 4)]   // more than n
    public void More_components_than_min_n_p_are_rejected_naming_the_shape(int n, int p, int components)
    {
        var e = Assert.Throws<ArgumentException>(() => new Pca(components).Fit(Data(n, p, seed: 5)));

        Assert.Equal("components", e.ParamName);
        Assert.Contains($"{n}×{p}", e.Message);
    }

    [Fact]
    public void Data_with_one_row_or_a_NaN_are_rejected()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Pca(1).Fit(Data(1, 3, seed: 6))).ParamName);
        var x = Data(5, 3, seed: 7);
        x[2, 1] = double.NaN;
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Pca(1).Fit(x)).ParamName);
    }

    [Fact]
    public void Transform_and_inverse_transform_check_the_columns_naming_both_shapes()
    {
        var pca = new Pca(2).Fit(Data(10, 4, seed: 8));

        var e = Assert.Throws<ArgumentException>(() => pca.Transform(Data(3, 5, seed: 9)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("3×5", e.Message);
        Assert.Contains("2×4", e.Message);
        var inverse = Assert.Throws<ArgumentException>(() => pca.InverseTransform(Data(3, 3, seed: 10)));
        Assert.Equal("scores", inverse.ParamName);
        Assert.Contains("3×3", inverse.Message);
    }

    [Fact]
    public void Reading_before_fitting_throws()
    {
        var pca = new Pca(1);

        Assert.Throws<InvalidOperationException>(() => pca.Components);
        Assert.Throws<InvalidOperationException>(() => pca.ExplainedVariance);
        Assert.Throws<InvalidOperationException>(() => pca.Transform(Data(2, 2, seed: 11)));
    }
}
