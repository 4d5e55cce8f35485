using CaseFy.Orchestration;
using CaseFy.Orchestration.Activities;
using Microsoft.Azure.Functions.Worker;

namespace CaseFy.Functions.Durable;

/// <summary>
/// The activity triggers for the activity classes in <see cref="CaseTasks"/>. <c>instanceId</c> (the calling
/// orchestration's) comes from the trigger's binding data.
/// </summary>
public sealed class ActivityFunctions(
    EnterStageActivity enterStage, EvaluateStageActivity evaluateStage, RunAutomationActivity runAutomation, ExitStageActivity exitStage)
{
    [Function(nameof(EnterStageActivity))]
    public Task<CaseProgress> EnterStageAsync([ActivityTrigger] string input, string instanceId) =>
        enterStage.RunAsync(new FunctionActivityContext(nameof(EnterStageActivity), instanceId), input);

    [Function(nameof(ExitStageActivity))]
    public Task<CaseProgress> ExitStageAsync([ActivityTrigger] StageStep input, string instanceId) =>
        exitStage.RunAsync(new FunctionActivityContext(nameof(ExitStageActivity), instanceId), input);

    [Function(nameof(EvaluateStageActivity))]
    public Task<CaseProgress> EvaluateStageAsync([ActivityTrigger] StageStep input, string instanceId) =>
        evaluateStage.RunAsync(new FunctionActivityContext(nameof(EvaluateStageActivity), instanceId), input);

    [Function(nameof(RunAutomationActivity))]
    public Task<AutomationResult> RunAutomationAsync([ActivityTrigger] AutomationStep input, string instanceId) =>
        runAutomation.RunAsync(new FunctionActivityContext(nameof(RunAutomationActivity), instanceId), input);
}
