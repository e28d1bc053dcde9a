using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// The course site, opened in headless Chromium with every host unresolvable (no network): on every page the math
/// renders without KaTeX errors, every image loads, every interactive (plotly) chart is drawn, nothing is requested
/// from the network, and nothing is logged to the console. Needs Debian's <c>chromium</c> (<c>.ci/run</c> installs it); skipped where no Chromium is installed.
/// </summary>
[Collection(CourseCollection.Name)]
public partial class SiteTests(CourseFixture course)
{
    private static readonly string? Chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    public static TheoryData<string> Pages => new(["index.html", .. Repository.NotebookNames.Select(n => Path.ChangeExtension(n, ".html"))]);

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task Page_renders_offline_with_math_and_plots(string page)
    {
        Skip.If(Chromium is null, "Chromium is not installed (apt-get install chromium)");

        var (dom, console) = await Render(Path.Combine(course.Output, "site", page));
        var body = BodyTag().Match(dom);

        Assert.True(body.Success && Attribute(body.Value, "ready") == "true", $"{page}: the page did not finish loading:{Environment.NewLine}{console}");
        Assert.True(Attribute(body.Value, "math-errors") == "0",
            $"{page}: formulas KaTeX cannot render:{Environment.NewLine}{string.Join(Environment.NewLine, KatexError().Matches(dom).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)))}");
        Assert.True(Attribute(body.Value, "images-broken") == "0", $"{page}: {Attribute(body.Value, "images-broken")} image(s) did not load");
        Assert.True(Attribute(body.Value, "external-requests") == "0", $"{page}: {Attribute(body.Value, "external-requests")} resource(s) requested from the network");
        Assert.True(Attribute(body.Value, "charts") == Attribute(body.Value, "charts-rendered"),
            $"{page}: {Attribute(body.Value, "charts-rendered")} of {Attribute(body.Value, "charts")} interactive charts were drawn");
        Assert.True(console.Length == 0, $"{page}: console output:{Environment.NewLine}{console}");
        if (page != "index.html")
        {
            Assert.True(int.Parse(Attribute(body.Value, "math-rendered")!) > 0, $"{page}: no formula was rendered");
            Assert.Contains("<img src=\"images/", dom);
        }
    }

    [Fact]
    public void The_index_lists_every_notebook_with_its_checks()
    {
        var index = File.ReadAllText(Path.Combine(course.Output, "site", "index.html"));

        foreach (var result in course.Run.Results)
            Assert.Matches($"href=\"{Regex.Escape(Path.ChangeExtension(result.Name, ".html"))}\".*?<td class=\"number\">{result.ChecksPassed}</td>", index);
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"data-{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The DOM after load (JavaScript ran) and the console messages, with every host name unresolvable.</summary>
    private static async Task<(string Dom, string Console)> Render(string file)
    {
        using var profile = new TemporaryDirectory();
        var start = new ProcessStartInfo(Chromium!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.Path}", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom", new Uri(file).AbsoluteUri,
        }) start.ArgumentList.Add(argument);
        using var chromium = Process.Start(start)!;
        var dom = chromium.StandardOutput.ReadToEndAsync();
        var log = chromium.StandardError.ReadToEndAsync();
        await chromium.WaitForExitAsync();
        var console = string.Join(Environment.NewLine, (await log).Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)));
        return (await dom, console);
    }

    [GeneratedRegex("<body[^>]*>")]
    private static partial Regex BodyTag();

    [GeneratedRegex("class=\"katex-error\" title=\"([^\"]*)\"")]
    private static partial Regex KatexError();
}
