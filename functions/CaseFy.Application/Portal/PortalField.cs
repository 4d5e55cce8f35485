using System.Text.Json;
using CaseFy.Model.Templates;

namespace CaseFy.Application.Portal;

/// <summary>A field the current stage asks of the outside party: what their form needs to ask for it and check it.</summary>
/// <param name="Key">The field key (the JSON path of an error is <c>$.{key}</c>).</param>
/// <param name="Label">What the form shows.</param>
/// <param name="Type">The input to show.</param>
public sealed record PortalField(string Key, string Label, FieldType Type)
{
    public string? Help { get; init; }

    /// <summary>Whether the stage cannot be left without it.</summary>
    public bool Required { get; init; }

    public IReadOnlyList<string>? Options { get; init; }

    public JsonElement? Min { get; init; }

    public JsonElement? Max { get; init; }

    public int? MaxLength { get; init; }

    public string? Pattern { get; init; }

    public string? Currency { get; init; }
}
