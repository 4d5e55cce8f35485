using CaseFy.Model.Cases;
using CaseFy.Model.Metrics;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Reports;

/// <summary>
/// Recomputes a template's metric totals from its cases' timelines and replaces the stored ones: the repair for
/// totals that drifted (a bug, a restore from backup) and the way to count cases from before the totals existed.
/// Cost: every case of the template and its whole timeline, once.
/// </summary>
public sealed class MetricsRebuild(ICaseStore cases, ITemplateStore templates, IMetricsStore metrics, MetricsService reports)
{
    /// <returns>The rebuilt metrics, or <see langword="null"/> when there is no such template.</returns>
    public async Task<TemplateMetrics?> RebuildAsync(string templateId, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(templateId, version: null, cancellationToken);
        if (template is null)
        {
            return null;
        }

        var totals = new MetricsTotals();
        var cursors = new Dictionary<string, CaseMetricsCursor>(StringComparer.Ordinal);
        await foreach (var record in cases.ScanAsync(new CaseFilter(TemplateId: templateId), cancellationToken))
        {
            var cursor = cursors[record.Id] = new CaseMetricsCursor();
            var entries = new List<TimelineEntry>();
            await foreach (var entry in cases.ReadTimelineAsync(record.Id, afterSeq: 0, beforeSeq: null, cancellationToken))
            {
                entries.Add(entry);
            }

            MetricsFold.Apply(totals, cursor, entries);
        }

        await metrics.ReplaceAsync(templateId, totals, cursors, cancellationToken);
        return reports.Report(template.Id, template.Stages.Select(s => (s.Key, s.Name)), totals);
    }
}
