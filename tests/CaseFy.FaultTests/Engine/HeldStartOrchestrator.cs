using Microsoft.DurableTask;

namespace CaseFy.FaultTests.Engine;

/// <summary>
/// Its first turn is held by the test (on the gate, as generation = input) for as long as the test likes, so the
/// start message outlives its visibility timeout and is delivered a second time; then it waits for <see cref="Go"/>.
/// Registered as an instance: the worker does not build orchestrators through dependency injection.
/// </summary>
public sealed class HeldStartOrchestrator(ActivityGate gate) : TaskOrchestrator<int, int>
{
    public const string Go = "go";

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Blocking on purpose: an orchestrator may not await anything but the engine's own tasks. Every turn replays
        // this line; the test releases all runs after the first.
        gate.RunAsync(input).GetAwaiter().GetResult();
        return await context.WaitForExternalEvent<int>(Go);
    }
}
