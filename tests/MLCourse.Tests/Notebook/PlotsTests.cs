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

    [Theory]
    [InlineData(-4, 13, "0.0625", "0.5", "8192")]
    [InlineData(-5, 3, "2⁻⁵", "2⁻¹", "2³")]
    [InlineData(-8, 9, "2⁻⁸", "2⁻¹", "2⁹")]
    [InlineData(-1, 14, "2⁻¹", "2⁻¹", "2¹⁴")]
    public void Log2_ticks_are_numbers_from_a_sixteenth_to_8192_and_all_powers_beyond(int from, int to, string first, string half, string last)
    {
        var labels = Log2Labels(from, to, from, to);   // every case has a tick at 2⁻¹ = ½

        Assert.Equal(Enumerable.Range(from, to - from + 1), labels.Keys);
        Assert.Equal(first, labels[from]);
        Assert.Equal(half, labels[-1]);
        Assert.Equal(last, labels[to]);
    }

    [Fact]
    public void Log2_ticks_label_only_what_the_axis_shows()
    {
        var labels = Log2Labels(0, 14, -0.4, 13.4);   // steps 1 … 10,000: 2¹⁴ is off the axis, so 8192 stays a number

        Assert.Equal(Enumerable.Range(0, 14).Select(k => (1 << k).ToString(System.Globalization.CultureInfo.InvariantCulture)), labels.Values);
    }

    /// <summary>The major tick labels of a left axis with <see cref="Plots.Log2Ticks"/>(from, to), drawn showing [low, high].</summary>
    private static SortedDictionary<int, string> Log2Labels(int from, int to, double low, double high)
    {
        var plot = new ScottPlot.Plot();
        plot.Axes.SetLimitsY(low, high);
        Plots.Log2Ticks(plot.Axes.Left, from, to);
        plot.GetImage(300, 600);
        return new(plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).ToDictionary(t => (int)t.Position, t => t.Label));
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
