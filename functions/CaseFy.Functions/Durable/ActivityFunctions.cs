using CaseFy.Functions.Http;
using CaseFy.Orchestration;
using CaseFy.Orchestration.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.Functions.Durable;

/// <summary>
/// The activity triggers for the activity classes in <see cref="CaseTasks"/>. <c>instanceId</c> (the calling
/// orchestration's) comes from the trigger's binding data; the classes are made from the CaseFy app's services.
/// </summary>
public sealed class ActivityFunctions(CaseFyFunctionsApp app)
{
    [Function(nameof(EnterStageActivity))]
    public Task<CaseProgress> EnterStageAsync([ActivityTrigger] string input, string instanceId) =>
        Create<EnterStageActivity>().RunAsync(new FunctionActivityContext(nameof(EnterStageActivity), instanceId), input);

    [Function(nameof(ExitStageActivity))]
    public Task<CaseProgress> ExitStageAsync([ActivityTrigger] StageStep input, string instanceId) =>
        Create<ExitStageActivity>().RunAsync(new FunctionActivityContext(nameof(ExitStageActivity), instanceId), input);

    [Function(nameof(EvaluateStageActivity))]
    public Task<CaseProgress> EvaluateStageAsync([ActivityTrigger] StageStep input, string instanceId) =>
        Create<EvaluateStageActivity>().RunAsync(new FunctionActivityContext(nameof(EvaluateStageActivity), instanceId), input);

    [Function(nameof(RunAutomationActivity))]
    public Task<AutomationResult> RunAutomationAsync([ActivityTrigger] AutomationStep input, string instanceId) =>
        Create<RunAutomationActivity>().RunAsync(new FunctionActivityContext(nameof(RunAutomationActivity), instanceId), input);

    private T Create<T>() => ActivatorUtilities.GetServiceOrCreateInstance<T>(app.Services);
}
