using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using CaseFy.FaultTests.Infrastructure;

namespace CaseFy.FaultTests;

/// <summary>
/// Many API clients at once for a bounded time on loopback: no request fails with a server error and the
/// host's memory stays bounded.
/// </summary>
public sealed class LoadTests
{
    private const long MemoryCeilingBytes = 1024L * 1024 * 1024;
    private static readonly string[] Stages = ["intake", "review", "decide"];

    [Fact]
    public async Task Api_ManyConcurrentClients_NoServerErrorsAndBoundedMemory()
    {
        var ct = TestContext.Current.CancellationToken;
        var scale = FaultScale.Current;
        await using var storage = await FaultStorage.StartAsync(ct);
        await using var host = new HostProcess(storage.ConnectionString, HostProcess.NewTaskHub());
        await host.StartAsync(ct);
        using var api = new ResilientApi(host.Address, patience: TimeSpan.FromSeconds(30));
        var template = await api.CreateTemplateAsync(Stages, ct);
        var seeded = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => api.OpenCaseAsync(template.Id, $"Load case {i}", ct)));

        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var memory = new ConcurrentBag<long>();
        using var stop = new CancellationTokenSource(scale.LoadDuration);
        var sampling = SampleMemoryAsync(host, memory, stop.Token);
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, scale.LoadClients).Select(async client =>
        {
            var random = new Random(client);
            while (!stop.IsCancellationRequested)
            {
                using var request = NextRequest(random, template.Id, seeded[random.Next(seeded.Length)].Id);
                using var response = await api.Http.SendAsync(request, ct);
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            }
        });
        await Task.WhenAll(clients);
        var elapsed = clock.Elapsed;
        await sampling;

        var total = statuses.Values.Sum();
        var peak = memory.DefaultIfEmpty(host.WorkingSetBytes()).Max();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{scale.LoadClients} clients, {elapsed.TotalSeconds:F1} s, {total} requests ({total / elapsed.TotalSeconds:F0}/s), "
            + $"statuses {string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{(int)p.Key}×{p.Value}"))}, "
            + $"host working set peak {peak / (1024 * 1024)} MiB over {memory.Count} samples");

        Assert.True(total > scale.LoadClients, "The clients hardly got any answers.");
        Assert.DoesNotContain(statuses.Keys, s => (int)s >= 500);
        Assert.True(peak < MemoryCeilingBytes, $"The host's working set peaked at {peak / (1024 * 1024)} MiB.");
    }

    // Mostly reads, as people use a case system; some opens and advances so writes contend with them. Not
    // /api/health: its probes have a 3 s budget, and on a starved CPU it rightly says "degraded" (503).
    private static HttpRequestMessage NextRequest(Random random, string templateId, string caseId) => random.Next(100) switch
    {
        < 55 => new(HttpMethod.Get, new Uri($"/api/cases/{caseId}", UriKind.Relative)),
        < 75 => new(HttpMethod.Get, new Uri($"/api/cases/{caseId}/timeline?pageSize=50", UriKind.Relative)),
        < 90 => new(HttpMethod.Get, new Uri("/api/cases?pageSize=20", UriKind.Relative)),
        < 95 => Post("/api/cases", $$"""{"templateId":"{{templateId}}","title":"Opened under load"}"""),
        _ => Post($"/api/cases/{caseId}/advance", """{"reason":"under load"}"""),
    };

    private static HttpRequestMessage Post(string path, string json) =>
        new(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static async Task SampleMemoryAsync(HostProcess host, ConcurrentBag<long> samples, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            samples.Add(host.WorkingSetBytes());
            try
            {
                await Task.Delay(250, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
