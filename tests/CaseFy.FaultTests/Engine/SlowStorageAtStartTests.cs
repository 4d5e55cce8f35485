using CaseFy.FaultTests.Infrastructure;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseFy.FaultTests.Engine;

/// <summary>
/// The local engine starting while table storage answers slowly, as every restart of the crash suite does on a
/// loaded machine. The Azure Storage backend's partition manager renews and takes up all partitions in one pass
/// over the partition table, and gives up the pass after <c>PartitionTableOperationTimeout</c> (2 s by default):
/// with every table request taking 0.8 s, the pass never gets past the first partition, so the process never
/// listens to the other three control queues and every instance routed to them stays Pending for ever — the
/// crash suite's jam. <see cref="LocalEngineOptions.PartitionTableTimeout"/> gives the pass room.
/// </summary>
public sealed class SlowStorageAtStartTests
{
    // Table requests held this long: the pass (read the table, then one write per partition) takes ~4 s.
    private static readonly TimeSpan TableDelay = TimeSpan.FromMilliseconds(800);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // Routed (FNV-1a of the id, modulo 4 partitions) to partitions 1, 2, 3, 0, 1, 2, 3, 0: every control queue twice.
    private static readonly string[] InstanceIds = [.. Enumerable.Range(0, 8).Select(i => $"slow-{i}")];

    [Fact]
    public async Task Orchestrations_EngineStartsWhileTableStorageIsSlow_AllPartitionsAreServed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await FaultStorage.StartAsync(ct);
        await using var slowTables = new SlowProxy(storage.TablePort, TableDelay);
        var connectionString = storage.ConnectionString.Replace($":{storage.TablePort}/", $":{slowTables.Port}/", StringComparison.Ordinal);

        using var engine = await EngineUnderTest.StartAsync(
            connectionString, HostProcess.NewTaskHub(), new ActivityGate(), r => r.AddOrchestrator<EchoOrchestrator>(), _ => { }, ct);
        try
        {
            var client = engine.Services.GetRequiredService<DurableTaskClient>();
            foreach (var (id, input) in InstanceIds.Select((id, i) => (id, i)))
            {
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), input, new StartOrchestrationOptions(id), ct);
            }

            var deadline = DateTime.UtcNow + Patience;
            var waiting = InstanceIds.ToList();
            while (waiting.Count > 0 && DateTime.UtcNow < deadline)
            {
                var instances = await Task.WhenAll(waiting.Select(id => client.GetInstanceAsync(id, getInputsAndOutputs: false, ct)));
                waiting = [.. waiting.Zip(instances).Where(p => p.Second is not { RuntimeStatus: OrchestrationRuntimeStatus.Completed }).Select(p => p.First)];
                await Task.Delay(500, ct);
            }

            Assert.True(waiting.Count == 0, $"Never dispatched within {Patience}: {string.Join(", ", waiting)}.");
        }
        finally
        {
            await engine.StopAsync(CancellationToken.None);
        }
    }
}
