using Microsoft.DurableTask;

namespace CaseFy.Benchmarks.RawEngine;

/// <summary>
/// The baseline: the least a staged process needs from the engine. Per stage it writes an "entered" row, waits for
/// one event, writes an "exited" row and continues as new into the next stage — no case model, API or checks.
/// </summary>
public sealed class RawStageOrchestrator : TaskOrchestrator<RawStage, int>
{
    public const string EventName = "go";

    /// <inheritdoc/>
    public override async Task<int> RunAsync(TaskOrchestrationContext context, RawStage input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await context.CallActivityAsync(nameof(WriteRowActivity), new RawRow(input.Id, RowKeys.Entered(input.Stage)));
        await context.WaitForExternalEvent<string>(EventName);
        await context.CallActivityAsync(nameof(WriteRowActivity), new RawRow(input.Id, RowKeys.Exited(input.Stage)));
        if (input.Stage + 1 < input.StageCount)
        {
            context.ContinueAsNew(input with { Stage = input.Stage + 1 });
        }

        return input.Stage;
    }
}
