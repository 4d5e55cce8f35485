using Microsoft.DurableTask;

namespace CaseFy.FaultTests.Engine;

/// <summary>
/// The shape of a case's stage visits, reduced: each generation starts with the same activity (task id 0), and the
/// first continues as new once the test says so.
/// </summary>
public sealed class TwoGenerationOrchestrator : TaskOrchestrator<int, int>
{
    public const string Go = "go";

    public const string Waiting = "waiting for go";

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var generation = await context.CallActivityAsync<int>(nameof(HeldActivity), input);
        if (generation == 1)
        {
            context.SetCustomStatus(Waiting);
            await context.WaitForExternalEvent<bool>(Go);
            context.ContinueAsNew(2);
        }

        return generation;
    }
}
