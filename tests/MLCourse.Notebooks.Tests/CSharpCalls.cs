using System.Text;
using System.Text.RegularExpressions;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// Finds calls such as <c>Check.Close(a, b, 1e-9, "claim")</c> in a code cell and splits their arguments at top-level
/// commas, skipping strings (regular, verbatim, interpolated, raw), character literals and comments, so the lint can
/// look at what a check compares.
/// </summary>
internal static partial class CSharpCalls
{
    /// <summary>A call found in <c>source</c>: the method name, its top-level arguments (trimmed) and its 1-based line.</summary>
    public sealed record Call(string Method, IReadOnlyList<string> Arguments, int Line);

    /// <summary>Every call of <c><paramref name="type"/>.Method(…)</c> in <paramref name="source"/>, comments and strings ignored.</summary>
    public static IEnumerable<Call> Of(string type, string source)
    {
        var code = Blank(source);
        foreach (Match match in Regex.Matches(code, $@"(?<![\w.]){Regex.Escape(type)}\.(?<method>\w+)\s*(<[^()]*?>)?\s*\("))
        {
            var open = match.Index + match.Length - 1;
            if (Arguments(source, code, open) is { } arguments)
                yield return new Call(match.Groups["method"].Value, arguments, LineOf(source, match.Index));
        }
    }

    /// <summary>True when <paramref name="expression"/> is a numeric or boolean literal or arithmetic on literals only
    /// (digits, operators, parentheses, casts and <c>Math.*</c> functions and constants): a value the cell types in.</summary>
    public static bool IsLiteral(string expression)
    {
        var e = Regex.Replace(expression, @"\s+", "");
        if (e.Length == 0) return false;
        if (e is "true" or "false") return true;
        e = Regex.Replace(e, @"\((double|int|long|float)\)", "");
        e = Regex.Replace(e, @"Math\.(PI|E|Tau)\b", "1");
        e = Regex.Replace(e, @"Math\.\w+\(", "(");
        e = Regex.Replace(e, @"(?<![\w.])(\d[\d_]*\.?[\d_]*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)[dDfFmMlLuU]*(?![\w.])", "1");
        return Regex.IsMatch(e, @"^[1+\-*/%(),]+$") && e.Contains('1');
    }

    /// <summary>The expression without whitespace, for "the same expression on both sides".</summary>
    public static string Normalised(string expression) => Regex.Replace(expression, @"\s+", "");

    private static int LineOf(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    /// <summary>Splits the arguments of the call whose '(' is at <paramref name="open"/>; null when unbalanced.</summary>
    private static List<string>? Arguments(string source, string blanked, int open)
    {
        var arguments = new List<string>();
        var depth = 0;
        var start = open + 1;
        for (var i = open; i < blanked.Length; i++)
        {
            var c = blanked[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0)
                {
                    var last = source[start..i].Trim();
                    if (last.Length > 0 || arguments.Count > 0) arguments.Add(last);
                    return arguments;
                }
            }
            else if (c == ',' && depth == 1)
            {
                arguments.Add(source[start..i].Trim());
                start = i + 1;
            }
        }
        return null;
    }

    /// <summary>
    /// The source with the insides of strings, characters and comments replaced by spaces (same length, same lines), so
    /// that brackets and commas in them do not count. Interpolation holes <c>{…}</c> are blanked too: they never hold a
    /// top-level comma of the call.
    /// </summary>
    private static string Blank(string source)
    {
        var s = new StringBuilder(source);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '/')
            {
                while (i < s.Length && s[i] != '\n') s[i++] = ' ';
            }
            else if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                while (i < s.Length && !(s[i] == '*' && i + 1 < s.Length && s[i + 1] == '/')) Space(s, i++);
                if (i < s.Length) { s[i++] = ' '; s[i++] = ' '; }
            }
            else if (c == '"' && i + 2 < s.Length && s[i + 1] == '"' && s[i + 2] == '"')
            {
                var end = source.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                end = end < 0 ? s.Length : end + 3;
                for (var j = i + 1; j < end - 1 && j < s.Length; j++) Space(s, j);
                i = end;
            }
            else if (c == '"')
            {
                var verbatim = i > 0 && (s[i - 1] == '@' || (s[i - 1] == '$' && i > 1 && s[i - 2] == '@'));
                i++;
                while (i < s.Length)
                {
                    if (!verbatim && s[i] == '\\') { Space(s, i++); if (i < s.Length) Space(s, i++); continue; }
                    if (s[i] == '"')
                    {
                        if (verbatim && i + 1 < s.Length && s[i + 1] == '"') { Space(s, i++); Space(s, i++); continue; }
                        i++;
                        break;
                    }
                    Space(s, i++);
                }
            }
            else if (c == '\'' && i + 2 < s.Length)
            {
                var end = s[i + 1] == '\\' ? source.IndexOf('\'', i + 3) : i + 2;
                if (end > 0 && end < s.Length && s[end] == '\'')
                {
                    for (var j = i + 1; j < end; j++) Space(s, j);
                    i = end + 1;
                }
                else i++;
            }
            else i++;
        }
        return s.ToString();
    }

    private static void Space(StringBuilder s, int i)
    {
        if (s[i] != '\n') s[i] = ' ';
    }
}
