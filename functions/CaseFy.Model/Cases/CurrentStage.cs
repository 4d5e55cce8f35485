using System.Text.Json.Serialization;

namespace CaseFy.Model.Cases;

/// <summary>The stage a case is in.</summary>
/// <param name="Index">Position in the template's stage list.</param>
/// <param name="Key">The stage key.</param>
/// <param name="Name">The stage name.</param>
/// <param name="EnteredAt">When the orchestration entered it; <see langword="null"/> until the stage-entry activity ran.</param>
public sealed record CurrentStage(int Index, string Key, string Name, DateTimeOffset? EnteredAt)
{
    /// <summary>
    /// Counts every entry into a stage over the case's life (1 for the first). Tasks, decisions and automation runs
    /// belong to one visit, so a stage entered again (moved back, reopened) starts afresh.
    /// </summary>
    public int Visit { get; init; }

    /// <summary>When the stage's SLA runs out; none when the stage has no SLA.</summary>
    public DateTimeOffset? SlaDueAt { get; init; }

    /// <summary>The SLA ran out in this visit (recorded once, with the breach action).</summary>
    public bool SlaBreached { get; init; }

    /// <summary>The template's SLA reminder was recorded in this visit (<c>SlaDueSoon</c>, once).</summary>
    /// <remarks>Left out of the JSON while false, so stages stored before reminders existed keep their exact stored form.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool SlaReminded { get; init; }

    /// <summary>A manual stage whose exit criteria are met: a person may advance it.</summary>
    public bool ReadyToAdvance { get; init; }

    /// <summary>The automation runs of this visit already done (<c>enter-0</c>, <c>exit-1</c>, <c>breach</c>): a retry skips them.</summary>
    public IReadOnlyList<string> AutomationsDone { get; init; } = [];
}
