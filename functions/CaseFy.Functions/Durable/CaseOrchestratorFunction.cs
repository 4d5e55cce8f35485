using CaseFy.Model.Cases;
using CaseFy.Orchestration;
using CaseFy.Orchestration.Orchestrators;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CaseFy.Functions.Durable;

/// <summary>The orchestration trigger for <see cref="CaseOrchestrator"/> (the same class the local host runs).</summary>
public static class CaseOrchestratorFunction
{
    [Function(nameof(CaseOrchestrator))]
    public static Task<CaseStatus> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new CaseOrchestrator().RunAsync(context, context.GetInput<CaseOrchestrationInput>()!);
}
