namespace CaseFy.Model.Templates;

/// <summary>One stage of a template's process: what it asks for, what runs on entry and exit, its SLA, and how it advances.</summary>
/// <param name="Key">A short, unique, URL-safe key (e.g. <c>intake</c>).</param>
/// <param name="Name">The name people see.</param>
public sealed record StageDefinition(string Key, string Name)
{
    /// <summary>Documents the stage requires; all must be accepted before it can be left (unless a decision closes the case).</summary>
    public IReadOnlyList<DocumentRequirement> Documents { get; init; } = [];

    /// <summary>Tasks created when the stage is entered.</summary>
    public IReadOnlyList<TaskDefinition> Tasks { get; init; } = [];

    /// <summary>The question someone must answer before the stage is left; the chosen option routes the case.</summary>
    public DecisionDefinition? Decision { get; init; }

    /// <summary>Automations run, in order, when the stage is entered.</summary>
    public IReadOnlyList<AutomationDefinition> OnEnter { get; init; } = [];

    /// <summary>Automations run, in order, when the stage is left by advancing (not by a move or an early close).</summary>
    public IReadOnlyList<AutomationDefinition> OnExit { get; init; } = [];

    /// <summary>How long the stage may take, in hours (fractions allowed: <c>0.001</c> is 3.6 seconds, which tests use).</summary>
    public double? SlaHours { get; init; }

    /// <summary>What happens when the SLA is breached; without it, an escalation task for the owner.</summary>
    public BreachAction? OnBreach { get; init; }

    /// <summary>Whether the stage advances by itself once its exit criteria are met.</summary>
    public AdvanceMode Advance { get; init; } = AdvanceMode.Manual;

    /// <summary>Keys of the template's fields that must hold a value before the stage may be left.</summary>
    public IReadOnlyList<string> RequiredFields { get; init; } = [];

    /// <summary>Keys of the fields the stage asks of the outside party (a portal link with <c>answer</c> may fill them).</summary>
    public IReadOnlyList<string> ExternalFields { get; init; } = [];
}
