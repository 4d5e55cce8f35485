using CaseFy.Application.Events;
using CaseFy.Model.Cases;
using CaseFy.Model.Metrics;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Reports;

/// <summary>
/// Keeps each template's metric totals up to date from the outbox: a case's lifecycle batch is the signal, and the
/// case's timeline from where its cursor stands up to the batch's last entry is what gets counted, so entries that
/// are not lifecycle events (moves, holds) count too, and a batch seen twice counts once.
/// </summary>
public sealed class MetricsUpdater(IMetricsStore metrics) : ILifecycleConsumer
{
    // Many cases of one template share its totals row; a lost race reads again.
    private const int MaxAttempts = 50;

    /// <inheritdoc/>
    public async Task<TimelineRange?> NeedsAsync(CaseRecord record, IReadOnlyList<TimelineEntry> due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(due);
        if (due.Count == 0)
        {
            return null;
        }

        var last = due.Max(e => e.Seq);

        // A batch from the case's first entry: its cursor is most likely not stored yet, so it is not read.
        var snapshot = due.Min(e => e.Seq) == 1
            ? await metrics.ReadNewCaseAsync(record.TemplateId, record.Id, cancellationToken)
            : await metrics.ReadAsync(record.TemplateId, record.Id, cancellationToken);
        var applied = snapshot.Cursor.AppliedSeq;
        return applied >= last ? null : new TimelineRange(applied, last + 1);
    }

    /// <inheritdoc/>
    public async Task<bool> ConsumeAsync(LifecycleBatch batch, TimelineRange needed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(needed);
        var record = batch.Case;
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await metrics.ReadAsync(record.TemplateId, record.Id, cancellationToken);
            if (snapshot.Cursor.AppliedSeq >= needed.BeforeSeq - 1)
            {
                return true;
            }

            var entries = batch.Within(needed with { AfterSeq = snapshot.Cursor.AppliedSeq });
            if (!MetricsFold.Apply(snapshot.Totals, snapshot.Cursor, entries) || await metrics.TryWriteAsync(snapshot, cancellationToken))
            {
                return true;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"The metrics of template {record.TemplateId} changed {MaxAttempts} times while counting case {record.Id}.");
            }

            await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20)), cancellationToken);
        }
    }
}
