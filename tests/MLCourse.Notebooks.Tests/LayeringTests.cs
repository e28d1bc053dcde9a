using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;

namespace MLCourse.Notebooks.Tests;

/// <summary>
/// The runner's folders are layers that depend one way: the model (<c>Notebooks/</c>) depends on nothing else in the
/// runner; <c>Execution/</c> and <c>Outputs/</c> on the model only; <c>Workers/</c> on Execution and the model;
/// <c>Runs/</c> on Workers, Outputs and the model; <c>Cli/</c> on everything. Checked on the compiled runner, from every
/// type it references (signatures, attributes and method bodies), so a fully qualified name cannot slip past; and
/// every file's namespace is its folder, so a type's namespace says which folder (layer) it lives in.
/// </summary>
public partial class LayeringTests
{
    private const string Root = "MLCourse.Runner";

    /// <summary>Each layer and the layers it may use (besides itself).</summary>
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Notebooks"] = [],
        ["Execution"] = ["Notebooks"],
        ["Workers"] = ["Execution", "Notebooks"],
        ["Outputs"] = ["Notebooks"],
        ["Runs"] = ["Workers", "Outputs", "Notebooks"],
        ["Cli"] = ["Runs", "Workers", "Outputs", "Notebooks"],
    };

    private static readonly Assembly RunnerAssembly = typeof(RunOptions).Assembly;

    private static string RunnerFolder => Path.Combine(Repository.Root, "lib", Root);

    public static TheoryData<string> Layers => new(MayUse.Keys);

    [Fact]
    public void Every_folder_is_a_declared_layer_and_no_code_sits_at_the_root()
    {
        var folders = Directory.GetDirectories(RunnerFolder).Select(Path.GetFileName)
            .Where(f => f is not ("bin" or "obj") && Directory.EnumerateFiles(Path.Combine(RunnerFolder, f!), "*.cs", SearchOption.AllDirectories).Any())
            .ToList();

        Assert.Empty(Directory.GetFiles(RunnerFolder, "*.cs"));
        Assert.All(folders, f => Assert.True(MayUse.ContainsKey(f!), $"lib/{Root}/{f}/ is not a declared layer: add it to {nameof(LayeringTests)}.{nameof(MayUse)} with the layers it may use"));
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Each_file_declares_its_folder_as_namespace(string layer)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RunnerFolder, layer), "*.cs", SearchOption.AllDirectories))
        {
            var folder = Path.GetRelativePath(RunnerFolder, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '.');
            var declared = FileScopedNamespace().Match(File.ReadAllText(file));
            if (!declared.Success && layer == "Cli" && Path.GetFileName(file) == "Program.cs") continue;   // top-level statements
            Assert.True(declared.Success && declared.Groups["name"].Value == $"{Root}.{folder}",
                $"{Path.GetRelativePath(Repository.Root, file)}: declares namespace {(declared.Success ? declared.Groups["name"].Value : "(none)")}, expected {Root}.{folder}");
        }
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_layer_uses_no_layer_above_it(string layer)
    {
        var allowed = MayUse[layer].Append(layer).ToHashSet();
        var violations = RunnerAssembly.GetTypes()
            .Where(t => LayerOf(t) == layer)
            .SelectMany(t => ReferencedTypes(t).Select(r => (From: t, To: r)))
            .Where(r => LayerOf(r.To) is { } to && !allowed.Contains(to))
            .Select(r => $"{Outermost(r.From).FullName} ({layer}) uses {Outermost(r.To).FullName} ({LayerOf(r.To)})")
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(violations.Count == 0, $"{layer} may use only {(MayUse[layer].Length == 0 ? "itself" : string.Join(", ", MayUse[layer]))}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    [Fact]
    public void The_check_sees_references_from_method_bodies()
    {
        // The worker host calls the executor only inside its (async) method: a scan of signatures alone would miss it.
        var host = RunnerAssembly.GetTypes().Where(t => Outermost(t) == typeof(MLCourse.Runner.Workers.WorkerHost)).SelectMany(ReferencedTypes);

        Assert.Contains(host, t => t.FullName == "MLCourse.Runner.Execution.NotebookExecutor");
    }

    /// <summary>The layer of a runner type: the first namespace part after MLCourse.Runner (the top-level program is the CLI); null outside the runner's layers.</summary>
    private static string? LayerOf(Type type)
    {
        if (type.Assembly != RunnerAssembly) return null;
        var outer = Outermost(type);
        if (outer.Namespace is null) return outer.Name == "Program" ? "Cli" : null;   // Program.cs's top-level statements; compiler-generated helpers (<>z__…)
        return outer.Namespace.StartsWith(Root + ".", StringComparison.Ordinal) ? outer.Namespace[(Root.Length + 1)..].Split('.')[0] : null;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every type <paramref name="type"/> mentions: base type, interfaces, members' signatures, attributes, and the types, fields and methods its method bodies use.</summary>
    private static HashSet<Type> ReferencedTypes(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null) return;
            if (t.HasElementType) Add(t.GetElementType());
            else if (t.IsGenericType && !t.IsGenericTypeDefinition) { Add(t.GetGenericTypeDefinition()); foreach (var a in t.GetGenericArguments()) Add(a); }
            else if (!t.IsGenericParameter) found.Add(t);
        }
        void Attributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var a in attributes)
            {
                Add(a.AttributeType);
                foreach (var argument in a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue)))
                    if (argument.Value is Type t) Add(t);
            }
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        Attributes(type.GetCustomAttributesData());
        foreach (var field in type.GetFields(Declared)) { Add(field.FieldType); Attributes(field.GetCustomAttributesData()); }
        foreach (var property in type.GetProperties(Declared)) { Add(property.PropertyType); Attributes(property.GetCustomAttributesData()); }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo m) Add(m.ReturnType);
            Attributes(method.GetCustomAttributesData());
            foreach (var parameter in method.GetParameters()) { Add(parameter.ParameterType); Attributes(parameter.GetCustomAttributesData()); }
            foreach (var member in BodyReferences(method))
                if (member is Type t) Add(t);
                else { Add(member.DeclaringType); if (member is FieldInfo f) Add(f.FieldType); }
        }
        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The types, fields and methods a method body's instructions refer to (by metadata token).</summary>
    private static IEnumerable<MemberInfo> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArguments = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = OpCodesByValue[il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i]];
            i += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    var member = Resolve(method.Module, BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                    if (member is not null) yield return member;
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineSig or OperandType.InlineString or OperandType.ShortInlineR:
                    i += 4;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
            }
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null;   // a token of a generic context the scan does not reproduce; its declaring type is seen elsewhere
        }
    }

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();
}
