namespace CaseFy.Model.Timeline;

/// <summary>The kinds of timeline entry. They are also the CloudEvents types (<c>casefy.case.{type}</c>), so never rename one.</summary>
public static class TimelineEntryTypes
{
    public const string CaseCreated = nameof(CaseCreated);
    public const string StageEntered = nameof(StageEntered);
    public const string StageExited = nameof(StageExited);
    public const string CaseClosed = nameof(CaseClosed);
    public const string ParticipantAdded = nameof(ParticipantAdded);
    public const string ParticipantRoleChanged = nameof(ParticipantRoleChanged);
    public const string ParticipantRemoved = nameof(ParticipantRemoved);
    public const string OwnerChanged = nameof(OwnerChanged);
    public const string PortalLinkCreated = nameof(PortalLinkCreated);
    public const string PortalLinkRevoked = nameof(PortalLinkRevoked);
    public const string PortalLinkUsed = nameof(PortalLinkUsed);
}
