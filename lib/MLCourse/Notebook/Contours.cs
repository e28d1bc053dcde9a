using ScottPlot;

namespace MLCourse.Notebook;

/// <summary>
/// Contour lines of a function of two variables, drawn behind what a plot already shows (e.g. optimizer paths drawn with
/// <see cref="Plots.Lines"/>). Introduced in notebook 05 (05-optimizers).
/// </summary>
public static class Contours
{
    /// <summary>
    /// Adds grey contour lines of <paramref name="f"/>(x, y) over the rectangle <paramref name="x"/> × <paramref name="y"/>
    /// (sampled on a <paramref name="resolution"/>² grid) behind the plot's other plottables, and sets the axis limits to
    /// that rectangle. The <paramref name="levels"/> contour levels run from the 1% to the 99% quantile of f on the grid,
    /// geometrically spaced when f &gt; 0 on the whole grid (loss surfaces: a narrow valley still gets lines, like a
    /// log colour scale) and evenly spaced otherwise. Returns <paramref name="plot"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A range is empty or not finite (Max must exceed Min).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="levels"/> &lt; 1 or <paramref name="resolution"/> &lt; 3.</exception>
    public static Plot AddBehind(Plot plot, Func<double, double, double> f, (double Min, double Max) x, (double Min, double Max) y,
        int levels = 12, int resolution = 100)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(f);
        CheckRange(x, nameof(x));
        CheckRange(y, nameof(y));
        Guard.Positive(levels, nameof(levels));
        if (resolution < 3) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"resolution must be ≥ 3, got {resolution}.");
        var grid = new Coordinates3d[resolution, resolution];
        for (var i = 0; i < resolution; i++)
            for (var j = 0; j < resolution; j++)
            {
                var (xj, yi) = (x.Min + (x.Max - x.Min) * j / (resolution - 1), y.Min + (y.Max - y.Min) * i / (resolution - 1));
                grid[i, j] = new Coordinates3d(xj, yi, f(xj, yi));
            }
        var values = grid.Cast<Coordinates3d>().Select(c => c.Z).Where(double.IsFinite).Order().ToArray();
        var (low, high) = (values[(int)(0.01 * (values.Length - 1))], values[(int)(0.99 * (values.Length - 1))]);
        var geometric = values[0] > 0;
        var contours = new ScottPlot.Plottables.ContourLines
        {
            ContourLineLevels = Enumerable.Range(0, levels).Select(k => levels == 1 ? low
                : geometric ? low * Math.Pow(high / low, k / (levels - 1.0)) : low + (high - low) * k / (levels - 1.0)).Distinct().ToArray(),
            LineColor = Colors.Gray.WithAlpha(0.6),
            LineWidth = 1,
        };
        contours.LabelStyle.IsVisible = false;
        contours.Update(grid);
        plot.PlottableList.Insert(0, contours);
        plot.Axes.SetLimits(x.Min, x.Max, y.Min, y.Max);
        return plot;
    }

    private static void CheckRange((double Min, double Max) range, string name)
    {
        if (!(double.IsFinite(range.Min) && double.IsFinite(range.Max) && range.Max > range.Min))
            throw new ArgumentException($"{name} must be a finite range with Max > Min, got ({range.Min}, {range.Max}).", name);
    }
}
