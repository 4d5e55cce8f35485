using CaseFy.Orchestration;
using CaseFy.Orchestration.Activities;
using Microsoft.Azure.Functions.Worker;

namespace CaseFy.Functions.Durable;

/// <summary>
/// The activity triggers for the activity classes in <see cref="CaseTasks"/>. <c>instanceId</c> (the calling
/// orchestration's) comes from the trigger's binding data.
/// </summary>
public sealed class ActivityFunctions(
    EnterStageActivity enterStage, ExitStageActivity exitStage, ReadProgressActivity readProgress)
{
    [Function(nameof(EnterStageActivity))]
    public Task<CaseProgress> EnterStageAsync([ActivityTrigger] string input, string instanceId) =>
        enterStage.RunAsync(new FunctionActivityContext(nameof(EnterStageActivity), instanceId), input);

    [Function(nameof(ExitStageActivity))]
    public Task<CaseProgress> ExitStageAsync([ActivityTrigger] StageStep input, string instanceId) =>
        exitStage.RunAsync(new FunctionActivityContext(nameof(ExitStageActivity), instanceId), input);

    [Function(nameof(ReadProgressActivity))]
    public Task<CaseProgress> ReadProgressAsync([ActivityTrigger] string input, string instanceId) =>
        readProgress.RunAsync(new FunctionActivityContext(nameof(ReadProgressActivity), instanceId), input);
}
