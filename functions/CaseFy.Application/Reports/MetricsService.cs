using System.Globalization;
using CaseFy.Model.Metrics;
using CaseFy.Model.Ports;

namespace CaseFy.Application.Reports;

/// <summary>
/// A template's metrics, read from the totals <see cref="MetricsUpdater"/> keeps up to date: one row whatever the
/// number of cases and the length of their timelines. They trail the cases by the outbox's delay (about a second).
/// </summary>
public sealed class MetricsService(ITemplateStore templates, IMetricsStore metrics, TimeProvider time)
{
    public const int ThroughputDays = 30;

    /// <returns>The metrics, or <see langword="null"/> when there is no such template.</returns>
    public async Task<TemplateMetrics?> ComputeAsync(string templateId, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(templateId, version: null, cancellationToken);
        return template is null ? null : Report(template.Id, template.Stages.Select(s => (s.Key, s.Name)), await metrics.GetTotalsAsync(templateId, cancellationToken));
    }

    /// <summary>The report of some totals: the newest version's stages first, then any stage only older versions have.</summary>
    public TemplateMetrics Report(string templateId, IEnumerable<(string Key, string Name)> stages, MetricsTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var known = stages.ToList();
        var keys = known.Select(s => s.Key).Concat(totals.Stages.Keys.Where(k => known.All(s => s.Key != k)).Order(StringComparer.Ordinal));
        var names = known.ToDictionary(s => s.Key, s => s.Name, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var throughput = Enumerable.Range(0, ThroughputDays)
            .Select(i => today.AddDays(i + 1 - ThroughputDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Select(day => new DailyCount(day, totals.ClosedPerDay.GetValueOrDefault(day)))
            .ToList();
        return new TemplateMetrics(
            templateId, now, totals.Open, totals.Closed, totals.SlaBreaches,
            [.. keys.Select(key => Stage(key, names.GetValueOrDefault(key), totals.Stages.GetValueOrDefault(key) ?? new StageTotals { Name = key }))],
            throughput);
    }

    private static StageMetrics Stage(string key, string? name, StageTotals t) => new(
        key,
        name ?? t.Name,
        t.Visits,
        Seconds(t.TotalTicks),
        t.Visits == 0 ? null : Seconds(t.TotalTicks) / t.Visits,
        t.Visits == 0 ? null : Seconds(t.MaxTicks),
        t.InStageNow,
        Seconds(t.HeldTicks),
        t.EndedByMove,
        t.EndedByEarlyClose);

    private static double Seconds(long ticks) => TimeSpan.FromTicks(ticks).TotalSeconds;
}
