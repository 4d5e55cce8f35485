using System.Globalization;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Metrics;

/// <summary>
/// Counts a case's timeline entries into its template's totals: cases open and closed, SLA breaches, closed per
/// day, and per stage the visits with their time in stage. A visit ends at the stage's exit, at a move to another
/// stage or at a close (early or not); time on hold is left out of time in stage and counted apart.
/// </summary>
public static class MetricsFold
{
    /// <summary>Applies the entries the cursor has not counted yet, in sequence order.</summary>
    /// <returns>Whether any entry was new.</returns>
    public static bool Apply(MetricsTotals totals, CaseMetricsCursor cursor, IEnumerable<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(entries);
        var applied = false;
        foreach (var entry in entries.Where(e => e.Seq > cursor.AppliedSeq).OrderBy(e => e.Seq))
        {
            Count(totals, cursor, entry);
            cursor.AppliedSeq = entry.Seq;
            applied = true;
        }

        return applied;
    }

    private static void Count(MetricsTotals totals, CaseMetricsCursor cursor, TimelineEntry entry)
    {
        switch (entry.Type)
        {
            case TimelineEntryTypes.CaseCreated:
                cursor.Open = true;
                totals.Open++;
                break;
            case TimelineEntryTypes.StageEntered:
                EndVisit(totals, cursor, entry.At, VisitEnd.Exit);
                cursor.Stage = entry.Stage;
                cursor.EnteredAt = entry.At;
                var stage = totals.Stage(entry.Stage);
                stage.Name = entry.Data.GetValueOrDefault("stageName") ?? stage.Name;
                stage.InStageNow++;
                break;
            case TimelineEntryTypes.StageExited:
                EndVisit(totals, cursor, entry.At, VisitEnd.Exit);
                break;
            case TimelineEntryTypes.StageMoved:
                EndVisit(totals, cursor, entry.At, VisitEnd.Move);
                break;
            case TimelineEntryTypes.CaseClosed:
                EndVisit(totals, cursor, entry.At, entry.Data.GetValueOrDefault("early") == "true" ? VisitEnd.EarlyClose : VisitEnd.Exit);
                Close(totals, cursor, entry.At);
                break;
            case TimelineEntryTypes.CaseReopened:
                Reopen(totals, cursor);
                break;
            case TimelineEntryTypes.CaseOnHold:
                cursor.HeldSince ??= entry.At;
                break;
            case TimelineEntryTypes.CaseResumed when cursor.HeldSince is { } since:
                cursor.HeldTicks += Ticks(entry.At - since);
                cursor.HeldSince = null;
                break;
            case TimelineEntryTypes.SlaBreached:
                totals.SlaBreaches++;
                break;
        }
    }

    private static void EndVisit(MetricsTotals totals, CaseMetricsCursor cursor, DateTimeOffset at, VisitEnd end)
    {
        if (cursor.Stage is not { } key || cursor.EnteredAt is not { } enteredAt)
        {
            return;
        }

        var held = cursor.HeldTicks;
        if (cursor.HeldSince is { } since)
        {
            // Still on hold: the hold goes on into whatever comes next.
            held += Ticks(at - since);
            cursor.HeldSince = at;
        }

        var ticks = Math.Max(0, Ticks(at - enteredAt) - held);
        var stage = totals.Stage(key);
        stage.Visits++;
        stage.TotalTicks += ticks;
        stage.MaxTicks = Math.Max(stage.MaxTicks, ticks);
        stage.HeldTicks += held;
        stage.EndedByMove += end == VisitEnd.Move ? 1 : 0;
        stage.EndedByEarlyClose += end == VisitEnd.EarlyClose ? 1 : 0;
        stage.InStageNow--;
        cursor.Stage = null;
        cursor.EnteredAt = null;
        cursor.HeldTicks = 0;
    }

    private static void Close(MetricsTotals totals, CaseMetricsCursor cursor, DateTimeOffset at)
    {
        if (!cursor.Open)
        {
            return;
        }

        var day = at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        cursor.Open = false;
        cursor.ClosedOn = day;
        cursor.HeldSince = null;
        totals.Open--;
        totals.Closed++;
        totals.ClosedPerDay[day] = totals.ClosedPerDay.GetValueOrDefault(day) + 1;
    }

    private static void Reopen(MetricsTotals totals, CaseMetricsCursor cursor)
    {
        if (cursor.Open)
        {
            return;
        }

        if (cursor.ClosedOn is { } day && totals.ClosedPerDay.TryGetValue(day, out var count))
        {
            // Closed per day counts the cases closed now, as the case list would.
            if (count > 1)
            {
                totals.ClosedPerDay[day] = count - 1;
            }
            else
            {
                totals.ClosedPerDay.Remove(day);
            }
        }

        cursor.Open = true;
        cursor.ClosedOn = null;
        totals.Closed--;
        totals.Open++;
    }

    private static long Ticks(TimeSpan span) => Math.Max(0, span.Ticks);

    private enum VisitEnd
    {
        Exit,
        Move,
        EarlyClose,
    }
}
