namespace CaseFy.Application.Reports;

/// <summary>A template's case metrics, computed on request.</summary>
/// <param name="TemplateId">The template.</param>
/// <param name="GeneratedAt">When this report was computed.</param>
/// <param name="OpenCases">Cases of the template that are open now.</param>
/// <param name="ClosedCases">Cases of the template that are closed.</param>
/// <param name="SlaBreaches">SLA breaches recorded on the timelines of all its cases.</param>
/// <param name="Stages">Time spent per stage: the newest version's stages first, then any stage only older versions have.</param>
/// <param name="Throughput">Cases closed per UTC day over the last <see cref="MetricsService.ThroughputDays"/> days, oldest first, today last.</param>
public sealed record TemplateMetrics(
    string TemplateId,
    DateTimeOffset GeneratedAt,
    int OpenCases,
    int ClosedCases,
    int SlaBreaches,
    IReadOnlyList<StageMetrics> Stages,
    IReadOnlyList<DailyCount> Throughput);
