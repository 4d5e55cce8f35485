using System.Net;
using CaseFy.FaultTests.Infrastructure;
using CaseFy.Model.Cases;
using CaseFy.Testing;

namespace CaseFy.FaultTests;

/// <summary>
/// Storage goes away mid-run and comes back on the same folder and ports: the host reports itself degraded
/// meanwhile, recovers without a restart, and the cases in flight close with exact timelines.
/// </summary>
public sealed class StorageRestartTests
{
    private static readonly string[] Stages = ["intake", "review", "decide"];

    [Fact]
    public async Task Cases_StorageRestartedMidRun_HostRecoversAndNothingIsLost()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await FaultStorage.StartAsync(ct);
        var hub = HostProcess.NewTaskHub();
        await using var host = new HostProcess(storage.ConnectionString, hub);
        await host.StartAsync(ct);
        using var api = new ResilientApi(host.Address, patience: TimeSpan.FromMinutes(2));
        var template = await api.CreateTemplateAsync(Stages, ct);
        var opened = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => api.OpenCaseAsync(template.Id, $"Outage case {i}", ct)));
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var probe = new EngineProbe(storage.ConnectionString, hub);
        var driving = Task.WhenAll(opened.Select(c => ResilientDriver.DriveToClosureAsync(api, c.Id, Stages.Length, () => deadline, probe, progress: null, ct)));

        await Task.Delay(Random.Shared.Next(300, 1500), ct);
        await storage.StopAsync();
        var degraded = await WaitForHealthAsync(api, HttpStatusCode.ServiceUnavailable, ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await storage.StartAgainAsync(ct);
        var healthy = await WaitForHealthAsync(api, HttpStatusCode.OK, ct);
        var closed = await driving;
        var timelines = await Task.WhenAll(closed.Select(c => api.GetTimelineAsync(c.Id, ct)));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{closed.Length} cases; {api.InternalErrors} answers were 500 during the outage; host started {host.Starts} time(s)");

        Assert.True(degraded, "/api/health never reported the outage (503).");
        Assert.True(healthy, "/api/health did not report healthy again after storage came back.");
        Assert.Equal(1, host.Starts);
        Assert.Equal(0, api.InternalErrors);
        Assert.All(closed, c => Assert.Equal(CaseStatus.Closed, c.Status));
        Assert.All(timelines, t => ExpectedTimeline.AssertExactly(t, ExpectedTimeline.ForClosedCase(Stages)));
    }

    private static async Task<bool> WaitForHealthAsync(ResilientApi api, HttpStatusCode wanted, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await api.TryHealthAsync(cancellationToken) == wanted)
            {
                return true;
            }

            await Task.Delay(200, cancellationToken);
        }

        return false;
    }
}
