using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using MLCourse.Notebook;

namespace MLCourse.Tests.Notebook;

public class NotebookFormattersTests
{
    public NotebookFormattersTests() => NotebookFormatters.Register();

    private static string Html(object value) => value.ToDisplayString(HtmlFormatter.MimeType);

    [Fact]
    public void A_ScottPlot_plot_is_an_inline_png()
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 1, 4, 9 });

        var html = Html(plot);

        Assert.StartsWith("<img src=\"data:image/png;base64,iVBORw0KGgo", html);
        Assert.Contains($"width=\"{NotebookFormatters.PlotWidth}\"", html);
    }

    [Fact]
    public void A_plotly_chart_is_interactive_html_with_a_content_derived_id()
    {
        XPlot.Plotly.PlotlyChart Chart() => XPlot.Plotly.Chart.Plot(new XPlot.Plotly.Scatter { x = new[] { 1, 2 }, y = new[] { 3, 4 } });

        var first = Html(Chart());
        var second = Html(Chart());

        Assert.Contains("Plotly.newPlot('plotly-", first);
        Assert.Contains(NotebookFormatters.PlotlySource, first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_matrix_is_a_table_with_its_shape_and_is_truncated()
    {
        var html = Html(Matrix<double>.Build.Dense(20, 3, (i, j) => i + 0.5 * j));

        Assert.Contains("20×3 matrix", html);
        Assert.Contains(">0.5<", html);
        Assert.Contains($"⋮ {20 - NotebookFormatters.MaxRows} more rows", html);
        Assert.DoesNotContain("MathNet.Numerics.LinearAlgebra.Double.DenseMatrix", html);
    }

    [Fact]
    public void A_vector_is_a_one_row_table()
    {
        var html = Html(Vector<double>.Build.DenseOfArray([1.25, -2]));

        Assert.Contains("vector of length 2", html);
        Assert.Contains(">1.25<", html);
        Assert.Contains(">-2<", html);
    }

    [Fact]
    public void A_data_frame_is_an_html_table_with_headers()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("loss", new[] { 0.5, 0.25 }), new StringDataFrameColumn("name", new[] { "a", "b" }));

        var html = Html(frame);

        Assert.Contains(">loss</th>", html);
        Assert.Contains(">0.25<", html);
        Assert.Contains(">b<", html);
    }

    [Fact]
    public void A_mask_is_a_grid_and_a_check_is_one_green_line()
    {
        Assert.Contains("2×2 mask", Html(new[,] { { true, false }, { true, true } }));
        Assert.Contains("✔ claim", Html(new CheckPassed("claim", "detail")));
        Assert.Equal("✔ claim (detail)", new CheckPassed("claim", "detail").ToDisplayString(PlainTextFormatter.MimeType));
    }
}
