using CaseFy.Orchestration.Activities;
using CaseFy.Orchestration.Orchestrators;
using Microsoft.DurableTask;

namespace CaseFy.Orchestration;

/// <summary>The orchestrators and activities both hosts register.</summary>
public static class CaseTasks
{
    public static DurableTaskRegistry AddCaseTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<CaseOrchestrator>()
            .AddActivity<EnterStageActivity>()
            .AddActivity<EvaluateStageActivity>()
            .AddActivity<RunAutomationActivity>()
            .AddActivity<ExitStageActivity>();
    }
}
