using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// Static rules every course notebook follows (see DEVELOPERS.md "How a notebook is built"): committed clean, valid
/// Polyglot metadata, pinned package versions equal to Directory.Packages.props, no machine paths, seeded randomness,
/// short cells, the course skeleton, and navigation links to its actual neighbours.
/// </summary>
public partial class NotebookLintTests
{
    /// <summary>The longest code cell allowed: reusable code belongs in lib/MLCourse.</summary>
    private const int MaxCodeCellLines = 20;

    public static TheoryData<string> Notebooks => new(Repository.NotebookNames);

    private static JsonObject Read(string notebook) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Notebooks, notebook)))!.AsObject();

    private static IEnumerable<(int Number, string Type, string Source, JsonObject Cell)> Cells(JsonObject notebook) =>
        notebook["cells"]!.AsArray().Select((c, i) => (i + 1, (string)c!["cell_type"]!, Source(c), c.AsObject()));

    private static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string)l!)),
        JsonValue text => (string)text!,
        _ => "",
    };

    private static List<string> Code(JsonObject notebook) => Cells(notebook).Where(c => c.Type == "code").Select(c => c.Source).ToList();

    private static string Markdown(JsonObject notebook) =>
        string.Join("\n", Cells(notebook).Where(c => c.Type == "markdown").Select(c => c.Source));

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Is_committed_without_outputs_or_execution_counts(string notebook)
    {
        var dirty = Cells(Read(notebook))
            .Where(c => c.Type == "code" && ((c.Cell["outputs"] as JsonArray)?.Count > 0 || c.Cell["execution_count"] is not null))
            .Select(c => c.Number).ToList();

        Assert.True(dirty.Count == 0, $"{notebook}: cells {string.Join(", ", dirty)} have outputs or an execution count; commit notebooks clean (the runner writes executed copies).");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Has_polyglot_csharp_metadata(string notebook)
    {
        var json = Read(notebook);
        var metadata = json["metadata"]!;

        Assert.Equal(".net-csharp", (string?)metadata["kernelspec"]?["name"]);
        Assert.Equal("csharp", (string?)metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
        Assert.Contains("csharp", metadata["polyglot_notebook"]!["kernelInfo"]!["items"]!.AsArray().Select(i => (string?)i!["name"]));
        Assert.Equal(4, (int)json["nbformat"]!);
        foreach (var cell in Cells(json).Where(c => c.Type == "code"))
            Assert.True((string?)cell.Cell["metadata"]?["polyglot_notebook"]?["kernelName"] == "csharp",
                $"{notebook}, cell {cell.Number}: metadata.polyglot_notebook.kernelName must be \"csharp\"");
        Assert.All(Cells(json), c => Assert.Contains(c.Type, new[] { "markdown", "code" }));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Pins_every_package_to_the_central_version(string notebook)
    {
        var central = CentralPackageVersions();
        var references = Code(Read(notebook)).SelectMany(c => NugetReference().Matches(c)).ToList();

        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            var (name, version) = (reference.Groups["name"].Value.Trim(), reference.Groups["version"].Value.Trim());
            Assert.True(version.Length > 0, $"{notebook}: #r \"nuget: {name}\" has no version; pin it to Directory.Packages.props");
            Assert.True(central.TryGetValue(name, out var expected), $"{notebook}: {name} is not in Directory.Packages.props");
            Assert.True(expected == version, $"{notebook}: {name} is pinned to {version} but Directory.Packages.props has {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Loads_the_packages_and_the_library_in_its_first_code_cell(string notebook)
    {
        var setup = Code(Read(notebook)).First();

        foreach (var package in new[] { "MathNet.Numerics", "ScottPlot", "XPlot.Plotly", "Microsoft.Data.Analysis" })
            Assert.True(Regex.IsMatch(setup, $@"#r\s+""nuget:\s*{Regex.Escape(package)}\s*,"), $"{notebook}: the first code cell must load {package} (the library's formatters need it)");
        Assert.Contains("#r \"../lib/MLCourse/bin/MLCourse.dll\"", setup);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Has_no_absolute_paths_and_no_unseeded_randomness(string notebook)
    {
        foreach (var cell in Cells(Read(notebook)))
        {
            Assert.False(AbsolutePath().IsMatch(cell.Source), $"{notebook}, cell {cell.Number}: absolute path '{AbsolutePath().Match(cell.Source).Value}'");
            if (cell.Type == "code")
                Assert.False(UnseededRandom().IsMatch(cell.Source), $"{notebook}, cell {cell.Number}: unseeded randomness; use MLCourse.Numerics.Rng.Create(seed)");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Keeps_code_cells_short(string notebook)
    {
        foreach (var cell in Cells(Read(notebook)).Where(c => c.Type == "code"))
        {
            var lines = cell.Source.TrimEnd().Split('\n').Length;
            Assert.True(lines <= MaxCodeCellLines, $"{notebook}, cell {cell.Number}: {lines} lines (at most {MaxCodeCellLines}); move reusable code into lib/MLCourse");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Is_named_NN_kebab_case_and_listed_in_the_README(string notebook)
    {
        Assert.Matches(@"^\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$", notebook);
        Assert.Contains($"(notebooks/{notebook})", File.ReadAllText(Path.Combine(Repository.Root, "README.md")));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Follows_the_course_skeleton(string notebook)
    {
        var json = Read(notebook);
        var markdown = Markdown(json);
        var code = string.Join("\n", Code(json));
        var first = Cells(json).First();

        Assert.True(first.Type == "markdown" && first.Source.StartsWith("# "), $"{notebook}: the first cell is the H1 title");
        Assert.True(Regex.IsMatch(markdown, @"^>.*\p{IsCJKUnifiedIdeographs}", RegexOptions.Multiline), $"{notebook}: quote the interview question in the original Chinese");
        foreach (var section in new[] { "You will learn", "## Interview answer", "## What the notes got wrong", "## Exercises" })
            Assert.True(markdown.Contains(section, StringComparison.Ordinal), $"{notebook}: missing the section \"{section}\"");
        Assert.True(code.Contains("Check."), $"{notebook}: no Check cell");
        Assert.True(Regex.IsMatch(code, @"Plots\.|new\s+(ScottPlot\.)?Plot\(|Chart\."), $"{notebook}: no plot");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Ends_with_links_to_its_neighbours(string notebook)
    {
        var names = Repository.NotebookNames;
        var index = names.ToList().IndexOf(notebook);
        var last = Cells(Read(notebook)).Last();

        Assert.Equal("markdown", last.Type);
        Assert.Contains("**Previous:**", last.Source);
        Assert.Contains("**Next:**", last.Source);
        Assert.Contains("(../README.md)", last.Source);
        var linked = Regex.Matches(last.Source, @"\]\((?<target>[^)]+\.ipynb)\)").Select(m => m.Groups["target"].Value).ToList();
        var expected = new[] { index > 0 ? names[index - 1] : null, index < names.Count - 1 ? names[index + 1] : null }.OfType<string>().ToList();
        Assert.True(expected.SequenceEqual(linked), $"{notebook}: the last cell links to [{string.Join(", ", linked)}] but the neighbouring notebooks are [{string.Join(", ", expected)}]");
    }

    /// <summary>PackageVersion items of Directory.Packages.props, with $(Property) references resolved.</summary>
    internal static Dictionary<string, string> CentralPackageVersions()
    {
        var props = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props"));
        var properties = props.Descendants("PropertyGroup").Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
        return props.Descendants("PackageVersion").ToDictionary(
            e => (string)e.Attribute("Include")!,
            e => Regex.Replace((string)e.Attribute("Version")!, @"\$\((\w+)\)", m => properties[m.Groups[1].Value]));
    }

    [GeneratedRegex(@"#r\s+""nuget:\s*(?<name>[^,""]+)(,\s*(?<version>[^""]*))?""")]
    private static partial Regex NugetReference();

    [GeneratedRegex(@"(?<![\w.~])/(home|root|tmp|Users|usr|opt|var|mnt|work|workspaces)/|\b[A-Za-z]:\\|#r\s+""/")]
    private static partial Regex AbsolutePath();

    [GeneratedRegex(@"new\s+(System\.)?Random\(\s*\)|Random\.Shared|new\s+MersenneTwister\(\s*\)|Guid\.NewGuid|DateTime\.Now")]
    private static partial Regex UnseededRandom();
}
