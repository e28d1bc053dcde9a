namespace MLCourse.Tests.Golden;

/// <summary>Every committed reference file has the script that generated it beside it, and every script its output.</summary>
public class GoldenFilesTests
{
    private static readonly string Folder = Path.Combine(FindRoot(), "tests", "MLCourse.Tests", "Golden");

    [Fact]
    public void Every_json_file_has_its_generator_and_every_generator_its_json()
    {
        var json = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        var scripts = Directory.GetFiles(Folder, "*.py").Select(Path.GetFileNameWithoutExtension).Where(s => s != "golden").Order().ToList();

        Assert.NotEmpty(json);
        Assert.Equal(scripts, json);
    }

    [Fact]
    public void Every_json_file_names_its_generator()
    {
        foreach (var file in Directory.GetFiles(Folder, "*.json"))
            Assert.Contains($"\"generator\": \"{Path.GetFileNameWithoutExtension(file)}.py\"", File.ReadAllText(file));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln"))) return dir.FullName;
        throw new InvalidOperationException("Course.sln not found");
    }
}
