namespace CaseFy.Model.Timeline;

/// <summary>The kinds of timeline entry. They are also the CloudEvents types (<c>casefy.case.{type}</c>), so never rename one.</summary>
public static class TimelineEntryTypes
{
    public const string CaseCreated = nameof(CaseCreated);
    public const string StageEntered = nameof(StageEntered);
    public const string StageExited = nameof(StageExited);
    public const string CaseClosed = nameof(CaseClosed);

    public const string TaskCreated = nameof(TaskCreated);
    public const string TaskAssigned = nameof(TaskAssigned);
    public const string TaskDueChanged = nameof(TaskDueChanged);
    public const string TaskCompleted = nameof(TaskCompleted);
    public const string TaskReopened = nameof(TaskReopened);
    public const string TaskOverdue = nameof(TaskOverdue);

    /// <summary>An open task's due time is within the template's reminder lead time (once per due time).</summary>
    public const string TaskDueSoon = nameof(TaskDueSoon);

    public const string DocumentRequested = nameof(DocumentRequested);
    public const string DocumentUploaded = nameof(DocumentUploaded);
    public const string DocumentAccepted = nameof(DocumentAccepted);
    public const string DocumentRejected = nameof(DocumentRejected);

    public const string DecisionRecorded = nameof(DecisionRecorded);
    public const string StageMoved = nameof(StageMoved);
    public const string CaseOnHold = nameof(CaseOnHold);
    public const string CaseResumed = nameof(CaseResumed);
    public const string CaseReopened = nameof(CaseReopened);
    public const string CommentAdded = nameof(CommentAdded);
    public const string AutomationRan = nameof(AutomationRan);

    /// <summary>A template's publishEvent automation raised a named event (published as a lifecycle event).</summary>
    public const string EventRaised = nameof(EventRaised);
    public const string SlaBreached = nameof(SlaBreached);

    /// <summary>The stage's SLA runs out within the template's reminder lead time (once per visit).</summary>
    public const string SlaDueSoon = nameof(SlaDueSoon);
    public const string ParticipantAdded = nameof(ParticipantAdded);
    public const string ParticipantRoleChanged = nameof(ParticipantRoleChanged);
    public const string ParticipantRemoved = nameof(ParticipantRemoved);
    public const string OwnerChanged = nameof(OwnerChanged);
    public const string PortalLinkCreated = nameof(PortalLinkCreated);
    public const string PortalLinkRevoked = nameof(PortalLinkRevoked);
    public const string PortalLinkUsed = nameof(PortalLinkUsed);

    /// <summary>A message between the team and the outside party of one portal link (<c>linkId</c>, <c>direction</c>, <c>text</c>).</summary>
    public const string MessageSent = nameof(MessageSent);

    /// <summary>Case data changed: <c>fields</c> lists the keys, <c>old.{key}</c> and <c>new.{key}</c> their JSON values.</summary>
    public const string FieldsChanged = nameof(FieldsChanged);

    /// <summary>A mail was handed over for delivery (<c>deliveryId</c>, <c>kind</c>, <c>linkId</c>, <c>recipient</c>, <c>attempts</c>; never an address or a link).</summary>
    public const string NotificationMailed = nameof(NotificationMailed);

    /// <summary>A mail was given up (<c>deliveryId</c>, <c>kind</c>, <c>linkId</c>, <c>recipient</c>, <c>attempts</c>, <c>reason</c>).</summary>
    public const string NotificationMailFailed = nameof(NotificationMailFailed);
}
