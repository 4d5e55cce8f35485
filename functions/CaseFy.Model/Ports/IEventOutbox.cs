using CaseFy.Model.Events;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Ports;

/// <summary>
/// The lifecycle events waiting to be published. The case store puts an entry in the outbox in the same
/// transaction that appends it to the timeline, so nothing is lost between storing and publishing.
/// </summary>
public interface IEventOutbox
{
    /// <summary>Claims up to <paramref name="max"/> cases with due entries for <paramref name="lease"/> (other publishers skip them).</summary>
    Task<IReadOnlyList<OutboxClaim>> ClaimAsync(int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The case's due entries, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ReadDueAsync(string caseId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the entries, as <see cref="ReadDueAsync"/> read them, to the events feed (idempotent: each entry gets one
    /// feed position, ever). A new position is written only over an outbox row unchanged since that read: when another
    /// publisher released the entry meanwhile, this fails and the case is retried.
    /// </summary>
    Task AppendToFeedAsync(string caseId, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);

    /// <summary>Marks the entries published: they leave the outbox.</summary>
    Task MarkPublishedAsync(string caseId, IReadOnlyList<TimelineEntry> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a claim after success. When <paramref name="drained"/> and nothing was added meanwhile the case is
    /// forgotten; otherwise it stays due and can be claimed again at once.
    /// </summary>
    Task ReleaseAsync(OutboxClaim claim, bool drained, CancellationToken cancellationToken);

    /// <summary>Ends a claim after a failure: the case stays due but nobody claims it before <paramref name="retryAfter"/> has passed.</summary>
    Task DeferAsync(OutboxClaim claim, TimeSpan retryAfter, CancellationToken cancellationToken);

    /// <summary>Finds cases with due entries whose pointer was never written (the process died in between) and repairs it.</summary>
    /// <returns>How many pointers were repaired.</returns>
    Task<int> RepairAsync(CancellationToken cancellationToken);

    /// <summary>Reads the events feed after <paramref name="cursor"/> (from the start when null).</summary>
    /// <exception cref="FormatException">The cursor is not one this feed issued.</exception>
    Task<EventFeedPage> ReadFeedAsync(string? cursor, int pageSize, CancellationToken cancellationToken);
}
