using MLCourse.Notebook;

namespace MLCourse.Tests.Notebook;

public class PlotsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(20, 1)]
    [InlineData(21, 2)]
    [InlineData(24, 2)]
    [InlineData(25, 5)]
    [InlineData(64, 10)]
    [InlineData(128, 20)]
    [InlineData(513, 50)]
    [InlineData(5000, 500)]
    public void Heatmap_ticks_label_every_cell_up_to_20_then_at_most_12_cells(int cells, int step)
    {
        Assert.Equal(step, Plots.TickStep(cells));
        Assert.True(cells <= 20 || (cells - 1) / step + 1 <= 12);
    }

    [Fact]
    public void Dendrogram_draws_one_link_per_merge_over_the_leaf_order()
    {
        var x = Matrix<double>.Build.DenseOfColumnArrays([0.0, 10, 1, 11, 30]);
        var tree = MLCourse.Clustering.Agglomerative.Fit(x, MLCourse.Clustering.Linkage.Average);

        var plot = Plots.Dendrogram("five points", tree);

        var links = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(4, links.Count);
        Assert.All(links, l => Assert.Equal(4, l.Data.GetScatterPoints().Count));
        Assert.Equal(tree.Heights.Max(), links.Max(l => l.Data.GetScatterPoints().Max(p => p.Y)));
        Assert.NotNull(plot.GetImage(400, 300));
    }
}
