using System.Text.Json;
using CaseFy.Model.Templates;

namespace CaseFy.Application.Portal;

/// <summary>
/// A field asked of the outside party (by the current stage, or by the public intake form): what their form needs to ask
/// for it and check it.
/// </summary>
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

    /// <summary>The form input of a template field.</summary>
    public static PortalField Of(FieldDefinition field, bool required)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new(field.Key, field.Label, field.Type)
        {
            Help = field.Help,
            Required = required,
            Options = field.Options,
            Min = field.Min,
            Max = field.Max,
            MaxLength = field.MaxLength,
            Pattern = field.Pattern,
            Currency = field.Currency,
        };
    }
}
