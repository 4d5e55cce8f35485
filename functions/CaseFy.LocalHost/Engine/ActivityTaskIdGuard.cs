using System.Collections.Concurrent;
using DurableTask.Core;

namespace CaseFy.LocalHost.Engine;

/// <summary>
/// Keeps the local sidecar from holding two activity work items of the same instance and task id at once. The
/// preview sidecar (<c>Microsoft.DurableTask.InProcessTestHost</c> 0.2.3) matches a worker's answer to its work
/// item by instance id and task id only, so the second of two such items is never answered and its case waits
/// forever. Two can meet whenever a message comes back after its visibility timeout (a killed process, a slow
/// activity) while the next generation of the same instance — whose task ids start at 0 again — already runs
/// one. The later one is handed back to the queue, which offers it again after a short back-off; every other
/// call goes straight to the wrapped backend. It also knows how long each work item has been out, so the sidecar's
/// owner can give up on one whose answer is lost (<see cref="Overdue"/>).
/// </summary>
public sealed class ActivityTaskIdGuard(IOrchestrationService inner, TimeProvider time) : IOrchestrationService
{
    private readonly ConcurrentDictionary<string, InFlight> _inFlight = new(StringComparer.Ordinal);

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            var workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
            if (workItem is null || _inFlight.TryAdd(KeyOf(workItem), new InFlight(workItem, time.GetUtcNow())))
            {
                return workItem!;
            }

            await inner.AbandonTaskActivityWorkItemAsync(workItem);
        }
    }

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        try
        {
            await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
        }
        finally
        {
            Release(workItem);
        }
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        try
        {
            await inner.AbandonTaskActivityWorkItemAsync(workItem);
        }
        finally
        {
            Release(workItem);
        }
    }

    /// <summary>The activity work items handed out longer ago than <paramref name="age"/> and not answered since.</summary>
    public IReadOnlyList<TaskActivityWorkItem> Overdue(TimeSpan age) =>
        [.. _inFlight.Values.Where(f => time.GetUtcNow() - f.Since > age).Select(f => f.WorkItem)];

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task StartAsync() => inner.StartAsync();

    public Task StopAsync() => inner.StopAsync();

    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) =>
        inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    private static string KeyOf(TaskActivityWorkItem workItem) =>
        $"{workItem.TaskMessage.OrchestrationInstance.InstanceId}\n{workItem.TaskMessage.Event.EventId}";

    private void Release(TaskActivityWorkItem workItem)
    {
        var key = KeyOf(workItem);
        if (_inFlight.TryGetValue(key, out var held) && held.WorkItem.Id == workItem.Id)
        {
            ((ICollection<KeyValuePair<string, InFlight>>)_inFlight).Remove(new(key, held));
        }
    }

    private sealed record InFlight(TaskActivityWorkItem WorkItem, DateTimeOffset Since);
}
