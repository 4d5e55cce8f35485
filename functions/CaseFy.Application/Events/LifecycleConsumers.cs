using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Events;

/// <summary>
/// Hands a claimed case to every <see cref="ILifecycleConsumer"/>: reads the case once, asks each consumer what it
/// still needs, reads the timeline once over the union of those ranges (or takes it from the due entries when they are
/// every entry of it), and gives each consumer the same batch.
/// </summary>
public sealed class LifecycleConsumers(ICaseStore cases, IEnumerable<ILifecycleConsumer> consumers)
{
    private readonly IReadOnlyList<ILifecycleConsumer> _consumers = [.. consumers];

    /// <summary>Hands the case's batch to every consumer, in registration order.</summary>
    /// <returns><see langword="true"/> when every consumer is caught up on the case (or the case is gone).</returns>
    public async Task<bool> HandOutAsync(string caseId, IReadOnlyList<TimelineEntry> due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        if (await cases.GetAsync(caseId, cancellationToken) is not { } record)
        {
            return true;
        }

        var needs = new List<(ILifecycleConsumer Consumer, TimelineRange Range)>(_consumers.Count);
        TimelineRange? all = null;
        foreach (var consumer in _consumers)
        {
            if (await consumer.NeedsAsync(record, due, cancellationToken) is { } range && range.BeforeSeq > range.AfterSeq + 1)
            {
                needs.Add((consumer, range));
                all = all is null ? range : all.Union(range);
            }
        }

        if (all is null)
        {
            return true;
        }

        var batch = new LifecycleBatch(record, due, all, DueHoldsAll(due, all) ?? await ReadAsync(caseId, all, cancellationToken));
        var caughtUp = true;
        foreach (var (consumer, range) in needs)
        {
            caughtUp &= await consumer.ConsumeAsync(batch, range, cancellationToken);
        }

        return caughtUp;
    }

    // Due entries are copies of timeline entries, stored in the same transaction: when they are every entry of the range
    // (its entries are all lifecycle events, as a stage change writes them), they are that part of the timeline.
    private static List<TimelineEntry>? DueHoldsAll(IReadOnlyList<TimelineEntry> due, TimelineRange range)
    {
        var within = due.Where(entry => entry.Seq > range.AfterSeq && entry.Seq < range.BeforeSeq).DistinctBy(entry => entry.Seq).OrderBy(entry => entry.Seq).ToList();
        return within.Count == range.BeforeSeq - range.AfterSeq - 1 ? within : null;
    }

    private async Task<List<TimelineEntry>> ReadAsync(string caseId, TimelineRange range, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        await foreach (var entry in cases.ReadTimelineAsync(caseId, range.AfterSeq, range.BeforeSeq, cancellationToken))
        {
            timeline.Add(entry);
        }

        return timeline;
    }
}
