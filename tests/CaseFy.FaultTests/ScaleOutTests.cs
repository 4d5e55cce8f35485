using System.Diagnostics;
using CaseFy.FaultTests.Infrastructure;
using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.FaultTests;

/// <summary>
/// Several instances on one task hub, as Flex Consumption runs them under load: three host processes on one storage
/// account (distinct engine worker ids and ports), cases opened and driven through all three APIs, and the instance
/// owning the most engine partitions SIGKILLed mid-run and not restarted (its clients go on with the others, as behind
/// a load balancer). Every case closes with exactly its timeline, every lifecycle event reaches the topic exactly once
/// and in case order (the outbox's leases keep one publisher per case), and the dead instance's partitions move.
/// </summary>
public sealed class ScaleOutTests
{
    private const int Instances = 3;
    private static readonly string[] Stages = ["intake", "review", "decide"];
    private static readonly TimeSpan JamAfter = TimeSpan.FromMinutes(2);

    // The dead instance's outbox claims pass to the others only when their lease runs out (production: 2 min), so
    // the topic is waited for that long after the kill; a shorter lease keeps the wait short.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Cases_ThreeInstancesOneKilled_AllCloseEachEventOnceAndItsPartitionsMove()
    {
        var ct = TestContext.Current.CancellationToken;
        var cases = FaultScale.Current.ScaleOutCases;
        await using var storage = await FaultStorage.StartAsync(ct);
        await using var topic = await EventGridTopicStub.StartAsync(ct);
        var hub = HostProcess.NewTaskHub();
        var probe = new EngineProbe(storage.ConnectionString, hub);
        var hosts = Enumerable.Range(0, Instances).Select(i => new HostProcess(storage.ConnectionString, hub, $"instance{i}", [.. topic.HostSettings, $"--Events:ClaimLease={ClaimLease}"])).ToArray();
        var apis = new List<ResilientApi>();
        try
        {
            await Task.WhenAll(hosts.Select(h => h.StartAsync(ct)));

            // Each client prefers its own instance and goes to the next live one when it is gone.
            Uri Route(int preferred) => Enumerable.Range(0, Instances).Select(k => hosts[(preferred + k) % Instances]).First(h => h.IsRunning).Address;
            apis.AddRange(Enumerable.Range(0, Instances).Select(i => new ResilientApi(hosts[i].Address, TimeSpan.FromMinutes(2), route: () => Route(i))));
            var template = await apis[0].CreateTemplateAsync(Stages, ct);
            var clock = Stopwatch.StartNew();
            var progress = new ProgressClock();
            DateTime? killedAt = null;
            DateTime Deadline() => (killedAt > progress.Last ? killedAt.Value : progress.Last) + JamAfter;
            var fleet = new CaseFleet(Stages.Length, Deadline, probe, progress);
            var stuck = fleet.Stuck;
            var driving = Task.WhenAll(Enumerable.Range(0, cases).Select(i =>
                fleet.OpenAndDriveAsync(apis[i % Instances], template.Id, $"Scale-out case {i}", TimeSpan.FromMilliseconds(Random.Shared.Next(10_000)), ct)));

            // Mid-run, once the engine has spread its partitions: the instance that owns the most of them dies.
            await Task.Delay(TimeSpan.FromSeconds(6), ct);
            var before = await probe.PartitionOwnersAsync(ct);
            var victim = hosts.Select((h, i) => (Index: i, Owned: before.Values.Count(o => o == $"instance{i}"))).MaxBy(x => x.Owned).Index;
            var inFlight = !driving.IsCompleted;
            await hosts[victim].KillAsync();
            killedAt = DateTime.UtcNow;

            var driven = await driving;
            var drained = clock.Elapsed;
            var after = await WaitForOwnersAsync(probe, owners => owners.Values.All(o => o.Length > 0 && o != $"instance{victim}"), ct);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{cases} cases through {Instances} instances ({stuck.Count} stuck), instance{victim} killed {(inFlight ? "with cases in flight" : "after the cases")}, " +
                $"all closed in {drained.TotalSeconds:F1} s ({cases / drained.TotalMinutes:F0} cases/min); partitions before {Describe(before)}, after {Describe(after)}");

            Assert.True(stuck.IsEmpty, $"{stuck.Count} of {cases} cases did not close:{Environment.NewLine}{string.Join(Environment.NewLine, stuck)}");
            Assert.True(inFlight, "The instance was killed after every case had closed.");
            Assert.Contains($"instance{victim}", before.Values);
            Assert.DoesNotContain($"instance{victim}", after.Values);
            var closed = driven.OfType<CaseRecord>().ToArray();
            Assert.Equal(cases, closed.Select(c => c.Id).Distinct().Count());
            var timelines = await Task.WhenAll(closed.Select(c => apis[0].GetTimelineAsync(c.Id, ct)));
            Assert.All(timelines, t => ExpectedTimeline.AssertExactly(t, ExpectedTimeline.ForClosedCase(Stages)));

            var expected = timelines.SelectMany(t => t).Where(e => LifecycleEntryTypes.IsLifecycle(e.Type)).ToList();
            var leaseOver = killedAt.Value + ClaimLease + TimeSpan.FromMinutes(1) - DateTime.UtcNow;
            await topic.WaitUntilAsync(
                received => expected.All(e => received.Any(r => r.Id == e.Id)), "every lifecycle event of the cases",
                leaseOver > TimeSpan.FromMinutes(1) ? leaseOver : TimeSpan.FromMinutes(1));
            LifecycleEventAssert.ExactlyOnceInCaseOrder(topic.Accepted, expected);
        }
        finally
        {
            apis.ForEach(api => api.Dispose());
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    // A dead instance's partition leases expire before another takes them; every case closing needs that already.
    private static async Task<IReadOnlyDictionary<string, string>> WaitForOwnersAsync(
        EngineProbe probe, Func<IReadOnlyDictionary<string, string>, bool> condition, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            var owners = await probe.PartitionOwnersAsync(cancellationToken);
            if (condition(owners) || DateTime.UtcNow > deadline)
            {
                return owners;
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private static string Describe(IReadOnlyDictionary<string, string> owners) =>
        string.Join(", ", owners.Select(o => $"{o.Key[(o.Key.LastIndexOf('-') + 1)..]}={o.Value}"));
}
