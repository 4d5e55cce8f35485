using CaseFy.Model.Metrics;

namespace CaseFy.Model.Ports;

/// <summary>
/// Each template's metric totals and, beside them, one cursor per case saying how far its timeline is counted. The
/// totals and a case's cursor are written together or not at all, so counting is idempotent.
/// </summary>
public interface IMetricsStore
{
    /// <summary>The template's totals; empty totals when none of its cases has been counted.</summary>
    Task<MetricsTotals> GetTotalsAsync(string templateId, CancellationToken cancellationToken);

    /// <summary>
    /// The totals and the case's cursor with their versions for <see cref="TryWriteAsync"/>: as stored now, or as this
    /// process last read or wrote them (a copy another writer made stale makes <see cref="TryWriteAsync"/> answer
    /// <see langword="false"/>, and the next read asks storage).
    /// </summary>
    Task<MetricsSnapshot> ReadAsync(string templateId, string caseId, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync"/> for a case whose first entries are being counted: its cursor is taken as not stored
    /// yet, unread, unless this process knows better. When it is stored after all (a batch counted before and handled
    /// again), <see cref="TryWriteAsync"/> answers <see langword="false"/> and the next read asks storage.
    /// </summary>
    Task<MetricsSnapshot> ReadNewCaseAsync(string templateId, string caseId, CancellationToken cancellationToken);

    /// <summary>Writes the snapshot's totals and cursor if neither changed since it was read.</summary>
    /// <returns><see langword="false"/> when another writer came first (read again and retry).</returns>
    Task<bool> TryWriteAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Replaces the template's totals and its cases' cursors (a rebuild from the timelines).</summary>
    Task ReplaceAsync(string templateId, MetricsTotals totals, IReadOnlyDictionary<string, CaseMetricsCursor> cursors, CancellationToken cancellationToken);
}
