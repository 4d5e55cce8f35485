using System.Text.Json;

namespace CaseFy.Model.Templates;

/// <summary>One typed field of a template's cases: what it holds, its rules, who fills it and who sees it.</summary>
/// <param name="Key">The field's name in a case's <c>data</c>: 1-40 letters or digits, starting with a lowercase letter (<c>startDate</c>).</param>
/// <param name="Label">What people see.</param>
/// <param name="Type">What it holds.</param>
public sealed record FieldDefinition(string Key, string Label, FieldType Type)
{
    /// <summary>Whether every stage's exit criteria wait for it (a stage's <c>requiredFields</c> asks for it in one stage only).</summary>
    public bool Required { get; init; }

    /// <summary>The allowed values of a <c>choice</c> or <c>multiChoice</c> field.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>The smallest value: a number for <c>number</c>/<c>money</c>, a date or moment (string) for <c>date</c>/<c>dateTime</c>.</summary>
    public JsonElement? Min { get; init; }

    /// <summary>The largest value, like <see cref="Min"/>.</summary>
    public JsonElement? Max { get; init; }

    /// <summary>The longest text, at most the type's own limit (<see cref="FieldLimits.MaxLength"/>).</summary>
    public int? MaxLength { get; init; }

    /// <summary>A regular expression a text value must match (whole value), run without backtracking.</summary>
    public string? Pattern { get; init; }

    /// <summary>The ISO 4217 currency of a <c>money</c> field (<c>EUR</c>).</summary>
    public string? Currency { get; init; }

    /// <summary>A hint shown under the input.</summary>
    public string? Help { get; init; }

    /// <summary>Who may fill it.</summary>
    public FieldFiller FilledBy { get; init; } = FieldFiller.Team;

    /// <summary>Whether the outside party sees its value on the external page.</summary>
    public bool VisibleToExternal { get; init; }

    /// <summary>Whether its value stays inside CaseFy: events and webhooks carry only its key.</summary>
    public bool Sensitive { get; init; }

    /// <summary>Whether the case list may filter on it.</summary>
    public bool Filterable { get; init; }
}
