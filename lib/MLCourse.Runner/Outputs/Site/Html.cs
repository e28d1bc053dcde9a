namespace MLCourse.Runner.Outputs.Site;

/// <summary>HTML text escaping for the site: only the characters that are special in HTML, so text stays readable.</summary>
internal static class Html
{
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
