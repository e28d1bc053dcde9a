using System.Text.Json.Nodes;

namespace MLCourse.Tests.Transformers;

/// <summary>The cases of Golden/transformer_parameters.json, which holds several kinds of case (model, ffn, lora, …).</summary>
internal static class TransformerGolden
{
    public const string File = "transformer_parameters.json";

    /// <summary>The cases whose "kind" is <paramref name="kind"/>.</summary>
    public static IEnumerable<JsonObject> OfKind(string kind) => GoldenData.OfKind(File, kind);

    /// <summary>The case called <paramref name="name"/>.</summary>
    public static JsonObject Case(string name) => GoldenData.Case(File, name);

    /// <summary>xUnit member data: the names of the cases of one kind.</summary>
    public static TheoryData<string> Names(string kind) => GoldenData.Names(File, kind);
}
