using Microsoft.DurableTask;

namespace CaseFy.FaultTests.Engine;

/// <summary>One held activity with a retry policy, as the case orchestrator calls its activities.</summary>
public sealed class RetriedActivityOrchestrator : TaskOrchestrator<int, int>
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1)));

    public override Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<int>(nameof(HeldActivity), input, Retry);
    }
}
