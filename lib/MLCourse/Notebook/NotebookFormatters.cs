using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using XPlot.Plotly;

namespace MLCourse.Notebook;

/// <summary>
/// Display formatters for the types notebooks show, registered when the library is first used (module initializer),
/// so a notebook needs no set-up code beyond loading the library:
/// a ScottPlot <c>Plot</c> shows as an inline PNG, an XPlot.Plotly chart as interactive HTML, a
/// Microsoft.Data.Analysis <c>DataFrame</c> as an HTML table, MathNet vectors and matrices as numeric tables,
/// a <c>bool[,]</c> attention mask as a grid, a passing <see cref="Check"/> as one green line, an
/// <see cref="Exercise"/> result as ✔ / ✘ / ○, and a <see cref="Notes"/> demonstration as one amber line.
/// Introduced in notebook 01.
/// </summary>
public static class NotebookFormatters
{
    private static int _registered;

    /// <summary>Width in pixels of the PNG a ScottPlot plot renders to when displayed. Range: ≥ 1. Default 640.</summary>
    public static int PlotWidth { get; set; } = 640;

    /// <summary>Height in pixels of the PNG a ScottPlot plot renders to when displayed. Range: ≥ 1. Default 400.</summary>
    public static int PlotHeight { get; set; } = 400;

    /// <summary>The most rows of a matrix or data frame shown; larger ones show their first rows and "⋮".</summary>
    public const int MaxRows = 12;

    /// <summary>The most columns of a matrix or vector shown; wider ones show their first columns and "⋯".</summary>
    public const int MaxColumns = 12;

    /// <summary>Where an interactive chart loads plotly.js from when the page does not already provide <c>window.Plotly</c>.</summary>
    public const string PlotlySource = "https://cdn.plot.ly/plotly-2.35.2.min.js";

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Registering notebook formatters on load is the purpose of this initializer.")]
    internal static void OnLoad() => Register();

    /// <summary>Registers the formatters. Idempotent; called automatically when the library is first used.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;

        Formatter.Register<CheckPassed>((c, w) => w.Write(CheckHtml(c)), HtmlFormatter.MimeType);
        Formatter.Register<CheckPassed>((c, w) => w.Write(c.ToString()), PlainTextFormatter.MimeType);

        Formatter.Register<ExerciseResult>((e, w) => w.Write(ExerciseHtml(e)), HtmlFormatter.MimeType);
        Formatter.Register<ExerciseResult>((e, w) => w.Write(e.ToString()), PlainTextFormatter.MimeType);
        Formatter.Register<NotesValue>((n, w) => w.Write(NotesHtml(n)), HtmlFormatter.MimeType);
        Formatter.Register<NotesValue>((n, w) => w.Write(n.ToString()), PlainTextFormatter.MimeType);

        Formatter.Register<ScottPlot.Plot>((p, w) => w.Write(PlotHtml(p)), HtmlFormatter.MimeType);
        Formatter.Register<PlotlyChart>((c, w) => w.Write(PlotlyHtml(c)), HtmlFormatter.MimeType);

        Formatter.Register<Matrix<double>>((m, w) => w.Write(MatrixHtml(m)), HtmlFormatter.MimeType);
        Formatter.Register<Matrix<double>>((m, w) => w.Write($"{m.RowCount}×{m.ColumnCount} matrix{Environment.NewLine}{m.ToMatrixString(MaxRows, MaxColumns, "G6", CultureInfo.InvariantCulture)}"), PlainTextFormatter.MimeType);
        Formatter.Register<Vector<double>>((v, w) => w.Write(VectorHtml(v)), HtmlFormatter.MimeType);
        Formatter.Register<Vector<double>>((v, w) => w.Write($"vector of length {v.Count}: {v.ToVectorString(MaxColumns, MaxColumns, "G6", CultureInfo.InvariantCulture).ReplaceLineEndings(" ").Trim()}"), PlainTextFormatter.MimeType);
        Formatter.Register<bool[,]>((m, w) => w.Write(MaskHtml(m)), HtmlFormatter.MimeType);

