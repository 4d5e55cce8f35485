using Microsoft.DurableTask;

namespace CaseFy.FaultTests.Engine;

/// <summary>
/// A case's stage visit, reduced: generation 0 runs two activities (task ids 0 and 1, as a stage's entry and its
/// evaluation) and continues as new, the turn that does so held by the test on the gate (as generation 0);
/// generation 1 waits for <see cref="Go"/>. Registered as an instance: the worker does not build orchestrators
/// through dependency injection.
/// </summary>
public sealed class StageVisitOrchestrator(ActivityGate gate) : TaskOrchestrator<int, int>
{
    public const string Go = "go";

    public const string Waiting = "generation 1 waiting for go";

    /// <summary>The <see cref="HeldActivity"/> inputs of generation 0's two activities.</summary>
    public static readonly int[] Activities = [10, 11];

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (input == 0)
        {
            foreach (var activity in Activities)
            {
                await context.CallActivityAsync<int>(nameof(HeldActivity), activity);
            }

            // Blocking on purpose (see HeldStartOrchestrator): only the turn that continues as new reaches this line.
            gate.RunAsync(input).GetAwaiter().GetResult();
            context.ContinueAsNew(1);
            return input;
        }

        context.SetCustomStatus(Waiting);
        return await context.WaitForExternalEvent<int>(Go);
    }
}
