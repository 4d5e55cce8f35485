using Microsoft.DurableTask;

namespace CaseFy.FaultTests.Engine;

/// <summary>An activity that records each run (by generation) and then waits until the test lets it finish.</summary>
public sealed class HeldActivity(ActivityGate gate) : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => gate.RunAsync(input);
}
