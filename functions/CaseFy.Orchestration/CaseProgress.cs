using CaseFy.Model.Cases;
using CaseFy.Model.Templates;

namespace CaseFy.Orchestration;

/// <summary>What the orchestrator needs to know of a case to decide its next step, read from storage by an activity.</summary>
/// <param name="Status">Open, on hold or closed.</param>
/// <param name="StageIndex">The current stage.</param>
/// <param name="Visit">The current stage visit; a different one than the generation's means the case was moved or reopened.</param>
/// <param name="Leave">An advance out of this stage is requested and the case is open: run on-exit automations, then exit.</param>
/// <param name="EnterAutomations">How many on-enter automations the stage has.</param>
/// <param name="ExitAutomations">How many on-exit automations the stage has.</param>
/// <param name="NextWakeAt">When to look again without a signal (SLA, task due times, reminders).</param>
/// <param name="BreachWebhookDue">The SLA was breached and its webhook has not run yet.</param>
/// <param name="Evaluated">The stage was evaluated in the entry's own change (see <see cref="StageEvaluation.EnterAndEvaluate"/>);
/// false in histories recorded before there was such an entry, so their replay calls the evaluation as it did.</param>
public sealed record CaseProgress(
    CaseStatus Status, int StageIndex, int Visit, bool Leave, int EnterAutomations, int ExitAutomations, DateTimeOffset? NextWakeAt, bool BreachWebhookDue,
    bool Evaluated = false)
{
    public static CaseProgress Of(CaseRecord record, CaseTemplate template)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(template);
        var stage = template.Stages[record.CurrentStage.Index];
        return new(
            record.Status,
            record.CurrentStage.Index,
            record.CurrentStage.Visit,
            record.Status == CaseStatus.Open && record.PendingAdvance?.StageIndex == record.CurrentStage.Index,
            stage.OnEnter.Count,
            stage.OnExit.Count,
            record.Status == CaseStatus.Open ? StageEvaluation.NextWakeAt(record, template) : null,
            record.CurrentStage.SlaBreached && stage.OnBreach?.WebhookUrl is not null
                && AutomationRules.IsDue(record, record.CurrentStage.Visit, AutomationPhase.Breach));
    }
}
