using DurableTask.Core;
using DurableTask.Core.History;

namespace CaseFy.LocalHost.Engine;

/// <summary>
/// Drops, from an orchestration work item, the messages its history has already taken in: a second start of the
/// same execution, and messages addressed to another execution of the instance. Queue delivery is at least once —
/// a message comes back when a killed process could not delete it, or when a turn outlives its visibility timeout
/// on a loaded machine — and DurableTask.Core's own dispatcher drops such messages, but the local sidecar
/// (<c>Microsoft.DurableTask.InProcessTestHost</c> 0.2.3) adds them to the history: a second start fails every turn
/// ("Multiple ExecutionStartedEvent found"), the batch goes back to the queue, and so does every message that
/// arrived with it, again and again. The dropped messages are still deleted when the turn completes.
/// </summary>
public sealed partial class RedeliveredMessageFilter(IOrchestrationService inner, ILogger<RedeliveredMessageFilter> logger)
    : ForwardingOrchestrationService(inner)
{
    public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await base.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        var state = workItem?.OrchestrationRuntimeState;
        if (state?.ExecutionStartedEvent is null)
        {
            return workItem!;
        }

        var executionId = state.OrchestrationInstance?.ExecutionId;
        var taken = workItem!.NewMessages.Where(m => !AlreadyTakenIn(m, executionId)).ToList();
        foreach (var dropped in workItem.NewMessages.Except(taken))
        {
            LogDropped(dropped.Event.EventType, workItem.InstanceId, dropped.OrchestrationInstance.ExecutionId, executionId);
        }

        workItem.NewMessages = taken;
        return workItem;
    }

    private static bool AlreadyTakenIn(TaskMessage message, string? executionId) =>
        message.Event is ExecutionStartedEvent
        || (message.OrchestrationInstance.ExecutionId is { Length: > 0 } target && !string.Equals(target, executionId, StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a redelivered {EventType} message for {InstanceId} (message execution {MessageExecution}, current {CurrentExecution}).")]
    private partial void LogDropped(EventType eventType, string instanceId, string? messageExecution, string? currentExecution);
}
