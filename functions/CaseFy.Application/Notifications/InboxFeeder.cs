using CaseFy.Model.Notifications;
using CaseFy.Model.Ports;

namespace CaseFy.Application.Notifications;

/// <summary>
/// Turns a case's new timeline entries into notifications: a consumer of the lifecycle outbox (the publisher hands it
/// each case it claims, and the outbox keeps a case due for the entry types that notify). It reads on from the case's
/// cursor, adds the notifications (idempotent ids), and only then moves the cursor: a crash in between handles the
/// same entries again and adds nothing twice.
/// </summary>
public sealed class InboxFeeder(ICaseStore cases, INotificationStore inbox, TimeProvider time)
{
    /// <summary>Entries handled per call; a longer backlog keeps the case due for the next round.</summary>
    public const int EntriesPerBatch = 200;

    /// <summary>Older entries notify nobody: a case written before the inbox existed does not flood it with its history.</summary>
    public static readonly TimeSpan MaxEntryAge = TimeSpan.FromDays(7);

    /// <summary>Notifies the recipients of the case's entries after its cursor.</summary>
    /// <returns><see langword="true"/> when the case is caught up; <see langword="false"/> when entries remain.</returns>
    public async Task<bool> CatchUpAsync(string caseId, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return true;
        }

        var after = await inbox.GetCursorAsync(caseId, cancellationToken);
        if (after >= record.TimelineLength)
        {
            return true;
        }

        var upTo = Math.Min(record.TimelineLength, after + EntriesPerBatch);
        var oldest = time.GetUtcNow() - MaxEntryAge;
        var notifications = new List<(string PersonId, Notification Notification)>();
        await foreach (var entry in cases.ReadTimelineAsync(caseId, after, upTo + 1, cancellationToken))
        {
            if (entry.At >= oldest && NotificationRules.EntryTypes.Contains(entry.Type))
            {
                notifications.AddRange(NotificationRules.For(entry, record));
            }
        }

        await inbox.AddAsync(notifications, cancellationToken);
        await inbox.SetCursorAsync(caseId, upTo, cancellationToken);
        return upTo == record.TimelineLength;
    }
}
