using System.Globalization;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>
/// What people may do outside the template's path: move to any stage (with a reason), hold and resume, close early,
/// reopen, comment. A move and an early close do not run the stage's on-exit automations: they override the
/// process rather than complete it.
/// </summary>
public static class CaseFlexibility
{
    /// <summary>Moves the case to another stage; the orchestration enters it (a new visit: fresh tasks and decision).</summary>
    public static CaseChange Move(CaseRecord current, CaseTemplate template, string stageKey, string reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(template);
        TaskRules.RequireNotClosed(current);
        var index = CaseLifecycle.IndexOf(template, stageKey);
        if (index < 0)
        {
            throw new CaseItemMissingException("stage");
        }

        if (index == current.CurrentStage.Index)
        {
            throw new CaseRuleException($"The case is in stage '{stageKey}' already.");
        }

        var leaving = current.CurrentStage;
        return new TimelineWriter(current, now)
            .Update(c => c with { CurrentStage = CaseLifecycle.NewVisit(leaving, index, template.Stages[index]), PendingAdvance = null })
            .Append(TimelineEntryTypes.StageMoved, actor, new() { ["from"] = leaving.Key, ["to"] = stageKey, ["reason"] = reason.Trim() }, leaving.Key)
            .ToChange();
    }

    public static CaseChange Hold(CaseRecord current, string? reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Status != CaseStatus.Open)
        {
            throw new CaseRuleException(current.Status == CaseStatus.OnHold ? "The case is on hold already." : "The case is closed.");
        }

        return new TimelineWriter(current, now)
            .Update(c => c with { Status = CaseStatus.OnHold, HeldSince = now, CurrentStage = c.CurrentStage with { ReadyToAdvance = false } })
            .Append(TimelineEntryTypes.CaseOnHold, actor, WithReason([], reason))
            .ToChange();
    }

    /// <summary>
    /// Takes the case off hold. Time on hold does not count: the stage's SLA due time (unless already breached) and the
    /// due times of open tasks not yet overdue move forward by the time held, recorded as <c>heldSeconds</c>.
    /// </summary>
    public static CaseChange Resume(CaseRecord current, string? reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Status != CaseStatus.OnHold)
        {
            throw new CaseRuleException("The case is not on hold.");
        }

        // A case held before HeldSince existed has no start to measure from: nothing moves.
        var held = current.HeldSince is { } since && now > since ? now - since : TimeSpan.Zero;
        var data = WithReason(new() { ["heldSeconds"] = ((long)held.TotalSeconds).ToString(CultureInfo.InvariantCulture) }, reason);
        var stage = current.CurrentStage;
        var slaDue = stage.SlaBreached ? stage.SlaDueAt : stage.SlaDueAt + held;
        if (slaDue is { } due)
        {
            data["slaDueAt"] = CaseLifecycle.Iso(due);
        }

        return new TimelineWriter(current, now)
            .Update(c => c with
            {
                Status = CaseStatus.Open,
                HeldSince = null,
                CurrentStage = c.CurrentStage with { SlaDueAt = slaDue },
                Tasks = [.. c.Tasks.Select(t => t.Status == CaseTaskStatus.Open && !t.Overdue ? t with { DueAt = t.DueAt + held } : t)],
            })
            .Append(TimelineEntryTypes.CaseResumed, actor, data)
            .ToChange();
    }

    /// <summary>Closes the case now, whatever its stage's criteria say.</summary>
    public static CaseChange Close(CaseRecord current, string reason, string? outcome, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        TaskRules.RequireNotClosed(current);
        var outcomeKey = outcome ?? "closed-early";
        return new TimelineWriter(current, now)
            .Update(c => c with
            {
                Status = CaseStatus.Closed,
                ClosedAt = now,
                Outcome = outcomeKey,
                PendingAdvance = null,
                CurrentStage = c.CurrentStage with { ReadyToAdvance = false },
            })
            .Append(TimelineEntryTypes.CaseClosed, actor, new() { ["outcome"] = outcomeKey, ["reason"] = reason.Trim(), ["early"] = "true" })
            .ToChange();
    }

    /// <summary>Reopens a closed case in the stage it closed in, as a new visit the orchestration enters.</summary>
    public static CaseChange Reopen(CaseRecord current, CaseTemplate template, string? reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(template);
        if (current.Status != CaseStatus.Closed)
        {
            throw new CaseRuleException("The case is not closed.");
        }

        var stage = current.CurrentStage;
        return new TimelineWriter(current, now)
            .Update(c => c with
            {
                Status = CaseStatus.Open,
                ClosedAt = null,
                Outcome = null,
                CurrentStage = CaseLifecycle.NewVisit(stage, stage.Index, template.Stages[stage.Index]),
            })
            .Append(TimelineEntryTypes.CaseReopened, actor, WithReason([], reason), stage.Key)
            .ToChange();
    }

    /// <summary>Adds an internal comment (comments live on the timeline only).</summary>
    public static CaseChange Comment(CaseRecord current, string text, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new TimelineWriter(current, now)
            .Append(TimelineEntryTypes.CommentAdded, actor, new() { ["text"] = text.Trim() })
            .ToChange();
    }

    private static Dictionary<string, string> WithReason(Dictionary<string, string> data, string? reason)
    {
        if (!string.IsNullOrWhiteSpace(reason))
        {
            data["reason"] = reason.Trim();
        }

        return data;
    }
}
