using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace MLCourse.Notebook;

/// <summary>One line of a <see cref="Plots.Lines"/> chart: a legend label and the points (X[i], Y[i]).</summary>
/// <param name="Label">Legend text.</param>
/// <param name="X">x coordinates.</param>
/// <param name="Y">y coordinates, as many as <paramref name="X"/>.</param>
/// <param name="Style">How the points are drawn; e.g. <see cref="SeriesStyle.Dashed"/> for a theoretical curve and
/// <see cref="SeriesStyle.Markers"/> for the measurements that should lie on it.</param>
public sealed record Series(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, SeriesStyle Style = SeriesStyle.LineAndMarkers);

/// <summary>How a <see cref="Series"/> is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>A solid line through markers (markers are dropped above 60 points).</summary>
    LineAndMarkers,

    /// <summary>A solid line only.</summary>
    Line,

    /// <summary>A dashed line only.</summary>
    Dashed,

    /// <summary>Markers only, no line.</summary>
    Markers,
}

/// <summary>
/// Short-hands for the ScottPlot charts notebooks draw most, so plotting cells stay a few lines long. Every method
/// returns the <see cref="Plot"/>: add to it, or make it the cell's last expression to show it as a PNG.
/// Introduced in notebook 01.
/// </summary>
public static class Plots
{
    /// <summary>
    /// A line chart (lines with markers), one line per series, with a legend when there are several.
    /// With <paramref name="log2X"/> / <paramref name="log2Y"/> the data are plotted as base-2 logarithms and the axis is
    /// labelled in powers of two (1, 2, 4, …), which turns y ∝ x^a into a straight line of slope a.
    /// </summary>
    /// <exception cref="ArgumentException">No series; a series whose X and Y lengths differ (both lengths are named);
    /// a value ≤ 0 on a log axis (the series is named).</exception>
    public static Plot Lines(string title, string xLabel, string yLabel, IReadOnlyList<Series> series, bool log2X = false, bool log2Y = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0) throw new ArgumentException("Give at least one series.", nameof(series));
        var plot = Titled(title, xLabel, yLabel);
        var (xs, ys) = (new List<double>(), new List<double>());
        foreach (var s in series)
        {
            if (s.X.Count != s.Y.Count)
                throw new ArgumentException($"Series '{s.Label}' has {s.X.Count} x values but {s.Y.Count} y values.", nameof(series));
            var x = Axis(s.X, log2X, s.Label, "x");
            var y = Axis(s.Y, log2Y, s.Label, "y");
            var line = plot.Add.Scatter(x, y);
            line.LegendText = s.Label;
            line.MarkerSize = s.Style == SeriesStyle.Markers || (s.Style == SeriesStyle.LineAndMarkers && s.X.Count <= 60) ? 6 : 0;
            line.LineWidth = s.Style == SeriesStyle.Markers ? 0 : 1.5f;
            if (s.Style == SeriesStyle.Dashed) line.LinePattern = LinePattern.Dashed;
            xs.AddRange(x);
            ys.AddRange(y);
        }
        if (log2X) Log2Ticks(plot.Axes.Bottom, (int)Math.Floor(xs.Min()), (int)Math.Ceiling(xs.Max()));
        if (log2Y) Log2Ticks(plot.Axes.Left, (int)Math.Floor(ys.Min()), (int)Math.Ceiling(ys.Max()));
        if (series.Count > 1) plot.ShowLegend();
        return plot;
    }

    private static double[] Axis(IReadOnlyList<double> values, bool log2, string label, string axis)
    {
        if (!log2) return values.ToArray();
        if (values.Any(v => !(v > 0)))
            throw new ArgumentException($"Series '{label}' has a {axis} value ≤ 0, which a log₂ axis cannot show.", "series");
        return values.Select(Math.Log2).ToArray();
    }

    /// <summary>
    /// Labels an axis whose data were plotted as base-2 logarithms: a tick at every integer k from
    /// <paramref name="fromExponent"/> to <paramref name="toExponent"/> that the axis shows, labelled 2^k. When every
    /// shown tick lies between 2⁻⁴ and 2¹³ the labels are the numbers (0.0625, …, 0.5, 1, 2, …, 8192); otherwise they
    /// are all powers (2⁻⁸, …, 2⁰, …, 2³⁰), which stay short and exact where 0.003906 or 1.074E+09 would run into each other.
    /// </summary>
    public static void Log2Ticks(IAxis axis, int fromExponent, int toExponent)
    {
        ArgumentNullException.ThrowIfNull(axis);
        if (toExponent < fromExponent)
            throw new ArgumentOutOfRangeException(nameof(toExponent), toExponent, $"toExponent must be ≥ fromExponent ({fromExponent}).");
        axis.TickGenerator = new Log2TickGenerator(fromExponent, toExponent);
    }

    /// <summary>The ticks of <see cref="Log2Ticks"/>, chosen when the axis is drawn, from the range it shows.</summary>
    private sealed class Log2TickGenerator(int fromExponent, int toExponent) : ITickGenerator
    {
        public Tick[] Ticks { get; set; } = [];

        public int MaxTickCount { get; set; } = int.MaxValue;

        public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
        {
            var (low, high) = (Math.Min(range.Min, range.Max), Math.Max(range.Min, range.Max));
            var shown = Enumerable.Range(fromExponent, toExponent - fromExponent + 1).Where(k => k >= low && k <= high).ToArray();
            var asNumbers = shown.All(k => k is >= -4 and <= 13);
            Ticks = shown.Take(MaxTickCount).Select(k => Tick.Major(k,
                asNumbers ? Math.Pow(2, k).ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : "2" + Superscript(k))).ToArray();
        }
    }

    /// <summary>An integer in superscript digits: −8 → ⁻⁸.</summary>
    private static string Superscript(int k) =>
        string.Concat(k.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0']));

    /// <summary>
    /// A heatmap of a matrix with row 0 at the top (how attention weights are usually drawn: query i down, key j across)
    /// and a colour bar. NaN entries are drawn grey. Axis ticks label every row and column up to 20 of them, and every
    /// 2nd, 5th, 10th, 20th, … beyond (at most 12 labels per axis), so a 64×128 positional encoding stays readable.
    /// </summary>
    public static Plot Heatmap(string title, Matrix<double> values, string xLabel = "key j", string yLabel = "query i")
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.RowCount == 0 || values.ColumnCount == 0)
            throw new ArgumentException($"values is {values.RowCount}×{values.ColumnCount}: nothing to draw.", nameof(values));
        var plot = Titled(title, xLabel, yLabel);
        var heatmap = plot.Add.Heatmap(values.ToArray());
        heatmap.NaNCellColor = Colors.LightGray;
        plot.Add.ColorBar(heatmap);
        plot.Axes.Left.TickGenerator = IntegerTicks(values.RowCount, reversed: true);
        plot.Axes.Bottom.TickGenerator = IntegerTicks(values.ColumnCount, reversed: false);
        return plot;
    }

    /// <summary>
    /// A dendrogram: the points along the bottom in <see cref="Clustering.Dendrogram.LeafOrder"/> (labelled with their row numbers),
    /// and every merge drawn as a ∏-shaped link at its height, joining the two clusters it merges (as SciPy's
    /// <c>dendrogram(Z)</c> draws it). Introduced in notebook 23.
    /// </summary>
    /// <exception cref="ArgumentNullException">tree is null.</exception>
    public static Plot Dendrogram(string title, Clustering.Dendrogram tree, string yLabel = "merge height")
    {
        ArgumentNullException.ThrowIfNull(tree);
        var plot = Titled(title, "point", yLabel);
        var order = tree.LeafOrder();
        var (x, y) = (new double[tree.Leaves + tree.Merges.Count], new double[tree.Leaves + tree.Merges.Count]);
        for (var p = 0; p < order.Length; p++) x[order[p]] = p;
        for (var i = 0; i < tree.Merges.Count; i++)
        {
            var (a, b, height) = (tree.Merges[i].First, tree.Merges[i].Second, tree.Merges[i].Height);
            var link = plot.Add.Scatter(new[] { x[a], x[a], x[b], x[b] }, new[] { y[a], height, height, y[b] }, Colors.SteelBlue);
            link.MarkerSize = 0;
            (x[tree.Leaves + i], y[tree.Leaves + i]) = ((x[a] + x[b]) / 2, height);
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, order.Length).Select(p => (double)p).ToArray(),
            order.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        return plot;
    }

    private static Plot Titled(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>
    /// Ticks at cell centres labelled with the cell index, every <see cref="TickStep"/>-th cell; heatmap rows are drawn
    /// bottom-up, so row labels are reversed.
    /// </summary>
    private static ScottPlot.TickGenerators.NumericManual IntegerTicks(int n, bool reversed)
    {
        var labels = Enumerable.Range(0, n).Where(i => i % TickStep(n) == 0).ToArray();
        return new(
            labels.Select(i => (double)(reversed ? n - 1 - i : i)).ToArray(),
            labels.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>Labels every cell of a heatmap side up to 20 cells; beyond, the smallest of 2, 5, 10, 20, 50, … that leaves at most 12 labels.</summary>
    internal static int TickStep(int n)
    {
        if (n <= 20) return 1;
        for (var step = 2; ; step *= 10)
            foreach (var s in new[] { step, step * 5 / 2, step * 5 })
                if ((n - 1) / s + 1 <= 12) return s;
    }
}
