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
/// <para>
/// A start of an execution the instance has already left (it continued as new) arrives with no history at all: the
/// backend reads the history of the execution a message names and finds none once the instance's history belongs to
/// the next execution, so the start looks like a new instance's, and run it would write the old execution's first
/// rows again and bring its later rows back into view (a generation waiting for an answer it took long ago: the
/// crash suite's stuck cases). Such a work item is given back whole: the backend's own start deduplication then
/// deletes that start, because the instance's row names another execution, and the other messages come back in
/// the right execution's next work item.
/// </para>
/// </summary>
public sealed partial class RedeliveredMessageFilter(
    IOrchestrationService inner, IOrchestrationServiceClient instances, ILogger<RedeliveredMessageFilter> logger)
    : ForwardingOrchestrationService(inner)
{
    public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            var workItem = await base.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
            var state = workItem?.OrchestrationRuntimeState;
            if (state is null)
            {
                return workItem!;
            }

            if (state.ExecutionStartedEvent is null)
            {
                if (await StartOfLeftExecutionAsync(workItem!) is not { } left)
                {
                    return workItem!;
                }

                LogLeftExecutionStart(workItem!.InstanceId, left.Start, left.Current);
                await base.AbandonTaskOrchestrationWorkItemAsync(workItem);
                await base.ReleaseTaskOrchestrationWorkItemAsync(workItem);
                continue;
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
    }

    private static bool AlreadyTakenIn(TaskMessage message, string? executionId) =>
        message.Event is ExecutionStartedEvent
        || (message.OrchestrationInstance.ExecutionId is { Length: > 0 } target && !string.Equals(target, executionId, StringComparison.Ordinal));

    // A client's start (a sub-orchestration's row is written later) naming another execution than the instance's row.
    // The row is current here: the backend hands out one work item per instance, after the previous one has completed.
    private async Task<(string Start, string Current)?> StartOfLeftExecutionAsync(TaskOrchestrationWorkItem workItem)
    {
        var start = workItem.NewMessages.FirstOrDefault(m => m.Event is ExecutionStartedEvent { ParentInstance: null })?.OrchestrationInstance.ExecutionId;
        if (start is not { Length: > 0 })
        {
            return null;
        }

        var rows = await instances.GetOrchestrationStateAsync(workItem.InstanceId, allExecutions: false);
        var current = rows?.FirstOrDefault()?.OrchestrationInstance?.ExecutionId;
        return current is { Length: > 0 } && !string.Equals(current, start, StringComparison.Ordinal) ? (start, current) : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a redelivered {EventType} message for {InstanceId} (message execution {MessageExecution}, current {CurrentExecution}).")]
    private partial void LogDropped(EventType eventType, string instanceId, string? messageExecution, string? currentExecution);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave back a redelivered start of {InstanceId}: its execution {StartExecution} was left for {CurrentExecution}.")]
    private partial void LogLeftExecutionStart(string instanceId, string startExecution, string currentExecution);
}
