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
public sealed class ActivityTaskIdGuard(IOrchestrationService inner, TimeProvider time) : ForwardingOrchestrationService(inner)
{
    private readonly ConcurrentDictionary<string, InFlight> _inFlight = new(StringComparer.Ordinal);

    public override async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            var workItem = await base.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
            if (workItem is null || _inFlight.TryAdd(KeyOf(workItem), new InFlight(workItem, time.GetUtcNow())))
            {
                return workItem!;
            }

            await base.AbandonTaskActivityWorkItemAsync(workItem);
        }
    }

    public override async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        try
        {
            await base.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
        }
        finally
        {
            Release(workItem);
        }
    }

    public override async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        try
        {
            await base.AbandonTaskActivityWorkItemAsync(workItem);
        }
        finally
        {
            Release(workItem);
        }
    }

    /// <summary>The activity work items handed out longer ago than <paramref name="age"/> and not answered since.</summary>
    public IReadOnlyList<TaskActivityWorkItem> Overdue(TimeSpan age) =>
        [.. _inFlight.Values.Where(f => time.GetUtcNow() - f.Since > age).Select(f => f.WorkItem)];

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
