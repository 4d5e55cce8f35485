using Azure.Storage.Queues;
using CaseFy.FaultTests.Infrastructure;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseFy.FaultTests.Engine;

/// <summary>
/// The local engine when a start message a killed process left behind (history written, message not yet deleted)
/// comes back while the instance continues as new — the crash suite's two stuck cases of a CI run at 2a4a114. The
/// message joins the turn in progress; after that turn the backend reads the history of the execution the message
/// names, finds none (the instance has moved on to the next execution), and hands the start out as if the instance
/// were new. The sidecar (as DurableTask.Core would) then runs it: the first rows of the history are written again
/// for the old execution, the rows of that execution's later turns come back into view, and the instance waits for
/// an answer it took long ago, for ever. <c>RedeliveredMessageFilter</c> gives such a start back to the queue, whose
/// own start deduplication then deletes it.
/// </summary>
public sealed class StaleStartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Start_LeftBehindAndDeliveredAgainWhileTheInstanceContinuesAsNew_IsNotRunAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await FaultStorage.StartAsync(ct);
        var (gate, hub, id) = (new ActivityGate(), HostProcess.NewTaskHub(), "stale-start");
        foreach (var activity in StageVisitOrchestrator.Activities)
        {
            gate.Release(activity, 0);
        }

        var (queue, start) = await ScheduleAndReadStartAsync(storage.ConnectionString, hub, id, ct);
        using var engine = await EngineUnderTest.StartAsync(
            storage.ConnectionString, hub, gate, r => r.AddOrchestrator(new StageVisitOrchestrator(gate)).AddActivity<HeldActivity>(), _ => { }, ct);
        try
        {
            var client = engine.Services.GetRequiredService<DurableTaskClient>();
            var probe = new EngineProbe(storage.ConnectionString, hub);

            // Generation 0 is in the turn that continues as new when its start message comes back and is taken.
            await gate.WaitForRunAsync(0, 0, Patience, ct);
            await queue.SendMessageAsync(start, ct);
            var deadline = DateTime.UtcNow + Patience;
            while ((await queue.PeekMessagesAsync(cancellationToken: ct)).Value.Length > 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"The start sent again was not taken within {Patience}.");
                await Task.Delay(50, ct);
            }

            // Taken; it joins the held turn's instance once the backend has checked and read it (well within this).
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            gate.ReleaseAll();

            await EngineUnderTest.WaitForAsync(client, id, i => i.SerializedCustomStatus?.Contains(StageVisitOrchestrator.Waiting, StringComparison.Ordinal) == true, Patience, probe, ct);
            await client.RaiseEventAsync(id, StageVisitOrchestrator.Go, 42, ct);
            var finished = await EngineUnderTest.WaitForAsync(client, id, i => i.IsCompleted, Patience, probe, ct);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
            Assert.Equal(42, finished.ReadOutputAs<int>());

            // Each activity once, and the held turn once: generation 0 did not start over.
            Assert.Equal([.. StageVisitOrchestrator.Activities, 0], gate.Started);
        }
        finally
        {
            gate.ReleaseAll();
            await engine.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Schedules the instance as the engine's client does (the start message, then the instance row) before any engine
    /// runs, and reads its start message: the copy a killed process would leave behind.
    /// </summary>
    private static async Task<(QueueClient Queue, string Message)> ScheduleAndReadStartAsync(
        string connectionString, string taskHub, string id, CancellationToken cancellationToken)
    {
        var backend = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = taskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        });
        await backend.CreateIfNotExistsAsync();
        var instance = new OrchestrationInstance { InstanceId = id, ExecutionId = Guid.NewGuid().ToString("N") };
        await backend.CreateTaskOrchestrationAsync(new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, "0") { Name = nameof(StageVisitOrchestrator), OrchestrationInstance = instance },
        });

        var queues = new QueueServiceClient(connectionString);
        for (var partition = 0; partition < 4; partition++)
        {
            var queue = queues.GetQueueClient($"{taskHub}-control-{partition:00}");
            if ((await queue.PeekMessagesAsync(cancellationToken: cancellationToken)).Value is [var message])
            {
                return (queue, message.MessageText);
            }
        }

        throw new InvalidOperationException($"The start message of {id} is in no control queue of {taskHub}.");
    }
}
