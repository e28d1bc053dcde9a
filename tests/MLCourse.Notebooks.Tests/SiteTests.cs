using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MLCourse.Runner.Outputs.Site;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// The course site, opened in headless Chromium with every host unresolvable (no network): on every page (the
/// notebooks, the index and the question bank) the math renders without KaTeX errors, every image loads, every
/// interactive (plotly) chart is drawn, nothing is requested from the network, and nothing is logged to the console;
/// the search box finds notebooks by English and Chinese terms with the same tokens as the index, whose prebuilt form is
/// exactly what MiniSearch builds in the page. Needs Debian's <c>chromium</c> (<c>.ci/run</c> installs it); those
/// tests are skipped where no Chromium is installed. The question bank's and the index's links are checked without it.
/// </summary>
[Collection(CourseCollection.Name)]
public partial class SiteTests(CourseFixture course)
{
    private static readonly string? Chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    public static TheoryData<string> Pages => new(["index.html", QuestionBankPage.FileName, .. Repository.NotebookNames.Select(n => Path.ChangeExtension(n, ".html"))]);

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
        if (page.StartsWith(QuestionBankPage.FileName, StringComparison.Ordinal))
        {
            var formulas = Regex.Count(File.ReadAllText(Path.Combine(course.Output, "site", page)), "class=\"math\"");
            Assert.True(formulas == 0 || int.Parse(Attribute(body.Value, "math-rendered")!) == formulas, $"{page}: {Attribute(body.Value, "math-rendered")} of {formulas} formulas rendered");
        }
        else if (page != "index.html")
        {
            Assert.True(int.Parse(Attribute(body.Value, "math-rendered")!) > 0, $"{page}: no formula was rendered");
            Assert.Contains("<img src=\"images/", dom);
        }
    }

    /// <summary>Queries a learner would type, and a notebook that must be among the results, linked at one of its sections.</summary>
    public static TheoryData<string, string> Searches => new()
    {
        { "bias correction", "05-optimizers" },
        { "padding mask", "01-scaled-dot-product-attention" },
        { "masking the padding", "01-scaled-dot-product-attention" },
        { "归一化", "04-batch-normalization" },
        { "位置编码", "03-positional-encoding" },
        { "偏差修正", "05-optimizers" },
    };

    [SkippableTheory]
    [MemberData(nameof(Searches))]
    public async Task The_search_box_finds_the_notebook_by_English_and_Chinese_terms(string query, string notebook)
    {
        Skip.If(Chromium is null, "Chromium is not installed (apt-get install chromium)");
        Skip.IfNot(File.Exists(Path.Combine(Repository.Notebooks, notebook + ".ipynb")), $"{notebook} is not in the course");

        var (dom, console) = await Render(Path.Combine(course.Output, "site", "index.html"), query);
        var results = Regex.Match(dom, "<div class=\"search-results\"[^>]*>");
        var links = Regex.Matches(dom, "<a class=\"search-result\"[^>]*href=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        Assert.True(results.Success && Attribute(results.Value, "query-tokens") is not null, $"the search box did not run the query \"{query}\":{Environment.NewLine}{console}");
        Assert.Equal(string.Join(' ', SearchTokenizer.Tokenize(query)), WebUtility.HtmlDecode(Attribute(results.Value, "query-tokens")!));
        Assert.True(links.Any(l => l.StartsWith($"{notebook}.html#", StringComparison.Ordinal)),
            $"\"{query}\": no result links into a section of {notebook}; results: {string.Join(", ", links)}");
        Assert.All(links, link => Assert.True(LinkResolves(link), $"\"{query}\": the result {link} names no id on its page"));
        Assert.True(console.Length == 0, $"\"{query}\": console output:{Environment.NewLine}{console}");
    }

    [SkippableFact]
    public async Task The_search_box_is_driven_by_the_keyboard()
    {
        Skip.If(Chromium is null, "Chromium is not installed (apt-get install chromium)");
        var site = Path.Combine(course.Output, "site");
        var page = Path.Combine(site, "keyboard-check.html");
        File.WriteAllText(page, File.ReadAllText(Path.Combine(site, "index.html")).Replace("</body>", """
            <script>
            window.addEventListener('load', function () {
              var box = document.getElementById('search'), list = document.getElementById('search-results');
              var key = function (target, name) { target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true })); };
              var steps = [];
              steps.push('several results ' + (list.querySelectorAll('.search-result').length > 1) + ' shown ' + !list.hidden);
              key(document.body, '/');
              steps.push('focused ' + (document.activeElement === box));
              key(box, 'ArrowDown'); key(box, 'ArrowDown');
              steps.push('selected ' + box.getAttribute('aria-activedescendant') + ' ' + list.querySelectorAll('[aria-selected="true"]').length);
              key(box, 'ArrowUp');
              steps.push('selected ' + box.getAttribute('aria-activedescendant'));
              key(box, 'Escape');
              steps.push('shown ' + !list.hidden + ' expanded ' + box.getAttribute('aria-expanded'));
              document.body.dataset.keyboard = steps.join('; ');
            });
            </script>
            </body>
            """));

        string dom, console;
        try
        {
            (dom, console) = await Render(page, "bias correction");
        }
        finally
        {
            File.Delete(page);
        }

        Assert.Contains(
            "data-keyboard=\"several results true shown true; focused true; selected search-result-1 1; selected search-result-0; shown false expanded false\"", dom);
        Assert.True(console.Length == 0, console);
    }

    [SkippableFact]
    public async Task The_prebuilt_index_is_what_MiniSearch_builds_with_the_pages_tokenizer()
    {
        Skip.If(Chromium is null, "Chromium is not installed (apt-get install chromium)");
        using var check = new TemporaryDirectory();
        foreach (var file in new[] { "assets/minisearch/index.js", "assets/search.js", SearchIndex.FileName })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(check.Path, file))!);
            File.Copy(Path.Combine(course.Output, "site", file), Path.Combine(check.Path, file));
        }
        var documents = course.Run.Notebooks.SelectMany(n =>
        {
            var page = PageMarkdown.Parse(n);
            return SearchIndex.Documents(page, SiteBuilder.PageName(n), NotebookQuestions.Parse(n, page));
        }).Select(d => new { id = d.Id, title = d.Title, text = d.Text, kind = d.Kind, url = d.Url, where = d.Where, heading = d.Heading, excerpt = d.Excerpt });
        File.WriteAllText(Path.Combine(check.Path, "documents.js"), $"var documents = {JsonSerializer.Serialize(documents)};");
        File.WriteAllText(Path.Combine(check.Path, "check.html"), """
            <!DOCTYPE html><html><head><meta charset="utf-8">
            <script src="assets/minisearch/index.js"></script><script src="assets/search.js"></script>
            <script src="search-index.js"></script><script src="documents.js"></script></head>
            <body><pre id="verdict"></pre><script>
            var data = window.MLCourseSearchIndex;
            var built = new MiniSearch({ fields: data.fields, storeFields: data.storeFields, tokenize: MLCourseSearch.tokenize, processTerm: function (t) { return t; } });
            built.addAll(documents);
            var mine = built.toJSON();
            mine.index.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
            var different = Object.keys(mine).filter(function (k) { return JSON.stringify(mine[k]) !== JSON.stringify(data.index[k]); });
            document.getElementById('verdict').textContent = different.length === 0 ? 'identical' : 'different: ' + different.join(', ');
            </script></body></html>
            """);

        var (dom, console) = await Render(Path.Combine(check.Path, "check.html"));

        Assert.Contains("<pre id=\"verdict\">identical</pre>", dom);
        Assert.True(console.Length == 0, console);
    }

    [Fact]
    public void The_question_bank_lists_every_question_and_its_links_resolve()
    {
        var bank = NotebookQuestions.Read(course.Run.Notebooks);
        var html = File.ReadAllText(Path.Combine(course.Output, "site", QuestionBankPage.FileName));
        var markdown = File.ReadAllText(Path.Combine(course.Output, QuestionBankMarkdown.FileName));

        Assert.Equal(bank.Sum(e => e.Questions.Count), Regex.Count(html, "<li id=\"[^\"]+-q\\d+\">"));
        foreach (var entry in bank)
            foreach (var question in entry.Questions)
            {
                Assert.Contains($"<li id=\"{QuestionBankPage.QuestionAnchor(entry, question)}\">", html);
                Assert.Contains($"**Q{question.Number}.** {question.Chinese}", markdown);
                Assert.Contains($"*{question.English}*", markdown);
            }
        var pageLinks = Regex.Matches(html, "href=\"([^\"#]+\\.html#[^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var markdownLinks = Regex.Matches(markdown, @"\]\(site/([^)#]+\.html#[^)]+)\)").Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(pageLinks);
        Assert.Equal(pageLinks.Count, markdownLinks.Count);
        Assert.All(pageLinks.Concat(markdownLinks), link => Assert.True(LinkResolves(link), $"{link} names no id on its page"));
        Assert.Contains($"<a href=\"{QuestionBankPage.FileName}\"><strong>", File.ReadAllText(Path.Combine(course.Output, "site", "index.html")));
    }

    [Fact]
    public void Every_search_result_links_to_an_id_on_its_page()
    {
        var script = File.ReadAllLines(Path.Combine(course.Output, "site", SearchIndex.FileName))[1];
        var stored = JsonNode.Parse(script["window.MLCourseSearchIndex = ".Length..^1])!["index"]!["storedFields"]!.AsObject();
        var urls = stored.Select(p => (string)p.Value!["url"]!).ToList();

        Assert.Contains(urls, u => u.Contains('#'));
        Assert.All(urls, url => Assert.True(LinkResolves(url), $"{url} names no id on its page"));
    }

    private readonly Dictionary<string, HashSet<string>> _ids = [];

    /// <summary>True when <c>NAME.html#id</c> (or <c>NAME.html</c>) is a page of the site with that id.</summary>
    private bool LinkResolves(string link)
    {
        var (page, id) = link.IndexOf('#') is var hash and >= 0 ? (link[..hash], link[(hash + 1)..]) : (link, "");
        var file = Path.Combine(course.Output, "site", page);
        if (!File.Exists(file)) return false;
        if (!_ids.TryGetValue(page, out var ids))
            _ids[page] = ids = Regex.Matches(File.ReadAllText(file), " id=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet();
        return id.Length == 0 || ids.Contains(id);
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

    /// <summary>The DOM after load (JavaScript ran) and the console messages, with every host name unresolvable;
    /// with <paramref name="query"/>, the page is opened as <c>page.html?q=query</c> (the search box runs it).</summary>
    private static async Task<(string Dom, string Console)> Render(string file, string? query = null)
    {
        using var profile = new TemporaryDirectory();
        var start = new ProcessStartInfo(Chromium!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.Path}", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom",
            new Uri(file).AbsoluteUri + (query is null ? "" : "?q=" + Uri.EscapeDataString(query)),
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
