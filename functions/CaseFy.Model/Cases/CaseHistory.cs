using System.Globalization;
using System.Text.Json;
using CaseFy.Model.Access;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>
/// Rebuilds a case from its timeline (<c>GET /api/cases/{id}?asOf=…</c>): a pure fold of the entries, in order, each
/// applied the way the rule that wrote it changed the case. The template version the case runs on supplies what an
/// entry names by key (a stage's index and name, a template document's name and provider).
/// </summary>
/// <remarks>
/// Rebuilt: title, number, template, status, stage (visit, entry time, SLA, breach, automation runs done), closure and
/// outcome, owner and participants, tasks, documents with their versions, decisions, data, the overdue flag, and the
/// timeline length and head. Not rebuilt, because they are the engine's working state rather than the case's:
/// a pending advance and the "ready to advance" flag (both recomputed by the orchestration from the rest), and the
/// portal links (their token hashes never go on the timeline; the links are listed on their own route).
/// <see cref="CaseRecord.UpdatedAt"/> is the time of the last entry folded.
/// </remarks>
public static partial class CaseHistory
{
    /// <summary>The case as it stood at <paramref name="asOf"/>: every entry recorded at or before it, folded.</summary>
    /// <returns><see langword="null"/> when the case did not exist yet at that moment.</returns>
    public static CaseRecord? AsOf(IEnumerable<TimelineEntry> entries, CaseTemplate template, DateTimeOffset asOf) =>
        Fold(entries.TakeWhile(e => e.At <= asOf), template);

    /// <summary>Folds the entries, oldest first, starting from the <c>CaseCreated</c> entry.</summary>
    /// <returns><see langword="null"/> when there are no entries.</returns>
    public static CaseRecord? Fold(IEnumerable<TimelineEntry> entries, CaseTemplate template)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(template);
        CaseRecord? current = null;
        foreach (var entry in entries)
        {
            current = current is null ? Created(entry, template) : Apply(current, entry, template);
            current = current with { TimelineLength = entry.Seq, TimelineHead = entry.Hash, UpdatedAt = entry.At };
        }

