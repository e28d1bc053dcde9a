namespace MLCourse.Notebooks.Tests;

/// <summary>Paths inside the repository, found from the test binaries by walking up to <c>Course.sln</c>.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>The course notebooks, sorted: a new notebook is tested without editing any test.</summary>
    public static IReadOnlyList<string> NotebookNames =>
        Directory.GetFiles(Notebooks, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>A small notebook under this project's Fixtures folder (never under notebooks/).</summary>
    public static string Fixture(string name) => Path.Combine(Root, "tests", "MLCourse.Notebooks.Tests", "Fixtures", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"Course.sln not found above {AppContext.BaseDirectory}");
    }
}
