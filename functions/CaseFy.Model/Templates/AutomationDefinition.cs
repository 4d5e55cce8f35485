namespace CaseFy.Model.Templates;

/// <summary>One on-enter or on-exit automation; which fields apply depends on <see cref="Type"/>.</summary>
public sealed record AutomationDefinition
{
    public required AutomationType Type { get; init; }

    /// <summary><see cref="AutomationType.CreateTask"/>: the task.</summary>
    public TaskDefinition? Task { get; init; }

    /// <summary><see cref="AutomationType.RequestDocument"/>: the key of a document defined in the template.</summary>
    public string? Document { get; init; }

    /// <summary><see cref="AutomationType.Assign"/>: <c>owner</c> or a participant role.</summary>
    public string? Assignee { get; init; }

    /// <summary><see cref="AutomationType.Assign"/>: one task of the stage, by key; all its open tasks when absent.</summary>
    public string? TaskKey { get; init; }

    /// <summary><see cref="AutomationType.Webhook"/>: where to POST.</summary>
    public string? Url { get; init; }

    /// <summary><see cref="AutomationType.Webhook"/>: the HMAC-SHA256 key of the <c>X-CaseFy-Signature</c> header.</summary>
    public string? Secret { get; init; }

    /// <summary><see cref="AutomationType.PublishEvent"/>: the event name.</summary>
    public string? Event { get; init; }

    /// <summary><see cref="AutomationType.Route"/>: the condition on the case's data.</summary>
    public FieldCondition? When { get; init; }

    /// <summary><see cref="AutomationType.Route"/>: <c>goToStage:{key}</c>, taken when <see cref="When"/> holds.</summary>
    public string? Outcome { get; init; }
}
