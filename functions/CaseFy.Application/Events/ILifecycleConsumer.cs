using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Events;

/// <summary>
/// Something kept up to date from the outbox beside Event Grid (metrics, the notifications inbox). For each claimed
/// case, <see cref="LifecycleConsumers"/> asks every consumer which part of the timeline it still needs (from its own
/// cursor), reads the case and that timeline once, and hands the batch to each consumer before the events are sent. A
/// failing consumer keeps the case due and the whole batch is retried, so a consumer must be idempotent (the outbox
/// delivers at least once) and move its cursor only after its work is stored.
/// </summary>
public interface ILifecycleConsumer
{
    /// <summary>The part of <paramref name="record"/>'s timeline this consumer still needs, or <see langword="null"/> for none.</summary>
    /// <param name="record">The case, read once for every consumer.</param>
    /// <param name="due">The lifecycle entries of this batch (empty when the case is due for notifying entries only).</param>
    /// <param name="cancellationToken">Cancels the cursor read.</param>
    Task<TimelineRange?> NeedsAsync(CaseRecord record, IReadOnlyList<TimelineEntry> due, CancellationToken cancellationToken);

    /// <summary>Handles <paramref name="needed"/> (what <see cref="NeedsAsync"/> answered) from <paramref name="batch"/>.</summary>
    /// <returns><see langword="true"/> when this consumer is caught up on the case; <see langword="false"/> when entries remain (the case stays due).</returns>
    Task<bool> ConsumeAsync(LifecycleBatch batch, TimelineRange needed, CancellationToken cancellationToken);
}
