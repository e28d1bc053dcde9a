using System.Text.Json.Serialization;

namespace MLCourse.Runner.Notebooks;

/// <summary>One output of a code cell, in Jupyter's four kinds. Serialisable: workers send results to the runner as JSON.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StreamOutput), "stream")]
[JsonDerivedType(typeof(DisplayOutput), "display")]
[JsonDerivedType(typeof(ErrorOutput), "error")]
public abstract record CellOutput;

/// <summary>Text written to stdout or stderr (Jupyter <c>stream</c>).</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text written.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A displayed value (Jupyter <c>display_data</c>), or the cell's value (<c>execute_result</c>) when <paramref name="IsResult"/>.</summary>
/// <param name="Data">The value formatted per MIME type (e.g. <c>text/html</c>, <c>text/plain</c>, <c>image/png</c> as base64).</param>
/// <param name="IsResult">True for the value of the cell's last expression.</param>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, bool IsResult) : CellOutput;

/// <summary>The error that stopped the cell (Jupyter <c>error</c>).</summary>
/// <param name="Name">The exception type, or <c>CompilationError</c>.</param>
/// <param name="Value">The message.</param>
/// <param name="Traceback">Diagnostics or stack trace lines.</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