        Formatter.Register<DataFrame>((f, w) => w.Write(DataFrameHtml(f)), HtmlFormatter.MimeType);
        Formatter.Register<DataFrame>((f, w) => w.Write(f.ToString()), PlainTextFormatter.MimeType);
    }

    private const string TableStyle = "border-collapse:collapse;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:0.9em";
    private const string CellStyle = "padding:2px 8px;text-align:right;border:1px solid #d0d7de";
    private const string HeadStyle = "padding:2px 8px;text-align:center;border:1px solid #d0d7de;background:#f6f8fa;color:#57606a";

    /// <summary>Escapes the five HTML-special characters only, so claims like "Var(q·k) ≤ 1" stay readable in the saved HTML.</summary>
    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static string CheckHtml(CheckPassed c)
    {
        var detail = c.Detail.Length == 0 ? "" : $" <span style=\"color:#57606a\">({Escape(c.Detail)})</span>";
        return $"<div class=\"mlcourse-check\" style=\"color:#1a7f37;font-family:ui-monospace,Menlo,Consolas,monospace\">✔ {Escape(c.Claim)}{detail}</div>";
    }

    private static string ExerciseHtml(ExerciseResult e)
    {
        var (css, colour) = e.Status switch
        {
            ExerciseStatus.Right => ("right", "#1a7f37"),
            ExerciseStatus.Wrong => ("wrong", "#cf222e"),
            _ => ("not-answered", "#57606a"),
        };
        return $"<div class=\"mlcourse-exercise {css}\" style=\"color:{colour};font-family:ui-monospace,Menlo,Consolas,monospace\">{Escape(e.ToString())}</div>";
    }

    private static string NotesHtml(NotesValue n) =>
        $"<div class=\"mlcourse-notes\" style=\"color:#9a6700;font-family:ui-monospace,Menlo,Consolas,monospace\">{Escape(n.ToString())}</div>";

    private static string PlotHtml(ScottPlot.Plot plot)
    {
        var png = Convert.ToBase64String(plot.GetImageBytes(PlotWidth, PlotHeight, ScottPlot.ImageFormat.Png));
        return $"<img src=\"data:image/png;base64,{png}\" width=\"{PlotWidth}\" height=\"{PlotHeight}\" alt=\"plot\" />";
    }

    /// <summary>
    /// Plotly HTML with an id derived from the chart's content (so re-running a notebook gives identical output) and a
    /// loader that uses the page's plotly.js if present (the course site vendors it) and otherwise fetches it.
    /// </summary>
    private static string PlotlyHtml(PlotlyChart chart)
    {
        const string placeholder = "__MLCOURSE_PLOTLY_ID__";
        var script = chart.GetPlottingJS().Replace(chart.Id, placeholder, StringComparison.Ordinal);
        var id = "plotly-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)))[..16];
        script = script.Replace(placeholder, id, StringComparison.Ordinal);
        return $$"""
            <div id="{{id}}" style="width: {{chart.Width}}px; height: {{chart.Height}}px;"></div>
            <script type="text/javascript">
            (function () {
              function render() { {{script}} }
              if (typeof window.Plotly !== 'undefined') { render(); return; }
              if (typeof window.require === 'function' && typeof window.define === 'function' && window.define.amd) {
                window.require.config({ paths: { plotly: '{{PlotlySource[..^3]}}' } });
                window.require(['plotly'], function (p) { window.Plotly = p; render(); });
                return;
              }
              var s = document.createElement('script');
              s.src = '{{PlotlySource}}';
              s.onload = render;
              document.head.appendChild(s);
            })();
            </script>
            """;
    }

    private static string Cell(double x) => $"<td style=\"{CellStyle}\">{Escape(x.ToString("G6", CultureInfo.InvariantCulture))}</td>";

    private static string MatrixHtml(Matrix<double> m)
    {
        int rows = Math.Min(m.RowCount, MaxRows), columns = Math.Min(m.ColumnCount, MaxColumns);
        var html = new StringBuilder();
        html.Append($"<table style=\"{TableStyle}\"><caption style=\"color:#57606a;text-align:left\">{m.RowCount}×{m.ColumnCount} matrix</caption>");
        for (var i = 0; i < rows; i++)
        {
            html.Append("<tr>");
            for (var j = 0; j < columns; j++) html.Append(Cell(m[i, j]));
            if (columns < m.ColumnCount) html.Append($"<td style=\"{CellStyle}\">⋯</td>");
            html.Append("</tr>");
        }
        if (rows < m.RowCount)
            html.Append($"<tr><td colspan=\"{columns + (columns < m.ColumnCount ? 1 : 0)}\" style=\"{HeadStyle}\">⋮ {m.RowCount - rows} more rows</td></tr>");
        return html.Append("</table>").ToString();
    }

    private static string VectorHtml(Vector<double> v)
    {
        var shown = Math.Min(v.Count, MaxColumns);
        var html = new StringBuilder($"<table style=\"{TableStyle}\"><caption style=\"color:#57606a;text-align:left\">vector of length {v.Count}</caption><tr>");
        for (var i = 0; i < shown; i++) html.Append(Cell(v[i]));
        if (shown < v.Count) html.Append($"<td style=\"{CellStyle}\">⋯ {v.Count - shown} more</td>");
        return html.Append("</tr></table>").ToString();
    }

    private static string MaskHtml(bool[,] keep)
    {
        var html = new StringBuilder($"<table style=\"{TableStyle}\"><caption style=\"color:#57606a;text-align:left\">{keep.GetLength(0)}×{keep.GetLength(1)} mask (✓ = may attend)</caption>");
        for (var i = 0; i < keep.GetLength(0); i++)
        {
            html.Append("<tr>");
            for (var j = 0; j < keep.GetLength(1); j++)
                html.Append(keep[i, j] ? $"<td style=\"{CellStyle};color:#1a7f37\">✓</td>" : $"<td style=\"{CellStyle};color:#afb8c1\">·</td>");
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    private static string DataFrameHtml(DataFrame frame)
    {
        var html = new StringBuilder($"<table style=\"{TableStyle}\"><thead><tr>");
        foreach (var column in frame.Columns)
            html.Append($"<th style=\"{HeadStyle}\">{Escape(column.Name)}</th>");
        html.Append("</tr></thead><tbody>");
        var rows = (int)Math.Min(frame.Rows.Count, MaxRows * 2);
        for (var i = 0; i < rows; i++)
        {
            html.Append("<tr>");
            foreach (var column in frame.Columns)
            {
                var text = column[i] switch
                {
                    null => "",
                    double d => d.ToString("G6", CultureInfo.InvariantCulture),
                    float f => f.ToString("G6", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var o => o.ToString() ?? "",
                };
                html.Append($"<td style=\"{CellStyle}\">{Escape(text)}</td>");
            }
            html.Append("</tr>");
        }
        if (rows < frame.Rows.Count)
            html.Append($"<tr><td colspan=\"{frame.Columns.Count}\" style=\"{HeadStyle}\">⋮ {frame.Rows.Count - rows} more rows</td></tr>");
        return html.Append("</tbody></table>").ToString();
    }
}
