using System.Globalization;
using System.Text.Json;
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
    /// <param name="caseId">The new case's id.</param>
    /// <param name="title">Its title.</param>
    /// <param name="template">The template version it runs on.</param>
    /// <param name="actor">Its creator.</param>
    /// <param name="now">The time.</param>
    /// <param name="data">Initial field values (a merge patch), recorded as a <c>FieldsChanged</c> entry after <c>CaseCreated</c>.</param>
    /// <param name="number">The case's number (<see cref="CaseNumbers"/>), when its template has a prefix.</param>
    /// <param name="owner">Who owns it, when not its creator (a case opened from the public intake form).</param>
    /// <param name="details">More facts for the <c>CaseCreated</c> entry (where the case came from).</param>
    /// <exception cref="CaseDataException">The data breaks the fields' rules.</exception>
    public static CaseChange Open(
        string caseId,
        string title,
        CaseTemplate template,
        Actor actor,
        DateTimeOffset now,
        IReadOnlyDictionary<string, JsonElement>? data = null,
        string? number = null,
        Actor? owner = null,
        IReadOnlyDictionary<string, string>? details = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(actor);
        var first = template.Stages[0];
        var opened = new CaseRecord
        {
            Id = caseId,
            Title = title.Trim(),
            Number = number,
            TemplateId = template.Id,
            TemplateVersion = template.Version,
            Status = CaseStatus.Open,
            CurrentStage = new CurrentStage(0, first.Key, first.Name, EnteredAt: null) { Visit = 1 },
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
            TimelineLength = 0,
            TimelineHead = TimelineChain.Genesis,
            Participants = [new CaseParticipant((owner ?? actor).Id, (owner ?? actor).Name, ParticipantRole.Owner)],
        };
        var created = new Dictionary<string, string>
        {
            ["title"] = opened.Title,
            ["templateId"] = template.Id,
            ["templateVersion"] = template.Version.ToString(CultureInfo.InvariantCulture),
        };
        if (number is not null)
        {
            created["number"] = number;
        }

        foreach (var (key, value) in details ?? new Dictionary<string, string>())
        {
            created[key] = value;
        }

        var writer = new TimelineWriter(opened, now).Append(TimelineEntryTypes.CaseCreated, actor, created);
        if (data is { Count: > 0 } patch)
        {
            var errors = CaseData.Validate(patch, template, first, FieldEditor.Team);
            if (errors.Count > 0)
            {
                throw new CaseDataException(errors);
            }

            CaseData.Record(writer, template, patch, actor);
        }

        return writer.ToChange();
    }

    /// <summary>
    /// Enters the current stage: records the entry, starts its SLA, creates its tasks and requests its documents.
    /// Nothing to do when it is entered already or the case is closed.
    /// </summary>
    public static CaseChange? EnterStage(CaseRecord current, CaseTemplate template, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(template);
        if (current.Status == CaseStatus.Closed || current.CurrentStage.EnteredAt is not null)
        {
            return null;
        }

        var stage = template.Stages[current.CurrentStage.Index];
        var writer = new TimelineWriter(current, now)
            .Update(c => c with
            {
                CurrentStage = c.CurrentStage with
                {
                    EnteredAt = now,
                    SlaDueAt = stage.SlaHours is { } hours ? now + TimeSpan.FromHours(hours) : null,
                },
            });
        var data = new Dictionary<string, string> { ["stageName"] = stage.Name };
        if (writer.Case.CurrentStage.SlaDueAt is { } due)
        {
            data["slaDueAt"] = Iso(due);
        }

        writer.Append(TimelineEntryTypes.StageEntered, Actor.System, data);
        foreach (var task in stage.Tasks)
        {
            TaskRules.Create(writer, task, Actor.System);
        }

        foreach (var document in stage.Documents)
        {
            DocumentRules.Request(writer, document, Actor.System);
        }

        return writer.ToChange();
    }

    /// <summary>
    /// Records a request to leave the current stage; the orchestration carries it out. When the requester names the
    /// stage they mean to leave (<c>fromStage</c>) and the case is in another one, the request is refused.
    /// </summary>
    /// <exception cref="CaseRuleException">
    /// The case is closed or on hold, has left the named stage, is already being advanced, or its exit
    /// criteria are not met.
    /// </exception>
    public static CaseChange RequestAdvance(
        CaseRecord current, CaseTemplate template, string? reason, Actor actor, DateTimeOffset now, string? fromStage = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(template);
        if (fromStage is not null && !string.Equals(fromStage, current.CurrentStage.Key, StringComparison.Ordinal))
        {
            throw new CaseRuleException(
                $"The case is no longer in stage '{fromStage}' (it is in '{current.CurrentStage.Key}'): look at it again before advancing.");
        }

        if (current.Status != CaseStatus.Open)
        {
            throw new CaseRuleException(current.Status == CaseStatus.Closed
                ? "The case is closed: it cannot advance."
                : "The case is on hold: resume it first.");
        }

        if (current.PendingAdvance is not null)
        {
            throw new CaseRuleException($"The case is already advancing out of stage '{current.CurrentStage.Key}'.");
        }

        var criteria = ExitCriteria.Evaluate(current, template.Stages[current.CurrentStage.Index], template.Fields);
        if (!criteria.Met)
        {
            throw new CaseRuleException(
                $"The exit criteria of stage '{current.CurrentStage.Key}' are not met; missing: {string.Join(", ", criteria.Missing)}.");
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
    /// Leaves the current stage where its route says (the next stage, another stage, or closure) when an advance
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
        var route = ExitCriteria.Evaluate(current, template.Stages[leaving.Index], template.Fields).Route;
        var exitData = new Dictionary<string, string> { ["stageName"] = leaving.Name };
        if (request.Reason is not null)
        {
            exitData["reason"] = request.Reason;
        }

        var nextIndex = route.Kind switch
        {
            StageRouteKind.GoToStage => IndexOf(template, route.Target),
            StageRouteKind.Next when leaving.Index + 1 < template.Stages.Count => leaving.Index + 1,
            _ => -1,
        };
        var writer = new TimelineWriter(current with { PendingAdvance = null }, now);
        if (nextIndex < 0)
        {
            var outcome = route.Kind == StageRouteKind.Close ? route.Target : "completed";
            return writer
                .Update(c => c with
                {
                    Status = CaseStatus.Closed,
                    ClosedAt = now,
                    Outcome = outcome,
                    CurrentStage = c.CurrentStage with { ReadyToAdvance = false },
                })
                .Append(TimelineEntryTypes.StageExited, request.RequestedBy, exitData, leaving.Key)
                .Append(TimelineEntryTypes.CaseClosed, request.RequestedBy, new() { ["outcome"] = outcome }, leaving.Key)
                .ToChange();
        }

        var next = template.Stages[nextIndex];
        exitData["nextStage"] = next.Key;
        return writer
            .Update(c => c with { CurrentStage = NewVisit(leaving, nextIndex, next) })
            .Append(TimelineEntryTypes.StageExited, request.RequestedBy, exitData, leaving.Key)
            .ToChange();
    }

    /// <summary>
    /// Refuses to undo work (reopen a task, reject or replace an accepted document, add a required task) while an advance
    /// out of the current stage is pending: its exit criteria were met when it was asked for, and the case must not
    /// leave the stage with them unmet. A moment later the case is in the next stage and the action is taken.
    /// </summary>
    internal static void RequireNotLeaving(CaseRecord current)
    {
        if (current.PendingAdvance?.StageIndex == current.CurrentStage.Index)
        {
            throw new CaseRuleException(
                $"The case is leaving stage '{current.CurrentStage.Key}' with its work as it is: try again once it is in the next stage.");
        }
    }

    internal static CurrentStage NewVisit(CurrentStage leaving, int index, StageDefinition stage) =>
        new(index, stage.Key, stage.Name, EnteredAt: null) { Visit = leaving.Visit + 1 };

    internal static int IndexOf(CaseTemplate template, string stageKey)
    {
        for (var i = 0; i < template.Stages.Count; i++)
        {
            if (template.Stages[i].Key == stageKey)
            {
                return i;
            }
        }

        return -1;
    }

    internal static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
