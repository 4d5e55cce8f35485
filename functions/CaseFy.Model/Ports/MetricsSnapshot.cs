using CaseFy.Model.Metrics;

namespace CaseFy.Model.Ports;

/// <summary>A template's totals and one case's cursor as read, with the store's versions of each (null: not stored yet).</summary>
public sealed record MetricsSnapshot(
    string TemplateId,
    string CaseId,
    MetricsTotals Totals,
    CaseMetricsCursor Cursor,
    string? TotalsVersion,
    string? CursorVersion);
