using CaseFy.Application.Events;
using CaseFy.Model.Cases;
using CaseFy.Model.Mail;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Mail;

/// <summary>
/// Turns a case's new timeline entries into mail to send (<see cref="OutsideMailRules"/>): a consumer of the lifecycle
/// outbox, like the inbox. It only adds deliveries to the mail outbox (idempotent ids) and then moves its own cursor,
/// so it never waits for a mail service; <see cref="MailDispatcher"/> sends them. A crash in between handles the same
/// entries again and adds nothing twice. With mail off it needs nothing. The cursor is stored only when a batch holds
/// entries that may mail someone or it is behind (<see cref="ConsumerCursor"/>).
/// </summary>
public sealed class MailOutboxFeeder(IMailOutbox outbox, ITemplateStore templates, IOptions<MailOptions> options, TimeProvider time) : ILifecycleConsumer
{
    /// <summary>Entries handled per batch; a longer backlog keeps the case due for the next round.</summary>
    public const int EntriesPerBatch = 200;

    /// <summary>Older entries mail nobody: turning mail on does not send a case's history.</summary>
    public static readonly TimeSpan MaxEntryAge = TimeSpan.FromDays(1);

    // The feeder's cursor, stored only when a batch holds entries that may mail someone or it is behind.
    private readonly ConsumerCursor _cursor = new(outbox.GetCursorAsync, outbox.SetCursorAsync, entry => OutsideMailRules.EntryTypes.Contains(entry.Type));

    /// <inheritdoc/>
    public async Task<TimelineRange?> NeedsAsync(CaseRecord record, IReadOnlyList<TimelineEntry> due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!options.Value.IsEnabled)
        {
            return null;
        }

        var after = await _cursor.StartAsync(record.Id, due, cancellationToken);
        return TimelineRange.After(after, record.TimelineLength, EntriesPerBatch);
    }

    /// <inheritdoc/>
    public async Task<bool> ConsumeAsync(LifecycleBatch batch, TimelineRange needed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var handled = await _cursor.HandleAsync(batch, needed, entries => QueueAsync(entries, batch.Case, cancellationToken), cancellationToken);
        return handled >= batch.Case.TimelineLength;
    }

    private async Task QueueAsync(IReadOnlyList<TimelineEntry> entries, CaseRecord current, CancellationToken cancellationToken)
    {
        var oldest = time.GetUtcNow() - MaxEntryAge;
        var mailing = entries.Where(e => e.At >= oldest && OutsideMailRules.EntryTypes.Contains(e.Type)).ToList();
        var template = mailing.Any(e => e.Type == TimelineEntryTypes.StageEntered)
            ? await templates.GetAsync(current.TemplateId, current.TemplateVersion, cancellationToken)
            : null;
        await outbox.AddAsync([.. mailing.SelectMany(e => OutsideMailRules.For(e, current, template))], cancellationToken);
    }
}