        return current is null ? null : current with
        {
            Overdue = current.Status != CaseStatus.Closed
                && (current.CurrentStage.SlaBreached || current.Tasks.Any(t => t.Status == CaseTaskStatus.Open && t.Overdue)),
        };
    }

    private static CaseRecord Created(TimelineEntry entry, CaseTemplate template)
    {
        if (entry.Type != TimelineEntryTypes.CaseCreated)
        {
            throw new InvalidOperationException($"A timeline starts with {TimelineEntryTypes.CaseCreated}, not {entry.Type}.");
        }

        var first = template.Stages[0];
        return new CaseRecord
        {
            Id = entry.CaseId,
            Title = entry.Data["title"],
            Number = entry.Data.GetValueOrDefault("number"),
            TemplateId = template.Id,
            TemplateVersion = template.Version,
            Status = CaseStatus.Open,
            CurrentStage = new CurrentStage(0, first.Key, first.Name, EnteredAt: null) { Visit = 1 },
            CreatedAt = entry.At,
            CreatedBy = entry.Actor,
            UpdatedAt = entry.At,
            TimelineLength = entry.Seq,
            TimelineHead = entry.Hash,
            Participants = [new CaseParticipant(entry.Actor.Id, entry.Actor.Name, ParticipantRole.Owner)],
        };
    }

    private static CaseRecord Apply(CaseRecord c, TimelineEntry entry, CaseTemplate template)
    {
        var data = entry.Data;
        return entry.Type switch
        {
            TimelineEntryTypes.StageEntered => c with
            {
                CurrentStage = c.CurrentStage with { EnteredAt = entry.At, SlaDueAt = Time(data, "slaDueAt") },
            },
            TimelineEntryTypes.StageExited when data.TryGetValue("nextStage", out var next) => Visit(c, template, next),
            TimelineEntryTypes.StageMoved => Visit(c, template, data["to"]) with { PendingAdvance = null },
            TimelineEntryTypes.SlaBreached => c with { CurrentStage = c.CurrentStage with { SlaBreached = true } },
            TimelineEntryTypes.SlaDueSoon => c with { CurrentStage = c.CurrentStage with { SlaReminded = true } },
            TimelineEntryTypes.AutomationRan => AutomationRan(c, data),
            TimelineEntryTypes.CaseClosed => c with
            {
                Status = CaseStatus.Closed,
                ClosedAt = entry.At,
                Outcome = data["outcome"],
                PendingAdvance = null,
                CurrentStage = c.CurrentStage with { ReadyToAdvance = false },
            },
            TimelineEntryTypes.CaseReopened => Visit(c, template, c.CurrentStage.Key) with
            {
                Status = CaseStatus.Open,
                ClosedAt = null,
                Outcome = null,
            },
            TimelineEntryTypes.CaseOnHold => c with { Status = CaseStatus.OnHold, HeldSince = entry.At },
            TimelineEntryTypes.CaseResumed => Resumed(c, entry.At),
            TimelineEntryTypes.FieldsChanged => FieldsChanged(c, data),
            _ => ApplyWork(c, entry, template) ?? ApplyPeople(c, entry) ?? c,
        };
    }

    // A new visit of a stage, not entered yet (as CaseLifecycle.NewVisit).
    private static CaseRecord Visit(CaseRecord c, CaseTemplate template, string stageKey)
    {
        var index = CaseLifecycle.IndexOf(template, stageKey);
        return c with { CurrentStage = CaseLifecycle.NewVisit(c.CurrentStage, index, template.Stages[index]) };
    }

    private static CaseRecord AutomationRan(CaseRecord c, IReadOnlyDictionary<string, string> data)
    {
        // "run" is "{visit}/{runId}"; a run of an older visit is no longer the current stage's.
        var run = data["run"];
        var slash = run.IndexOf('/', StringComparison.Ordinal);
        return int.Parse(run.AsSpan(0, slash), CultureInfo.InvariantCulture) == c.CurrentStage.Visit
            ? c with { CurrentStage = c.CurrentStage with { AutomationsDone = [.. c.CurrentStage.AutomationsDone, run[(slash + 1)..]] } }
            : c;
    }

    // As CaseFlexibility.Resume: the SLA (unless breached) and open tasks not yet overdue move on by the time held,
    // measured from the hold entry's time, which is exactly what the rule measured (heldSeconds is rounded down).
    private static CaseRecord Resumed(CaseRecord c, DateTimeOffset at)
    {
        var held = c.HeldSince is { } since && at > since ? at - since : TimeSpan.Zero;
        var stage = c.CurrentStage;
        return c with
        {
            Status = CaseStatus.Open,
            HeldSince = null,
            CurrentStage = stage with { SlaDueAt = stage.SlaBreached ? stage.SlaDueAt : stage.SlaDueAt + held },
            Tasks = [.. c.Tasks.Select(t => t.Status == CaseTaskStatus.Open && !t.Overdue ? t with { DueAt = t.DueAt + held } : t)],
        };
    }

    private static CaseRecord FieldsChanged(CaseRecord c, IReadOnlyDictionary<string, string> data)
    {
        var values = new Dictionary<string, JsonElement>(c.Data, StringComparer.Ordinal);
        foreach (var key in data["fields"].Split(','))
        {
            var value = JsonElement.Parse(data[CaseData.NewPrefix + key]);
            if (value.ValueKind == JsonValueKind.Null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }

        return c with { Data = values };
    }

    private static DateTimeOffset? Time(IReadOnlyDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var text) ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;

    private static int Int(IReadOnlyDictionary<string, string> data, string key) => int.Parse(data[key], CultureInfo.InvariantCulture);
}
