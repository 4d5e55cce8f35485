using CaseFy.Application.Events;
using CaseFy.Application.Mail;
using CaseFy.Model.Cases;
using CaseFy.Model.Notifications;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Notifications;

/// <summary>
/// Turns a case's new timeline entries into notifications: a consumer of the lifecycle outbox (the outbox keeps a case
/// due for the entry types that notify). It needs the entries after the case's inbox cursor, adds the notifications
/// (idempotent ids), and only then moves the cursor: a crash in between handles the same entries again and adds
/// nothing twice. With <paramref name="mail"/>, the new notifications of people who chose immediate mail are also
/// queued for mail (<see cref="ImmediateTeamMail"/>), before the cursor moves.
/// </summary>
/// <param name="inbox">The inbox.</param>
/// <param name="time">The clock.</param>
/// <param name="mail">Immediate mail to team members; <see langword="null"/>: none (tests of the inbox alone).</param>
public sealed class InboxFeeder(INotificationStore inbox, TimeProvider time, ImmediateTeamMail? mail = null) : ILifecycleConsumer
{
    /// <summary>Entries handled per batch; a longer backlog keeps the case due for the next round.</summary>
    public const int EntriesPerBatch = 200;

    /// <summary>Older entries notify nobody: a case written before the inbox existed does not flood it with its history.</summary>
    public static readonly TimeSpan MaxEntryAge = TimeSpan.FromDays(7);

    /// <inheritdoc/>
    public async Task<TimelineRange?> NeedsAsync(CaseRecord record, IReadOnlyList<TimelineEntry> due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var after = await inbox.GetCursorAsync(record.Id, cancellationToken);
        return TimelineRange.After(after, record.TimelineLength, EntriesPerBatch);
    }

    /// <inheritdoc/>
    public async Task<bool> ConsumeAsync(LifecycleBatch batch, TimelineRange needed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(needed);
        var oldest = time.GetUtcNow() - MaxEntryAge;
        var notifications = new List<(string PersonId, Notification Notification)>();
        foreach (var entry in batch.Within(needed))
        {
            if (entry.At >= oldest && NotificationRules.EntryTypes.Contains(entry.Type))
            {
                notifications.AddRange(NotificationRules.For(entry, batch.Case));
            }
        }

        var upTo = needed.BeforeSeq - 1;
        await inbox.AddAsync(notifications, cancellationToken);
        if (mail is not null)
        {
            await mail.QueueAsync(notifications, cancellationToken);
        }

        await inbox.SetCursorAsync(batch.Case.Id, upTo, cancellationToken);
        return upTo == batch.Case.TimelineLength;
    }
}
