using System.Collections.Concurrent;
using DurableTask.Core;

namespace CaseFy.LocalHost.Engine;

/// <summary>
/// Keeps the control-queue messages of every orchestration turn the local sidecar holds invisible until the turn is
/// done with them, as DurableTask.Core's dispatcher does and the preview sidecar does not. Without it, a turn that
/// outlives the visibility timeout (a loaded machine) sees its messages delivered again while it runs, fails to
/// delete them when it completes ("pop receipt did not match"), is given back and runs again, and again: on a busy
/// machine nearly every turn did, and no case moved. (Activities are not renewed: one that outlives the timeout runs
/// twice, which activities must bear anyway, and <see cref="ActivityTaskIdGuard"/> keeps the two apart.)
/// </summary>
public sealed partial class WorkItemLockRenewer(IOrchestrationService inner, ILogger<WorkItemLockRenewer> logger) : ForwardingOrchestrationService(inner)
{
    private static readonly TimeSpan MinimumPause = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<TaskOrchestrationWorkItem, CancellationTokenSource> _renewing = new(ReferenceEqualityComparer.Instance);

    public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await base.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            Renew(workItem);
        }

        return workItem!;
    }

    public override Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        Stop(workItem);
        return base.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    public override Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        Stop(workItem);
        return base.AbandonTaskOrchestrationWorkItemAsync(workItem);
    }

    public override Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        Stop(workItem);
        return base.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    }

    /// <summary>
    /// Stops renewing first: a stopping engine will never complete the work items it still holds (the worker is gone),
    /// and renewing their locks would hide their messages from the next owner for as long as this process lives (a
    /// host restarted in the same process, as the tests do, saw its cases stuck).
    /// </summary>
    public override Task StopAsync(bool isForced)
    {
        foreach (var workItem in _renewing.Keys)
        {
            Stop(workItem);
        }

        return base.StopAsync(isForced);
    }

    public override Task StopAsync() => StopAsync(isForced: false);

    // Renews at half the time left on the lock, so one slow renewal still lands before the messages reappear.
    private void Renew(TaskOrchestrationWorkItem workItem)
    {
        var stop = new CancellationTokenSource();
        _renewing[workItem] = stop;

        // The token, taken now: Stop cancels and disposes the source, possibly while a renewal is under way, and a
        // disposed source's Token throws (seen at 200 concurrent cases); a cancelled token stays readable.
        var stopped = stop.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var left = workItem.LockedUntilUtc - DateTime.UtcNow;
                    await Task.Delay(left / 2 > MinimumPause ? left / 2 : MinimumPause, stopped);
                    await base.RenewTaskOrchestrationWorkItemLockAsync(workItem);
                }
            }
            catch (OperationCanceledException) when (stopped.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The work item goes on; its messages may then reappear, which the filter and the task-id guard absorb.
                LogRenewalFailed(ex, workItem.InstanceId);
            }
        });
    }

    private void Stop(TaskOrchestrationWorkItem workItem)
    {
        if (_renewing.TryRemove(workItem, out var stop))
        {
            stop.Cancel();
            stop.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep the work item of {InstanceId} locked; its messages may be delivered again.")]
    private partial void LogRenewalFailed(Exception exception, string instanceId);
}
