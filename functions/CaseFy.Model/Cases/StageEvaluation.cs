using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>
/// What the orchestration does after every signal and timer: marks tasks past due (<c>TaskOverdue</c>), the SLA
/// breach (<c>SlaBreached</c> + an escalation task), the template's reminders (<c>TaskDueSoon</c>, <c>SlaDueSoon</c>:
/// once each, only while the due time is still ahead, so a reminder is never sent after the overdue), whether a manual stage is ready to advance, and requests the
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

        RemindTasks(writer, template.Reminders?.TaskLeadHours, now);
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

        RemindSla(writer, stage, template.Reminders?.SlaLeadHours, now);
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
    public static CaseChange? EvaluateAndMoveOn(CaseRecord current, CaseTemplate template, int visit, DateTimeOffset now) =>
        EvaluateAndLeave(current, template, visit, now, byEngine: true);

    /// <summary>
    /// A person's advance (<see cref="CaseLifecycle.RequestAdvance"/>), carried out in the same change when the engine has
    /// nothing left to run in the stage first (<see cref="LeavesAtOnce"/>): the case is in its next stage (entered and
    /// evaluated, unless that stage's on-enter automations are to run first: the orchestration enters it, as after a
    /// move) or closed when the request is stored. Otherwise the request waits for the orchestration, which runs the
    /// stage's remaining automations and then leaves it.
    /// </summary>
    /// <exception cref="CaseRuleException">The case cannot advance now (see <see cref="CaseLifecycle.RequestAdvance"/>).</exception>
    public static CaseChange Advance(CaseRecord current, CaseTemplate template, string? reason, Actor actor, DateTimeOffset now, string? fromStage = null)
    {
        var requested = CaseLifecycle.RequestAdvance(current, template, reason, actor, now, fromStage);
        if (!LeavesAtOnce(requested.Case, template))
        {
            return requested;
        }

        return EvaluateAndLeave(requested.Case, template, current.CurrentStage.Visit, now, byEngine: false) is { } moved
            ? new CaseChange(moved.Case, [.. requested.Entries, .. moved.Entries])
            : requested;
    }

    /// <summary>
    /// Whether the orchestration has nothing to run in the case's stage before it is left: the stage has no on-exit
    /// automations, its on-enter automations have all run, and no SLA-breach webhook is waiting.
    /// </summary>
    public static bool LeavesAtOnce(CaseRecord current, CaseTemplate template)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(template);
        var stage = template.Stages[current.CurrentStage.Index];
        var done = current.CurrentStage.AutomationsDone;
        return stage.OnExit.Count == 0
            && Enumerable.Range(0, stage.OnEnter.Count).All(i => done.Contains(AutomationRules.RunId(AutomationPhase.Enter, i)))
            && (stage.OnBreach?.WebhookUrl is null || !current.CurrentStage.SlaBreached || done.Contains(AutomationPhase.Breach));
    }

    // byEngine: the orchestration carries the advance out, having run the stage's automations (only on-exit ones keep it
    // from leaving here), and enters any next stage, whose on-enter automations it runs next. Otherwise a request does:
    // the stage is left only when the engine has nothing to run in it, and a next stage with on-enter automations is left
    // for the orchestration to enter.
    private static CaseChange? EvaluateAndLeave(CaseRecord current, CaseTemplate template, int visit, DateTimeOffset now, bool byEngine)
    {
        ArgumentNullException.ThrowIfNull(template);
        var evaluated = Evaluate(current, template, visit, now);
        var state = evaluated?.Case ?? current;
        var leaving = state.Status == CaseStatus.Open && state.CurrentStage.Visit == visit && state.CurrentStage.EnteredAt is not null
            && state.PendingAdvance?.StageIndex == state.CurrentStage.Index
            && (byEngine ? template.Stages[state.CurrentStage.Index].OnExit.Count == 0 : LeavesAtOnce(state, template));
        if (!leaving || CaseLifecycle.ExitStage(state, template, state.CurrentStage.Index, now) is not { } exited)
        {
            return evaluated;
        }

        var entered = byEngine || EvaluatesOnEntry(exited.Case, template) ? EnterAndEvaluate(exited.Case, template, now) : null;
        return new CaseChange((entered ?? exited).Case, [.. evaluated?.Entries ?? [], .. exited.Entries, .. entered?.Entries ?? []]);
    }

    /// <summary>
    /// Enters the case's current stage and, when the stage has no on-enter automations (they run before its first
    /// evaluation), evaluates it in the same change: the stage's first evaluation costs no stored change and no engine
    /// round trip of its own. <see langword="null"/> when the stage is entered already: it was evaluated by the change
    /// that entered it, and what changed since then is looked at after the signal that change sent.
    /// </summary>
    public static CaseChange? EnterAndEvaluate(CaseRecord current, CaseTemplate template, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        var entered = CaseLifecycle.EnterStage(current, template, now);
        if (entered is null || !EvaluatesOnEntry(entered.Case, template))
        {
            return entered;
        }

        return Evaluate(entered.Case, template, entered.Case.CurrentStage.Visit, now) is { } evaluated
            ? new CaseChange(evaluated.Case, [.. entered.Entries, .. evaluated.Entries])
            : entered;
    }

    /// <summary>
    /// What a generation's entry does: enters the stage (<see cref="EnterAndEvaluate"/>), or, when it is entered already
    /// and has no on-enter automations, evaluates it (<see cref="EvaluateAndMoveOn"/>). The stage may have been entered
    /// by the change that carried an advance out, and a change made since then signalled the previous generation,
    /// whose signal the local sidecar can drop across the continue-as-new: the entry's own read must not miss it.
    /// </summary>
    public static CaseChange? EnterOrEvaluate(CaseRecord current, CaseTemplate template, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.CurrentStage.EnteredAt is null || !EvaluatesOnEntry(current, template)
            ? EnterAndEvaluate(current, template, now)
            : EvaluateAndMoveOn(current, template, current.CurrentStage.Visit, now);
    }

    /// <summary>Whether <see cref="EnterAndEvaluate"/> evaluates the case's current stage: it has no on-enter automations.</summary>
    public static bool EvaluatesOnEntry(CaseRecord current, CaseTemplate template)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(template);
        return template.Stages[current.CurrentStage.Index].OnEnter.Count == 0;
    }

    /// <summary>
    /// When the orchestration should look again by itself: the SLA, the earliest due time still ahead, or the earliest
    /// reminder of the template's lead times not yet recorded.
    /// </summary>
    public static DateTimeOffset? NextWakeAt(CaseRecord current, CaseTemplate template)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(template);
        var (taskLead, slaLead) = (template.Reminders?.TaskLeadHours, template.Reminders?.SlaLeadHours);
        var candidates = new List<DateTimeOffset>();
        foreach (var task in current.Tasks.Where(t => t.Status == CaseTaskStatus.Open && !t.Overdue && t.DueAt is not null))
        {
            candidates.Add(task.DueAt!.Value);
            if (!task.Reminded && ReminderSettings.RemindAt(task.DueAt, taskLead) is { } remindAt)
            {
                candidates.Add(remindAt);
            }
        }

        var stage = current.CurrentStage;
        if (stage.SlaDueAt is { } sla && !stage.SlaBreached)
        {
            candidates.Add(sla);
            if (!stage.SlaReminded && ReminderSettings.RemindAt(sla, slaLead) is { } remindAt)
            {
                candidates.Add(remindAt);
            }
        }

        return candidates.Count == 0 ? null : candidates.Min();
    }

    // A reminder is due from its instant until the due time itself; one whose instant had passed already when the due
    // time was set (a task due in 2 h with a 24 h lead) is recorded at once. After the due time only the overdue counts.
    private static void RemindTasks(TimelineWriter writer, double? leadHours, DateTimeOffset now)
    {
        var due = writer.Case.Tasks.Where(t => t.Status == CaseTaskStatus.Open && !t.Overdue && !t.Reminded
            && t.DueAt > now && ReminderSettings.RemindAt(t.DueAt, leadHours) <= now).ToList();
        foreach (var task in due)
        {
            writer.Update(c => TaskRules.Replace(c, task with { Reminded = true }))
                .Append(TimelineEntryTypes.TaskDueSoon, Actor.System, new()
                {
                    ["taskId"] = task.Id,
                    ["title"] = task.Title,
                    ["dueAt"] = CaseLifecycle.Iso(task.DueAt!.Value),
                });
        }
    }

    private static void RemindSla(TimelineWriter writer, StageDefinition stage, double? leadHours, DateTimeOffset now)
    {
        var current = writer.Case.CurrentStage;
        // Without a lead time there is no reminder (a lifted comparison with null would be false and let it through).
        if (current.SlaBreached || current.SlaReminded || current.SlaDueAt is not { } slaDue || slaDue <= now
            || ReminderSettings.RemindAt(slaDue, leadHours) is not { } remindAt || remindAt > now)
        {
            return;
        }

        writer.Update(c => c with { CurrentStage = c.CurrentStage with { SlaReminded = true } })
            .Append(TimelineEntryTypes.SlaDueSoon, Actor.System, new()
            {
                ["stageName"] = stage.Name,
                ["slaDueAt"] = CaseLifecycle.Iso(slaDue),
            });
    }
}
