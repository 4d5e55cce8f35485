using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Events;

/// <summary>
/// Hands a claimed case to every <see cref="ILifecycleConsumer"/>: reads the case once, asks each consumer what it
/// still needs, reads the timeline once over the union of those ranges, and gives each consumer the same batch.
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

        var timeline = new List<TimelineEntry>();
        await foreach (var entry in cases.ReadTimelineAsync(caseId, all.AfterSeq, all.BeforeSeq, cancellationToken))
        {
            timeline.Add(entry);
        }

        var batch = new LifecycleBatch(record, due, all, timeline);
        var caughtUp = true;
        foreach (var (consumer, range) in needs)
        {
            caughtUp &= await consumer.ConsumeAsync(batch, range, cancellationToken);
        }

        return caughtUp;
    }
}
