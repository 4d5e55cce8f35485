namespace CaseFy.Model.Notifications;

/// <summary>The kinds of notification (JSON <c>kind</c>); each names the timeline entry types it comes from.</summary>
public static class NotificationKinds
{
    /// <summary>A task was assigned to the person (<c>TaskCreated</c> with an assignee, <c>TaskAssigned</c>).</summary>
    public const string TaskAssigned = "taskAssigned";

    /// <summary>A task assigned to the person passed its due time (<c>TaskOverdue</c>).</summary>
    public const string TaskOverdue = "taskOverdue";

    /// <summary>A task assigned to the person is due within the template's reminder lead time (<c>TaskDueSoon</c>).</summary>
    public const string TaskDueSoon = "taskDueSoon";

    /// <summary>The case was handed to the person as its owner (<c>OwnerChanged</c>).</summary>
    public const string CaseHandedOver = "caseHandedOver";

    /// <summary>The outside party uploaded a document (<c>DocumentUploaded</c> by a portal link).</summary>
    public const string OutsideUpload = "outsideUpload";

    /// <summary>The outside party answered fields (<c>FieldsChanged</c> by a portal link).</summary>
    public const string OutsideAnswer = "outsideAnswer";

    /// <summary>The outside party wrote a message to the team (<c>MessageSent</c> by a portal link).</summary>
    public const string OutsideMessage = "outsideMessage";

    /// <summary>The stage's SLA ran out (<c>SlaBreached</c>).</summary>
    public const string SlaBreached = "slaBreached";

    /// <summary>The stage's SLA runs out within the template's reminder lead time (<c>SlaDueSoon</c>), for the owner.</summary>
    public const string SlaDueSoon = "slaDueSoon";

    /// <summary>Someone wrote <c>@Name</c> in a comment (<c>CommentAdded</c>).</summary>
    public const string Mentioned = "mentioned";
}
