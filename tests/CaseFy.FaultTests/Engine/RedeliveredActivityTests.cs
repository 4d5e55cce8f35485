using Azure.Storage.Queues;
using CaseFy.FaultTests.Infrastructure;
using CaseFy.LocalHost.Engine;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseFy.FaultTests.Engine;

/// <summary>
/// The local engine when an activity message a previous process left behind comes back while the next generation
/// of the same instance runs its own first activity (same task id) — what a kill -9 between an activity's answer
/// and the deletion of its message leaves. The preview sidecar would lose the answer to one of the two and the
/// instance would wait forever (the cause of the crash suite's stuck cases); <see cref="ActivityTaskIdGuard"/>
/// runs them one after the other. An activity whose answer never comes is failed after
/// <see cref="LocalEngineOptions.LostActivityAfter"/>, so the orchestration's retry runs it again. And a start
/// turn held past the visibility timeout keeps its lock (<see cref="WorkItemLockRenewer"/>) and its start message is
/// taken once; a start delivered twice anyway (e.g. after a kill) is dropped by <see cref="RedeliveredMessageFilter"/>.
/// </summary>
public sealed class RedeliveredActivityTests
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Well above how long the first test holds an activity on purpose (up to ~8 s), or it would be failed meanwhile.
    private static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Activity_LeftBehindAndRedeliveredWhileNextGenerationRunsSameTaskId_BothRunAndInstanceCompletes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await FaultStorage.StartAsync(ct);
        var (gate, hub) = (new ActivityGate(), HostProcess.NewTaskHub());
        string id;

        // First process: generation 1's activity outlives its message's visibility, so the message cannot be deleted
        // once the answer is sent (another receipt holds it): it stays behind, as after a kill at that moment.
        using (var first = await StartEngineAsync(storage.ConnectionString, hub, gate, ct))
        {
            var client = first.Services.GetRequiredService<DurableTaskClient>();
            id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(TwoGenerationOrchestrator), 1, ct);
            await gate.WaitForRunAsync(1, 0, Patience, ct);
            await Task.Delay(Visibility + TimeSpan.FromSeconds(2), ct);
            gate.Release(1, 0);
            await WaitForAsync(client, id, i => i.SerializedCustomStatus?.Contains(TwoGenerationOrchestrator.Waiting, StringComparison.Ordinal) == true, ct);
            await first.StopAsync(ct);
        }

        // Second process: the message left behind is delivered again; while that copy runs, generation 2 schedules
        // the same task id.
        using var second = await StartEngineAsync(storage.ConnectionString, hub, gate, ct);
        try
        {
            var client = second.Services.GetRequiredService<DurableTaskClient>();
            await gate.WaitForRunAsync(1, 1, Patience, ct);
            await client.RaiseEventAsync(id, TwoGenerationOrchestrator.Go, true, ct);
            await Task.Delay(TimeSpan.FromSeconds(4), ct);
            Assert.DoesNotContain(2, gate.Started);
            gate.ReleaseAll();

            var finished = await WaitForAsync(client, id, i => i.IsCompleted, ct);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
            Assert.Equal(2, finished.ReadOutputAs<int>());
            Assert.Equal([1, 1, 2], gate.Started);
        }
        finally
        {
            gate.ReleaseAll();
            await second.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Activity_NeverAnswered_IsFailedAfterLostActivityAfterAndRunAgainByTheRetry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await FaultStorage.StartAsync(ct);
        var gate = new ActivityGate();
        using var engine = await StartEngineAsync(storage.ConnectionString, HostProcess.NewTaskHub(), gate, ct);
        try
        {
            var client = engine.Services.GetRequiredService<DurableTaskClient>();
            var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(RetriedActivityOrchestrator), 7, ct);

            // The first run never answers (as when the worker abandons it, which the sidecar ignores).
            await gate.WaitForRunAsync(7, 0, Patience, ct);
            await gate.WaitForRunAsync(7, 1, Patience, ct);
            gate.Release(7, 1);

            var finished = await WaitForAsync(client, id, i => i.IsCompleted, ct);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
            Assert.Equal(7, finished.ReadOutputAs<int>());
            Assert.Equal([7, 7], gate.Started);
        }
        finally
        {
            gate.ReleaseAll();
            await engine.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Start_FirstTurnOutlivesVisibilityTimeout_IsTakenOnceAndTheInstanceCarriesOn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await FaultStorage.StartAsync(ct);
        var (gate, hub) = (new ActivityGate(), HostProcess.NewTaskHub());
        using var engine = await StartEngineAsync(storage.ConnectionString, hub, gate, ct);
        try
        {
            var client = engine.Services.GetRequiredService<DurableTaskClient>();
            var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(HeldStartOrchestrator), 3, ct);
            await gate.WaitForRunAsync(3, 0, Patience, ct);
            await Task.Delay(Visibility + TimeSpan.FromSeconds(3), ct);
            gate.ReleaseAll();

            // A start delivered again would stay in its control queue for as long as it is refused; taken, it is deleted.
            var queues = new QueueServiceClient(storage.ConnectionString);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            int left;
            do
            {
                await Task.Delay(500, ct);
                var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async p =>
                    (await queues.GetQueueClient($"{hub}-control-{p:00}").GetPropertiesAsync(ct)).Value.ApproximateMessagesCount));
                left = counts.Sum();
            }
            while (left > 0 && DateTime.UtcNow < deadline);

            Assert.Equal(0, left);
            await client.RaiseEventAsync(id, HeldStartOrchestrator.Go, 42, ct);
            var finished = await WaitForAsync(client, id, i => i.IsCompleted, ct);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
            Assert.Equal(42, finished.ReadOutputAs<int>());

            // The held turn and the one that took "go": the held turn's lock was renewed, so it was not handed out again.
            Assert.Equal([3, 3], gate.Started);
        }
        finally
        {
            gate.ReleaseAll();
            await engine.StopAsync(CancellationToken.None);
        }
    }

    private static Task<IHost> StartEngineAsync(string connectionString, string taskHub, ActivityGate gate, CancellationToken cancellationToken) =>
        EngineUnderTest.StartAsync(
            connectionString,
            taskHub,
            gate,
            r => r.AddOrchestrator<TwoGenerationOrchestrator>().AddOrchestrator<RetriedActivityOrchestrator>().AddOrchestrator(new HeldStartOrchestrator(gate))
                .AddActivity<HeldActivity>(),
            o => (o.WorkItemVisibilityTimeout, o.LostActivityAfter) = (Visibility, LostAfter),
            cancellationToken);

    private static Task<OrchestrationMetadata> WaitForAsync(
        DurableTaskClient client, string id, Func<OrchestrationMetadata, bool> condition, CancellationToken cancellationToken) =>
        EngineUnderTest.WaitForAsync(client, id, condition, Patience, probe: null, cancellationToken);
}
