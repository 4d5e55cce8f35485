using CaseFy.Model.Access;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>
/// The rules that move a case through its life. Each returns the new state together with the timeline
/// entries recording it, or <see langword="null"/> when there is nothing to do, which is what makes the
/// activities calling them idempotent: a retry finds the work done and changes nothing.
/// </summary>
public static class CaseLifecycle
{
    /// <summary>Opens a case in the template's first stage (entered later by the orchestration); its creator owns it.</summary>
    public static CaseChange Open(string caseId, string title, CaseTemplate template, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(actor);
        var first = template.Stages[0];
        var opened = new CaseRecord
        {
            Id = caseId,
            Title = title.Trim(),
            TemplateId = template.Id,
            TemplateVersion = template.Version,
            Status = CaseStatus.Open,
            CurrentStage = new CurrentStage(0, first.Key, first.Name, EnteredAt: null),
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
            TimelineLength = 0,
            TimelineHead = TimelineChain.Genesis,
            Participants = [new CaseParticipant(actor.Id, actor.Name, ParticipantRole.Owner)],
        };
        return new TimelineWriter(opened, now)
            .Append(TimelineEntryTypes.CaseCreated, actor, new()
            {
                ["title"] = opened.Title,
                ["templateId"] = template.Id,
                ["templateVersion"] = template.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .ToChange();
    }

    /// <summary>Marks the current stage as entered; nothing to do when it already is or the case is closed.</summary>
    public static CaseChange? EnterStage(CaseRecord current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Status != CaseStatus.Open || current.CurrentStage.EnteredAt is not null)
        {
            return null;
        }

        var entered = current with { CurrentStage = current.CurrentStage with { EnteredAt = now } };
        return new TimelineWriter(entered, now)
            .Append(TimelineEntryTypes.StageEntered, Actor.System, new() { ["stageName"] = entered.CurrentStage.Name })
            .ToChange();
    }

    /// <summary>Records a request to leave the current stage; the orchestration carries it out.</summary>
    /// <exception cref="CaseRuleException">The case is closed, or already being advanced.</exception>
    public static CaseChange RequestAdvance(CaseRecord current, string? reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Status != CaseStatus.Open)
        {
            throw new CaseRuleException("The case is closed: it cannot advance.");
        }

        if (current.PendingAdvance is not null)
        {
            throw new CaseRuleException($"The case is already advancing out of stage '{current.CurrentStage.Key}'.");
        }

        var reasonText = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return new CaseChange(
            current with
            {
                PendingAdvance = new AdvanceRequest(current.CurrentStage.Index, reasonText, actor, now),
                UpdatedAt = now,
            },
            []);
    }

    /// <summary>
    /// Leaves the current stage for the next one, or closes the case after the last stage, when an advance
    /// was requested in <paramref name="stageIndex"/>; nothing to do otherwise.
    /// </summary>
    public static CaseChange? ExitStage(CaseRecord current, CaseTemplate template, int stageIndex, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(template);
        var request = current.PendingAdvance;
        if (current.Status != CaseStatus.Open || request is null || request.StageIndex != stageIndex
            || current.CurrentStage.Index != stageIndex)
        {
            return null;
        }

        var leaving = current.CurrentStage;
        var exitData = new Dictionary<string, string> { ["stageName"] = leaving.Name };
        if (request.Reason is not null)
        {
            exitData["reason"] = request.Reason;
        }

        var nextIndex = leaving.Index + 1;
        if (nextIndex >= template.Stages.Count)
        {
            var closed = current with { Status = CaseStatus.Closed, PendingAdvance = null, ClosedAt = now };
            return new TimelineWriter(closed, now)
                .Append(TimelineEntryTypes.StageExited, request.RequestedBy, exitData, leaving.Key)
                .Append(TimelineEntryTypes.CaseClosed, request.RequestedBy, new() { ["outcome"] = "completed" }, leaving.Key)
                .ToChange();
        }

        var next = template.Stages[nextIndex];
        var moved = current with
        {
            CurrentStage = new CurrentStage(nextIndex, next.Key, next.Name, EnteredAt: null),
            PendingAdvance = null,
        };
        return new TimelineWriter(moved, now)
            .Append(TimelineEntryTypes.StageExited, request.RequestedBy, exitData, leaving.Key)
            .ToChange();
    }
}
