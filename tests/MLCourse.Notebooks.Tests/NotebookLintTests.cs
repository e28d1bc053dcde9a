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
        Assert.True(setup.Split('\n').Any(l => l.Trim() == "MLCourse.Notebook.Course.Info()"),
            $"{notebook}: the first code cell must end with the line MLCourse.Notebook.Course.Info() (the student edition replaces it by Course.StudentEdition())");
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

    /// <summary>Check methods whose first two arguments are the compared values; True and False compare their first.</summary>
    private static readonly HashSet<string> Comparisons = ["Close", "RelativeClose", "Equal", "Less", "LessOrEqual", "Greater", "GreaterOrEqual"];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_check_can_fail(string notebook)
    {
        var problems = new List<string>();
        foreach (var cell in Cells(Read(notebook)).Where(c => c.Type == "code"))
            foreach (var call in CSharpCalls.Of("Check", cell.Source))
            {
                var compared = Comparisons.Contains(call.Method) ? call.Arguments.Take(2).ToList()
                    : call.Method is "True" or "False" ? call.Arguments.Take(1).ToList() : [];
                if (compared.Count == 0 || (Comparisons.Contains(call.Method) && compared.Count < 2)) continue;
                var where = $"{notebook}, cell {cell.Number}, line {call.Line}: Check.{call.Method}({string.Join(", ", compared)}, …)";
                if (compared.All(CSharpCalls.IsLiteral))
                    problems.Add($"{where} compares literals: it cannot fail. Compute the value, or display it instead of checking it.");
                else if (call.Method is "Close" or "RelativeClose" or "Equal" && CSharpCalls.Normalised(compared[0]) == CSharpCalls.Normalised(compared[1]))
                    problems.Add($"{where} compares an expression with itself: it cannot fail.");
            }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The cells of the "## Exercises" section: from its heading to the next "## " heading or the end.</summary>
    private static List<(int Number, string Type, string Source, JsonObject Cell)> ExerciseCells(JsonObject notebook)
    {
        var cells = Cells(notebook).ToList();
        var start = cells.FindIndex(c => c.Type == "markdown" && Regex.IsMatch(c.Source, @"^## Exercises\s*$", RegexOptions.Multiline));
        if (start < 0) return [];
        var end = cells.FindIndex(start + 1, c => c.Type == "markdown" && Regex.IsMatch(c.Source, @"^## ", RegexOptions.Multiline));
        return cells.GetRange(start, (end < 0 ? cells.Count : end) - start);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Exercise_cells_mark_their_solutions_and_grade_with_Exercise_Check(string notebook)
    {
        var json = Read(notebook);
        var exercises = ExerciseCells(json);
        var inExercises = exercises.Select(c => c.Number).ToHashSet();
        var number = notebook[..2];
        var ids = new List<string>();
        var problems = new List<string>();
        foreach (var cell in Cells(json))
        {
            var (begin, end) = cell.Type == "code" ? ("// BEGIN SOLUTION", "// END SOLUTION") : ("<!-- BEGIN SOLUTION -->", "<!-- END SOLUTION -->");
            var where = $"{notebook}, cell {cell.Number}";
            var lines = cell.Source.Split('\n').Select(l => l.Trim()).ToList();
            var markers = lines.Select((l, i) => (Line: l, Index: i))
                .Where(l => (l.Line.StartsWith("//") || l.Line.StartsWith("<!--")) && (l.Line.Contains("BEGIN SOLUTION") || l.Line.Contains("END SOLUTION"))).ToList();
            if (markers.Count > 0 && !inExercises.Contains(cell.Number))
                problems.Add($"{where}: solution markers outside the ## Exercises section (the student edition would remove this code)");
            for (var k = 0; k < markers.Count; k++)
                if (markers[k].Line != (k % 2 == 0 ? begin : end))
                    problems.Add($"{where}, line {markers[k].Index + 1}: expected \"{(k % 2 == 0 ? begin : end)}\" on a line of its own, found \"{markers[k].Line}\" (markers must alternate BEGIN, END)");
            if (markers.Count % 2 == 1)
                problems.Add($"{where}: \"{begin}\" without a matching \"{end}\"");
            if (cell.Type != "code" || !inExercises.Contains(cell.Number)) continue;
            if (markers.Count == 0)
                problems.Add($"{where}: an exercise cell without \"{begin}\" … \"{end}\" markers");
            var calls = CSharpCalls.Of("Exercise", cell.Source).Where(c => c.Method == "Check").ToList();
            if (calls.Count == 0)
                problems.Add($"{where}: an exercise cell that does not grade its answer with Exercise.Check");
            foreach (var call in calls)
            {
                var inside = markers.Chunk(2).Any(pair => pair.Length == 2 && call.Line > pair[0].Index + 1 && call.Line < pair[1].Index + 1);
                if (inside) problems.Add($"{where}, line {call.Line}: Exercise.Check inside a solution region (the student edition would remove it)");
                var id = Regex.Match(call.Arguments.FirstOrDefault() ?? "", @"^""(?<id>[^""]*)""$").Groups["id"].Value;
                if (!Regex.IsMatch(id, $@"^{number}\.\d+[a-z]?$"))
                    problems.Add($"{where}, line {call.Line}: the exercise id must be a literal \"{number}.k\" (this notebook's number), got {call.Arguments.FirstOrDefault()}");
                ids.Add(id);
            }
        }
        problems.AddRange(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => $"{notebook}: exercise id \"{g.Key}\" is graded {g.Count()} times"));
        if (exercises.Count > 0 && ids.Count == 0) problems.Add($"{notebook}: the ## Exercises section has no graded exercise");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_answer_key_holds_exactly_the_exercises_graded_against_it(string notebook)
    {
        var number = notebook[..2];
        var keyed = Cells(Read(notebook)).Where(c => c.Type == "code")
            .SelectMany(c => CSharpCalls.Of("Exercise", c.Source)).Where(c => c.Method == "Check" && c.Arguments.Count == 3)
            .Select(c => c.Arguments[0].Trim('"')[(number.Length + 1)..]).Order(StringComparer.Ordinal).ToList();
        var file = Path.Combine(Repository.Root, "lib", "MLCourse", "Notebook", "AnswerKey", $"{number}.json");
        if (!File.Exists(file))
        {
            Assert.True(keyed.Count == 0, $"{notebook}: exercises {string.Join(", ", keyed)} are graded against the answer key, but {file} does not exist");
            return;
        }
        var key = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var entries = key["answers"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(notebook, (string?)key["notebook"]);
        Assert.True(keyed.SequenceEqual(entries),
            $"{notebook}: graded against the key: [{string.Join(", ", keyed)}]; {Path.GetFileName(file)} holds [{string.Join(", ", entries)}]");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_interview_answer_has_a_Chinese_version(string notebook)
    {
        var markdown = Markdown(Read(notebook));
        var section = Regex.Match(markdown, @"^## Interview answer\s*$(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(section.Success, $"{notebook}: no \"## Interview answer\" section");
        var parts = Regex.Split(section.Groups["body"].Value, @"^### 中文回答\s*$", RegexOptions.Multiline);

        Assert.True(parts.Length == 2, $"{notebook}: the interview answer needs exactly one \"### 中文回答\" heading with the Chinese version under it");
        Assert.True(parts[0].Trim().Length > 200, $"{notebook}: the English interview answer comes first, above \"### 中文回答\"");
        var chinese = Regex.Split(parts[1], @"^#{1,3} ", RegexOptions.Multiline)[0];
        var characters = Regex.Matches(chinese, @"\p{IsCJKUnifiedIdeographs}").Count;
        Assert.True(characters >= 150, $"{notebook}: the Chinese interview answer has {characters} Chinese characters; say the whole answer in Chinese (at least 150)");
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
