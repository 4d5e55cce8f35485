using System.Text.Json;
using CaseFy.Model.Templates;

namespace CaseFy.Application.Intake;

/// <summary>One input of the public intake form: what the template says of the field, nothing of any case.</summary>
public sealed record IntakeField(string Key, string Label, FieldType Type, bool Required)
{
    public string? Help { get; init; }

    public IReadOnlyList<string>? Options { get; init; }

    public JsonElement? Min { get; init; }

    public JsonElement? Max { get; init; }

    public int? MaxLength { get; init; }

    public string? Pattern { get; init; }

    public string? Currency { get; init; }

    public static IntakeField Of(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new(field.Key, field.Label, field.Type, field.Required)
        {
            Help = field.Help,
            Options = field.Options,
            Min = field.Min,
            Max = field.Max,
            MaxLength = field.MaxLength,
            Pattern = field.Pattern,
            Currency = field.Currency,
        };
    }
}
