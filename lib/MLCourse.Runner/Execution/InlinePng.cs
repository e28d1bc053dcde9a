using System.Text.RegularExpressions;

namespace MLCourse.Runner.Execution;

/// <summary>
/// Recognises the way notebooks display a plot live (HTML that is nothing but one <c>&lt;img&gt;</c> with a base64 PNG
/// data URI, which every notebook front-end renders), so that saved notebooks and the site can store the image itself.
/// </summary>
internal static partial class InlinePng
{
    /// <summary>The base64 PNG when <paramref name="data"/>'s <c>text/html</c> is a single inline PNG image; otherwise null.</summary>
    public static string? Base64(IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.TryGetValue("text/html", out var html) && Image().Match(html) is { Success: true } png ? png.Groups["data"].Value : null;
    }

    [GeneratedRegex("""^\s*<img src="data:image/png;base64,(?<data>[A-Za-z0-9+/=]+)"[^>]*/?>\s*$""")]
    private static partial Regex Image();
}
