using Microsoft.DurableTask;

namespace CaseFy.FaultTests.Engine;

/// <summary>The smallest orchestration: one turn that returns its input, so only getting it dispatched can fail.</summary>
public sealed class EchoOrchestrator : TaskOrchestrator<int, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, int input) => Task.FromResult(input);
}
