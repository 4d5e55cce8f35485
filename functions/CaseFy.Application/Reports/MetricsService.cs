using System.Globalization;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Reports;

/// <summary>
/// A template's metrics as an on-demand report: every case of the template is read from the case index, and each
/// case's timeline is streamed once for its stage visits and SLA breaches. The cost is one index scan plus one
/// partition read per case, growing with cases x timeline length: fine for a report someone asks for, not for a
/// dashboard polled every few seconds (that would want totals kept up to date as entries are written).
/// </summary>
public sealed class MetricsService(ICaseStore cases, ITemplateStore templates, TimeProvider time)
{
    public const int ThroughputDays = 30;

    // Written by the SLA timers of the case model; counted whenever they appear.
    private const string SlaBreached = "SlaBreached";

    /// <returns>The metrics, or <see langword="null"/> when there is no such template.</returns>
    public async Task<TemplateMetrics?> ComputeAsync(string templateId, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(templateId, version: null, cancellationToken);
        if (template is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstDay = today.AddDays(1 - ThroughputDays);
        var closedPerDay = new int[ThroughputDays];
        var stages = new StageTally(template.Stages.Select(s => (s.Key, s.Name)));
        int open = 0, closed = 0, breaches = 0;
        await foreach (var record in cases.ScanAsync(new CaseFilter(TemplateId: templateId), cancellationToken))
        {
            if (record.Status == CaseStatus.Closed)
            {
                closed++;
                if (record.ClosedAt is { } closedAt && DateOnly.FromDateTime(closedAt.UtcDateTime) is var day && day >= firstDay && day <= today)
                {
                    closedPerDay[day.DayNumber - firstDay.DayNumber]++;
                }
            }
            else
            {
                open++;
                stages.CountPresent(record.CurrentStage.Key, record.CurrentStage.Name);
            }

            breaches += await TallyTimelineAsync(record, stages, cancellationToken);
        }

        var throughput = closedPerDay
            .Select((count, i) => new DailyCount(firstDay.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), count))
            .ToList();
        return new TemplateMetrics(template.Id, now, open, closed, breaches, stages.ToMetrics(), throughput);
    }

    // Pairs each StageEntered with the next StageExited of the same stage, less the time on hold between them (time
    // held does not count, as for the SLA); returns the SLA breaches seen.
    private async Task<int> TallyTimelineAsync(CaseRecord record, StageTally stages, CancellationToken cancellationToken)
    {
        var breaches = 0;
        (string Stage, DateTimeOffset At)? entered = null;
        DateTimeOffset? heldAt = null;
        var held = TimeSpan.Zero;
        try
        {
            await foreach (var entry in cases.ReadTimelineAsync(record.Id, afterSeq: 0, beforeSeq: record.TimelineLength + 1, cancellationToken))
            {
                switch (entry.Type)
                {
                    case TimelineEntryTypes.StageEntered:
                        entered = (entry.Stage, entry.At);
                        held = TimeSpan.Zero;
                        heldAt = heldAt is null ? null : entry.At;
                        break;
                    case TimelineEntryTypes.CaseOnHold:
                        heldAt = entry.At;
                        break;
                    case TimelineEntryTypes.CaseResumed when heldAt is { } since:
                        held += entry.At - since;
                        heldAt = null;
                        break;
                    case TimelineEntryTypes.StageExited when entered is { } visit && visit.Stage == entry.Stage:
                        stages.AddVisit(entry.Stage, entry.Data.GetValueOrDefault("stageName") ?? entry.Stage, entry.At - visit.At - held);
                        entered = null;
                        break;
                    case SlaBreached:
                        breaches++;
                        break;
                }
            }
        }
        catch (InvalidDataException)
        {
            // A damaged timeline (the verify route reports it) counts up to the damage instead of failing the report.
        }

        return breaches;
    }

    private sealed class StageTally
    {
        private readonly List<string> _order = [];
        private readonly Dictionary<string, Tally> _byKey = new(StringComparer.Ordinal);

        public StageTally(IEnumerable<(string Key, string Name)> stages)
        {
            foreach (var (key, name) in stages)
            {
                Get(key, name);
            }
        }

        public void CountPresent(string key, string name) => Get(key, name).InStageNow++;

        public void AddVisit(string key, string name, TimeSpan duration)
        {
            var tally = Get(key, name);
            tally.Visits++;
            tally.Total += duration;
            tally.Max = duration > tally.Max ? duration : tally.Max;
        }

        public List<StageMetrics> ToMetrics() =>
        [
            .. _order.Select(key => _byKey[key]).Select(t => new StageMetrics(
                t.Key, t.Name, t.Visits, t.Total.TotalSeconds,
                t.Visits == 0 ? null : t.Total.TotalSeconds / t.Visits,
                t.Visits == 0 ? null : t.Max.TotalSeconds,
                t.InStageNow)),
        ];

        private Tally Get(string key, string name)
        {
            if (!_byKey.TryGetValue(key, out var tally))
            {
                _byKey[key] = tally = new Tally(key, name);
                _order.Add(key);
            }

            return tally;
        }
    }

    private sealed class Tally(string key, string name)
    {
        public string Key { get; } = key;

        public string Name { get; } = name;

        public int Visits { get; set; }

        public TimeSpan Total { get; set; }

        public TimeSpan Max { get; set; }

        public int InStageNow { get; set; }
    }
}
