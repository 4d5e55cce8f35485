using System.Text.Json;

namespace CaseFy.Model.Templates;

/// <summary>What a team submits to create or update a template; every field is checked by <see cref="TemplateRules"/>.</summary>
public sealed record TemplateDraft(string? Name, string? Description, IReadOnlyList<StageDraft?>? Stages)
{
    public IReadOnlyList<FieldDraft?>? Fields { get; init; }

    public IReadOnlyList<string?>? CardFields { get; init; }

    public string? Prefix { get; init; }

    public IntakeDraft? Intake { get; init; }

    public RemindersDraft? Reminders { get; init; }
}

/// <summary>A template's reminder lead times as submitted (see <see cref="ReminderSettings"/>).</summary>
public sealed record RemindersDraft(double? TaskLeadHours, double? SlaLeadHours);

/// <summary>A template's public intake form as submitted (see <see cref="IntakeDefinition"/>).</summary>
public sealed record IntakeDraft(bool? Enabled, string? Slug, IReadOnlyList<string?>? Fields)
{
    public IReadOnlyList<string?>? AllowedEmailDomains { get; init; }
}

/// <summary>A stage as submitted, before validation (see <see cref="StageDefinition"/> for the meaning of each field).</summary>
public sealed record StageDraft(string? Key, string? Name)
{
    public IReadOnlyList<DocumentDraft?>? Documents { get; init; }

    public IReadOnlyList<TaskDraft?>? Tasks { get; init; }

    public DecisionDraft? Decision { get; init; }

    public IReadOnlyList<AutomationDraft?>? OnEnter { get; init; }

    public IReadOnlyList<AutomationDraft?>? OnExit { get; init; }

    public double? SlaHours { get; init; }

    public BreachDraft? OnBreach { get; init; }

    public AdvanceMode? Advance { get; init; }

    public IReadOnlyList<string?>? RequiredFields { get; init; }

    public IReadOnlyList<string?>? ExternalFields { get; init; }
}

/// <summary>A case field as submitted (see <see cref="FieldDefinition"/>).</summary>
public sealed record FieldDraft(string? Key, string? Label, FieldType? Type)
{
    public bool? Required { get; init; }

    public IReadOnlyList<string?>? Options { get; init; }

    public JsonElement? Min { get; init; }

    public JsonElement? Max { get; init; }

    public int? MaxLength { get; init; }

    public string? Pattern { get; init; }

    public string? Currency { get; init; }

    public string? Help { get; init; }

    public FieldFiller? FilledBy { get; init; }

    public bool? VisibleToExternal { get; init; }

    public bool? Sensitive { get; init; }

    public bool? Filterable { get; init; }
}

/// <summary>A required document as submitted.</summary>
public sealed record DocumentDraft(string? Key, string? Name)
{
    public DocumentProvider? Provider { get; init; }

    public IReadOnlyList<string?>? ContentTypes { get; init; }

    public long? MaxBytes { get; init; }
}

/// <summary>A task as submitted.</summary>
public sealed record TaskDraft(string? Key, string? Title)
{
    public string? Assignee { get; init; }

    public double? DueInHours { get; init; }

    public bool? Required { get; init; }
}

/// <summary>A decision as submitted.</summary>
public sealed record DecisionDraft(string? Question, IReadOnlyList<DecisionOptionDraft?>? Options);

/// <summary>A decision option as submitted.</summary>
public sealed record DecisionOptionDraft(string? Key, string? Label, string? Outcome)
{
    public IReadOnlyList<ConditionalRouteDraft?>? Routes { get; init; }
}

/// <summary>A conditional route as submitted.</summary>
public sealed record ConditionalRouteDraft(FieldConditionDraft? When, string? Outcome);

/// <summary>A field condition as submitted.</summary>
public sealed record FieldConditionDraft(string? Field, ConditionOperator? Op, JsonElement? Value);

/// <summary>An automation as submitted.</summary>
public sealed record AutomationDraft(AutomationType? Type)
{
    public TaskDraft? Task { get; init; }

    public string? Document { get; init; }

    public string? Assignee { get; init; }

    public string? TaskKey { get; init; }

    public string? Url { get; init; }

    public string? Secret { get; init; }

    public string? Event { get; init; }

    public FieldConditionDraft? When { get; init; }

    public string? Outcome { get; init; }
}

/// <summary>A breach action as submitted.</summary>
public sealed record BreachDraft(string? EscalateTo, string? WebhookUrl, string? WebhookSecret);
