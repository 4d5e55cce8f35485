using System.Diagnostics.Metrics;
using CaseFy.Model.Timeline;

namespace CaseFy.Telemetry;

/// <summary>
/// CaseFy's counters. The lifecycle counters are taken from timeline entries once they are committed, so they count
/// facts, not attempts: a retried activity whose change was already stored writes nothing and counts nothing.
/// </summary>
public static class CaseFyMetrics
{
    private static readonly Counter<long> CasesOpened =
        CaseFyTelemetry.Meter.CreateCounter<long>("casefy.cases.opened", "{case}", "Cases opened.");

    private static readonly Counter<long> CasesClosed =
        CaseFyTelemetry.Meter.CreateCounter<long>("casefy.cases.closed", "{case}", "Cases closed.");

    private static readonly Counter<long> StageAdvances =
        CaseFyTelemetry.Meter.CreateCounter<long>("casefy.stage.advances", "{stage}", "Stages a case left for its next one.");

    private static readonly Counter<long> SlaBreaches =
        CaseFyTelemetry.Meter.CreateCounter<long>("casefy.sla.breaches", "{breach}", "Stage SLAs that ran out.");

    private static readonly Counter<long> WebhookFailures =
        CaseFyTelemetry.Meter.CreateCounter<long>("casefy.webhook.failures", "{attempt}", "Webhook attempts that were not delivered.");

    private static readonly Histogram<double> OutboxLag =
        CaseFyTelemetry.Meter.CreateHistogram<double>(
            "casefy.outbox.lag", "s", "From a lifecycle entry's commit to its publication (feed and Event Grid).");

    /// <summary>Counts the lifecycle facts among entries just committed.</summary>
    public static void RecordCommitted(IEnumerable<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            var counter = entry.Type switch
            {
                TimelineEntryTypes.CaseCreated => CasesOpened,
                TimelineEntryTypes.CaseClosed => CasesClosed,
                TimelineEntryTypes.StageExited => StageAdvances,
                TimelineEntryTypes.SlaBreached => SlaBreaches,
                _ => null,
            };
            counter?.Add(1);
        }
    }

    /// <summary>One webhook attempt that was not delivered (answered non-2xx, unreachable or timed out).</summary>
    public static void RecordWebhookFailure() => WebhookFailures.Add(1);

    /// <summary>How long published entries waited in the outbox.</summary>
    public static void RecordPublished(IEnumerable<TimelineEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            OutboxLag.Record(Math.Max(0, (now - entry.At).TotalSeconds));
        }
    }
}
