using System.Text.Json.Serialization;

namespace CaseFy.Model.Templates;

/// <summary>A stored, immutable version of a process definition; cases run on the version they started with.</summary>
public sealed record CaseTemplate
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The case number prefix (<c>ONB</c> → <c>ONB-0042</c>), unique among templates; without one, cases have no number.</summary>
    public string? Prefix { get; init; }

    public required IReadOnlyList<StageDefinition> Stages { get; init; }

    /// <summary>The typed fields of its cases' <c>data</c>; a case keeps the fields of the version it runs on.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];

    /// <summary>The keys of the fields a board card and a list row show, in order (at most <see cref="FieldLimits.MaxCardFields"/>).</summary>
    public IReadOnlyList<string> CardFields { get; init; } = [];

    /// <summary>The public intake form, when the template has one (off by default).</summary>
    /// <remarks>Left out of the JSON when absent, so templates stored before intake existed keep their exact stored form.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IntakeDefinition? Intake { get; init; }

    /// <summary>The reminder lead times for tasks and SLAs, when the template sets them.</summary>
    /// <remarks>Left out of the JSON when absent, so templates stored before reminders existed keep their exact stored form.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReminderSettings? Reminders { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required Actor CreatedBy { get; init; }
}
