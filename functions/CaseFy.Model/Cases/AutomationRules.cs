using System.Globalization;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>
/// Runs a stage's automations against a case. Each run has an id within the stage visit (<c>enter-0</c>, <c>exit-2</c>,
/// <c>breach</c>) stored with the case in the same transaction as its effects and its <c>AutomationRan</c> entry, so a
/// retried activity finds it done and changes nothing.
/// </summary>
public static class AutomationRules
{
    public static string RunId(string phase, int index) =>
        phase == AutomationPhase.Breach ? AutomationPhase.Breach : string.Create(CultureInfo.InvariantCulture, $"{phase}-{index}");

    /// <summary>The automation a run refers to; the breach webhook is presented as a webhook automation.</summary>
    public static AutomationDefinition? Find(CaseTemplate template, int stageIndex, string phase, int index)
    {
        ArgumentNullException.ThrowIfNull(template);
        var stage = template.Stages[stageIndex];
        var list = phase switch
        {
            AutomationPhase.Enter => stage.OnEnter,
            AutomationPhase.Exit => stage.OnExit,
            _ => [],
        };
        if (phase == AutomationPhase.Breach)
        {
            return stage.OnBreach?.WebhookUrl is { } url
                ? new AutomationDefinition { Type = AutomationType.Webhook, Url = url, Secret = stage.OnBreach.WebhookSecret }
                : null;
        }

        return index >= 0 && index < list.Count ? list[index] : null;
    }

    /// <summary>Whether the run is still to do: the case is in that visit, not closed, and the run is not recorded.</summary>
    public static bool IsDue(CaseRecord current, int visit, string runId)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.Status != CaseStatus.Closed && current.CurrentStage.Visit == visit
            && !current.CurrentStage.AutomationsDone.Contains(runId);
    }

    /// <summary>Applies an automation that only changes the case (all but webhooks) and records its run.</summary>
    public static CaseChange? Apply(CaseRecord current, CaseTemplate template, AutomationDefinition automation, int visit, string runId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(automation);
        if (!IsDue(current, visit, runId))
        {
            return null;
        }

        var writer = new TimelineWriter(current, now);
        var data = new Dictionary<string, string>();
        string outcome;
        switch (automation.Type)
        {
            case AutomationType.CreateTask:
                var task = TaskRules.Create(writer, automation.Task!, Actor.System);
                data["taskId"] = task.Id;
                outcome = "task created";
                break;
            case AutomationType.RequestDocument:
                var definition = DocumentRules.FindDefinition(template, automation.Document!);
                data["documentId"] = automation.Document!;
                outcome = definition is not null && DocumentRules.Request(writer, definition, Actor.System)
                    ? "document requested"
                    : "document already on the case";
                break;
            case AutomationType.Assign:
                var role = automation.Assignee!;
                var person = CaseRoles.Resolve(current, role);
                var targets = current.Tasks.Where(t => t.Status == CaseTaskStatus.Open && t.Visit == visit && t.StageKey == current.CurrentStage.Key
                    && (automation.TaskKey is null || t.Key == automation.TaskKey)).ToList();
                foreach (var target in targets)
                {
                    TaskRules.Assign(writer, target, person, role, Actor.System);
                }

                data["assigneeRole"] = role;
                outcome = string.Create(CultureInfo.InvariantCulture, $"{targets.Count} task(s) assigned");
                break;
            case AutomationType.Route:
                return Route(writer, template, automation, visit, runId, data);
            case AutomationType.PublishEvent:
                // The event is an entry of its own: lifecycle entries go to the outbox in this same transaction and the
                // publisher sends them as CloudEvents (casefy.case.eventRaised, the template's name in data.event).
                data["event"] = automation.Event!;
                writer.Append(TimelineEntryTypes.EventRaised, Actor.System, new() { ["event"] = automation.Event! });
                outcome = "event raised";
                break;
            default:
                throw new ArgumentException("Webhooks are run by the caller and recorded with RecordOutcome.", nameof(automation));
        }

        return Record(writer, automation.Type, runId, visit, outcome, data).ToChange();
    }

    // The run is recorded in the visit it belongs to before the move starts the next visit (whose runs are its own).
    private static CaseChange Route(
        TimelineWriter writer, CaseTemplate template, AutomationDefinition automation, int visit, string runId, Dictionary<string, string> data)
    {
        var condition = automation.When!;
        var target = StageRoute.Parse(automation.Outcome!).Target;
        var holds = condition.Holds(writer.Case.Data, template.Fields);
        var index = CaseLifecycle.IndexOf(template, target);
        var described = condition.Describe(template.Fields);
        data["condition"] = described;
        Record(writer, AutomationType.Route, runId, visit, holds ? $"routed to {target}" : "condition not met", data);
        if (holds && index != writer.Case.CurrentStage.Index)
        {
            var leaving = writer.Case.CurrentStage;
            writer
                .Update(c => c with { CurrentStage = CaseLifecycle.NewVisit(leaving, index, template.Stages[index]), PendingAdvance = null })
                .Append(TimelineEntryTypes.StageMoved, Actor.System, new() { ["from"] = leaving.Key, ["to"] = target, ["reason"] = "route: " + described }, leaving.Key);
        }

        return writer.ToChange();
    }

    /// <summary>Records the final outcome of a run done outside the model (a webhook call).</summary>
    public static CaseChange? RecordOutcome(
        CaseRecord current, AutomationType type, int visit, string runId, string outcome, Dictionary<string, string> data, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        return IsDue(current, visit, runId) ? Record(new TimelineWriter(current, now), type, runId, visit, outcome, data).ToChange() : null;
    }

    private static TimelineWriter Record(TimelineWriter writer, AutomationType type, string runId, int visit, string outcome, Dictionary<string, string> data)
    {
        data["automation"] = Name(type);
        data["run"] = string.Create(CultureInfo.InvariantCulture, $"{visit}/{runId}");
        data["outcome"] = outcome;
        return writer
            .Update(c => c with { CurrentStage = c.CurrentStage with { AutomationsDone = [.. c.CurrentStage.AutomationsDone, runId] } })
            .Append(TimelineEntryTypes.AutomationRan, Actor.System, data);
    }

    public static string Name(AutomationType type) => type switch
    {
        AutomationType.CreateTask => "createTask",
        AutomationType.RequestDocument => "requestDocument",
        AutomationType.Assign => "assign",
        AutomationType.Webhook => "webhook",
        AutomationType.Route => "route",
        _ => "publishEvent",
    };
}
