using MLCourse.Notebook;

namespace MLCourse.Tests.Notebook;

public class ContoursTests
{
    private static double Bowl(double x, double y) => x * x + 10 * y * y;

    [Fact]
    public void Adds_contour_lines_behind_existing_plottables_and_frames_the_range()
    {
        var plot = Plots.Lines("path", "x", "y", [new Series("path", [0.0, 1.0], [0.0, 0.5])]);

        Contours.AddBehind(plot, Bowl, (-2, 3), (-1, 1), levels: 8);

        var first = Assert.IsType<ScottPlot.Plottables.ContourLines>(plot.PlottableList[0]);
        Assert.IsType<ScottPlot.Plottables.Scatter>(plot.PlottableList[1]);
        Assert.Equal(8, first.ContourLineLevels!.Length);
        Assert.True(first.ContourLineLevels.Zip(first.ContourLineLevels.Skip(1)).All(p => p.Second > p.First), "levels increase");
        var limits = plot.Axes.GetLimits();
        Assert.Equal((-2.0, 3.0, -1.0, 1.0), (limits.Left, limits.Right, limits.Bottom, limits.Top));
        Assert.NotEmpty(plot.GetImageBytes(200, 150, ScottPlot.ImageFormat.Png));
    }

    [Fact]
    public void Positive_functions_get_geometric_levels_others_even_ones()
    {
        var positive = Contours.AddBehind(new ScottPlot.Plot(), (x, y) => 1 + Bowl(x, y), (-1, 1), (-1, 1), levels: 5);
        var signed = Contours.AddBehind(new ScottPlot.Plot(), (x, y) => x - y, (-1, 1), (-1, 1), levels: 5);

        var geometric = ((ScottPlot.Plottables.ContourLines)positive.PlottableList[0]).ContourLineLevels!;
        var even = ((ScottPlot.Plottables.ContourLines)signed.PlottableList[0]).ContourLineLevels!;
        Assert.Equal(geometric[1] / geometric[0], geometric[4] / geometric[3], 9);
        Assert.Equal(even[1] - even[0], even[4] - even[3], 9);
    }

    [Fact]
    public void Rejects_empty_ranges_and_bad_sizes()
    {
        var plot = new ScottPlot.Plot();

        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Contours.AddBehind(plot, Bowl, (1, 1), (0, 1))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Contours.AddBehind(plot, Bowl, (0, 1), (0, double.NaN))).ParamName);
        Assert.Equal("levels", Assert.Throws<ArgumentOutOfRangeException>(() => Contours.AddBehind(plot, Bowl, (0, 1), (0, 1), levels: 0)).ParamName);
        Assert.Equal("resolution", Assert.Throws<ArgumentOutOfRangeException>(() => Contours.AddBehind(plot, Bowl, (0, 1), (0, 1), resolution: 2)).ParamName);
        Assert.Empty(plot.PlottableList);
    }
}
