using System.Text.Json;
using System.Text.Json.Nodes;

namespace MLCourse.Notebooks.Tests;

/// <summary>The Codespaces definition parses and names what a course user needs.</summary>
public class DevContainerTests
{
    private static JsonObject DevContainer() => JsonNode.Parse(
        File.ReadAllText(Path.Combine(Repository.Root, ".devcontainer", "devcontainer.json")),
        documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();

    [Fact]
    public void Installs_the_dotnet_10_sdk()
    {
        var features = DevContainer()["features"]!.AsObject();
        var dotnet = features.Single(f => f.Key.StartsWith("ghcr.io/devcontainers/features/dotnet", StringComparison.Ordinal)).Value!;

        Assert.StartsWith("10.0", (string)dotnet["version"]!);
    }

    [Fact]
    public void Adds_the_polyglot_notebooks_and_jupyter_extensions()
    {
        var extensions = DevContainer()["customizations"]!["vscode"]!["extensions"]!.AsArray().Select(e => (string)e!).ToList();

        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions);
        Assert.Contains("ms-toolsai.jupyter", extensions);
    }

    [Fact]
    public void Builds_the_solution_after_creation()
    {
        Assert.Contains("dotnet build Course.sln", (string)DevContainer()["postCreateCommand"]!);
    }
}
