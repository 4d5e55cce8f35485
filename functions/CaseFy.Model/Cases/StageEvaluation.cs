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

        var criteria = ExitCriteria.Evaluate(writer.Case, stage, template.Fields);
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

    /// <summary>
    /// <see cref="Evaluate"/>, and when the case is then to leave a stage that has no on-exit automations, the exit and
    /// the next stage's entry in the same change: one stored change and one engine round trip per advance instead of
    /// three. A stage with on-exit automations is left by the orchestration after they have run.
    /// </summary>
    public static CaseChange? EvaluateAndMoveOn(CaseRecord current, CaseTemplate template, int visit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        var evaluated = Evaluate(current, template, visit, now);
        var state = evaluated?.Case ?? current;
        var leaving = state.Status == CaseStatus.Open && state.CurrentStage.Visit == visit && state.CurrentStage.EnteredAt is not null
            && state.PendingAdvance?.StageIndex == state.CurrentStage.Index && template.Stages[state.CurrentStage.Index].OnExit.Count == 0;
        if (!leaving || CaseLifecycle.ExitStage(state, template, state.CurrentStage.Index, now) is not { } exited)
        {
            return evaluated;
        }

        var entered = CaseLifecycle.EnterStage(exited.Case, template, now);
        return new CaseChange((entered ?? exited).Case, [.. evaluated?.Entries ?? [], .. exited.Entries, .. entered?.Entries ?? []]);
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
