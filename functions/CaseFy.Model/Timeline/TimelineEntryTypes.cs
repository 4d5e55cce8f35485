namespace CaseFy.Model.Timeline;

/// <summary>The kinds of timeline entry. They are also the CloudEvents types (<c>casefy.case.{type}</c>), so never rename one.</summary>
public static class TimelineEntryTypes
{
    public const string CaseCreated = nameof(CaseCreated);
    public const string StageEntered = nameof(StageEntered);
    public const string StageExited = nameof(StageExited);
    public const string CaseClosed = nameof(CaseClosed);
}
