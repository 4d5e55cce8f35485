using CaseFy.Application.Events;
using CaseFy.Model.Metrics;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Reports;

/// <summary>
/// Keeps each template's metric totals up to date from the outbox: a case's lifecycle batch is the signal, and the
/// case's timeline from where its cursor stands up to the batch's last entry is what gets counted, so entries that
/// are not lifecycle events (moves, holds) count too, and a batch seen twice counts once.
/// </summary>
public sealed class MetricsUpdater(ICaseStore cases, IMetricsStore metrics) : ILifecycleConsumer
{
    // Many cases of one template share its totals row; a lost race reads again.
    private const int MaxAttempts = 50;

    public async Task ConsumeAsync(string caseId, IReadOnlyList<TimelineEntry> due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        if (due.Count == 0 || await cases.GetAsync(caseId, cancellationToken) is not { } record)
        {
            return;
        }

        var last = due.Max(e => e.Seq);
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await metrics.ReadAsync(record.TemplateId, caseId, cancellationToken);
            if (snapshot.Cursor.AppliedSeq >= last)
            {
                return;
            }

            var entries = new List<TimelineEntry>();
            await foreach (var entry in cases.ReadTimelineAsync(caseId, snapshot.Cursor.AppliedSeq, last + 1, cancellationToken))
            {
                entries.Add(entry);
            }

            if (!MetricsFold.Apply(snapshot.Totals, snapshot.Cursor, entries) || await metrics.TryWriteAsync(snapshot, cancellationToken))
            {
                return;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"The metrics of template {record.TemplateId} changed {MaxAttempts} times while counting case {caseId}.");
            }

            await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20)), cancellationToken);
        }
    }
}
