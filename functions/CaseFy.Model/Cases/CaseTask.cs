using System.Text.Json.Serialization;

namespace CaseFy.Model.Cases;

/// <summary>A piece of work on a case: from the stage's template, an automation, an SLA escalation, or added by hand.</summary>
public sealed record CaseTask
{
    /// <summary><c>t1</c>, <c>t2</c>… unique within the case.</summary>
    public required string Id { get; init; }

    /// <summary>The template's task key, when it came from the template.</summary>
    public string? Key { get; init; }

    public required string Title { get; init; }

    /// <summary>The stage it was created in, and in which visit of it.</summary>
    public required string StageKey { get; init; }

    public required int Visit { get; init; }

    /// <summary>Whether the stage's exit criteria wait for it (only tasks of the current visit count).</summary>
    public bool Required { get; init; }

    /// <summary>The person it is assigned to; none while its role has nobody.</summary>
    public Actor? Assignee { get; init; }

    /// <summary>The role it was assigned by (<c>owner</c>, a participant role), when not assigned to a named person.</summary>
    public string? AssigneeRole { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public required CaseTaskStatus Status { get; init; }

    /// <summary>Its due time passed while open (recorded once as <c>TaskOverdue</c>).</summary>
    public bool Overdue { get; init; }

    /// <summary>
    /// The template's reminder for its current due time was recorded (<c>TaskDueSoon</c>, once); a new due time clears it.
    /// </summary>
    /// <remarks>Left out of the JSON while false, so tasks stored before reminders existed keep their exact stored form.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Reminded { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required Actor CreatedBy { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public Actor? CompletedBy { get; init; }

    public string? Note { get; init; }
}
