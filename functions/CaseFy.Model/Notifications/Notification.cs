namespace CaseFy.Model.Notifications;

/// <summary>One thing a person should know about, derived from one timeline entry (an entry notifies a person at most once).</summary>
/// <param name="Id">Unique within the person's inbox and the same on every derivation: newest sorts first.</param>
/// <param name="Kind">One of <see cref="NotificationKinds"/>.</param>
/// <param name="CaseId">The case.</param>
/// <param name="CaseTitle">The case's title when notified; left out of answers once the person may no longer read the case.</param>
/// <param name="EntryId">The timeline entry it comes from (<c>{caseId}-{seq}</c>).</param>
/// <param name="At">When the entry happened.</param>
/// <param name="ActorName">Who caused it.</param>
/// <param name="Text">A one-line description (a task's title, a file's name, a comment's first characters); left out like the title.</param>
/// <param name="Read">Whether the person marked it read.</param>
public sealed record Notification(
    string Id,
    string Kind,
    string CaseId,
    string? CaseTitle,
    string EntryId,
    DateTimeOffset At,
    string ActorName,
    string? Text,
    bool Read);
