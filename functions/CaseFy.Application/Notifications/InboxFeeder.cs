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
/// nothing twice. The cursor is stored only when a batch notifies someone or it is behind (<see cref="ConsumerCursor"/>). With <paramref name="mail"/>, the new notifications of people who chose immediate mail are also
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

    // The inbox's cursor, stored only when a batch notifies or it is behind: a stage change notifies nobody.
    private readonly ConsumerCursor _cursor = new(inbox.GetCursorAsync, inbox.SetCursorAsync, entry => NotificationRules.EntryTypes.Contains(entry.Type));

    /// <inheritdoc/>
    public async Task<TimelineRange?> NeedsAsync(CaseRecord record, IReadOnlyList<TimelineEntry> due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var after = await _cursor.StartAsync(record.Id, due, cancellationToken);
        return TimelineRange.After(after, record.TimelineLength, EntriesPerBatch);
    }

    /// <inheritdoc/>
    public async Task<bool> ConsumeAsync(LifecycleBatch batch, TimelineRange needed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var handled = await _cursor.HandleAsync(batch, needed, entries => NotifyAsync(entries, batch.Case, cancellationToken), cancellationToken);
        return handled >= batch.Case.TimelineLength;
    }

    private async Task NotifyAsync(IReadOnlyList<TimelineEntry> entries, CaseRecord current, CancellationToken cancellationToken)
    {
        var oldest = time.GetUtcNow() - MaxEntryAge;
        var notifications = new List<(string PersonId, Notification Notification)>();
        foreach (var entry in entries)
        {
            if (entry.At >= oldest && NotificationRules.EntryTypes.Contains(entry.Type))
            {
                notifications.AddRange(NotificationRules.For(entry, current));
            }
        }

        await inbox.AddAsync(notifications, cancellationToken);
        if (mail is not null)
        {
            await mail.QueueAsync(notifications, cancellationToken);
        }
    }
}
