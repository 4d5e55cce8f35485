using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>
/// What the orchestration does after every signal and timer: marks tasks past due (<c>TaskOverdue</c>), the SLA
/// breach (<c>SlaBreached</c> + an escalation task), whether a manual stage is ready to advance, and requests the
/// advance of an automatic stage whose exit criteria are met. All from stored facts; <see langword="null"/> when
/// nothing changed, so a repeated evaluation is harmless. A case on hold is only looked at, not changed.
/// </summary>
public static class StageEvaluation
{
    public static CaseChange? Evaluate(CaseRecord current, CaseTemplate template, int visit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(template);
        if (current.Status != CaseStatus.Open || current.CurrentStage.Visit != visit || current.CurrentStage.EnteredAt is null)
        {
            return null;
        }

        var stage = template.Stages[current.CurrentStage.Index];
        var writer = new TimelineWriter(current, now);
        foreach (var task in current.Tasks.Where(t => t.Status == CaseTaskStatus.Open && !t.Overdue && t.DueAt <= now))
        {
            writer.Update(c => TaskRules.Replace(c, task with { Overdue = true }))
                .Append(TimelineEntryTypes.TaskOverdue, Actor.System, new()
                {
                    ["taskId"] = task.Id,
                    ["title"] = task.Title,
                    ["dueAt"] = CaseLifecycle.Iso(task.DueAt!.Value),
                });
        }

        if (current.CurrentStage.SlaDueAt is { } slaDue && slaDue <= now && !current.CurrentStage.SlaBreached)
        {
            var role = stage.OnBreach?.EscalateTo ?? TemplateKeys.OwnerRole;
            writer.Update(c => c with { CurrentStage = c.CurrentStage with { SlaBreached = true } })
                .Append(TimelineEntryTypes.SlaBreached, Actor.System, new()
                {
                    ["stageName"] = stage.Name,
                    ["slaDueAt"] = CaseLifecycle.Iso(slaDue),
                    ["escalateTo"] = role,
                });
            TaskRules.Create(
                writer, $"Escalation: stage '{stage.Name}' is past its SLA", "sla-escalation",
                CaseRoles.Resolve(writer.Case, role), role, dueAt: null, required: false, Actor.System);
        }

        var criteria = ExitCriteria.Evaluate(writer.Case, stage);
        var ready = criteria.Met && stage.Advance == AdvanceMode.Manual && writer.Case.PendingAdvance is null;
        writer.Update(c => c with { CurrentStage = c.CurrentStage with { ReadyToAdvance = ready } });
        if (criteria.Met && stage.Advance == AdvanceMode.Auto && writer.Case.PendingAdvance is null)
        {
            writer.Update(c => c with { PendingAdvance = new AdvanceRequest(c.CurrentStage.Index, null, Actor.System, now) });
        }

        var change = writer.ToChange();
        return writer.HasEntries || change.Case.CurrentStage != current.CurrentStage || change.Case.PendingAdvance != current.PendingAdvance
            ? change
            : null;
    }

    /// <summary>When the orchestration should look again by itself: the SLA or the earliest due time still ahead.</summary>
    public static DateTimeOffset? NextWakeAt(CaseRecord current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var candidates = current.Tasks
            .Where(t => t.Status == CaseTaskStatus.Open && !t.Overdue && t.DueAt is not null)
            .Select(t => t.DueAt!.Value)
            .ToList();
        if (current.CurrentStage.SlaDueAt is { } sla && !current.CurrentStage.SlaBreached)
        {
            candidates.Add(sla);
        }

        return candidates.Count == 0 ? null : candidates.Min();
    }
}
