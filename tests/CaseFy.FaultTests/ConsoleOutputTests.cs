using CaseFy.FaultTests.Infrastructure;

namespace CaseFy.FaultTests;

/// <summary>What a person running the local host reads on its console: one start-up announcement, no engine chatter.</summary>
public sealed class ConsoleOutputTests
{
    [Fact]
    public async Task Console_RequestsWithBadTokens_LogNoIdentityLibraryLines()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await FaultStorage.StartAsync(ct);
        await using var host = new HostProcess(
            storage.ConnectionString, HostProcess.NewTaskHub(), settings: ["--Logging:LogLevel:Default=Information"]);
        await host.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = host.Address };
        using var minted = await http.PostAsync(
            new Uri("/api/dev/token", UriKind.Relative),
            new StringContent("""{"name":"Console Reader","roles":["CaseFy.Viewer"]}""", System.Text.Encoding.UTF8, "application/json"),
            ct);
        var token = System.Text.Json.JsonDocument.Parse(await minted.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("accessToken").GetString()!;

        // A token whose signature no longer matches (as after a key change): each request is a 401, nothing more.
        var tampered = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tampered);
            using var response = await http.SendAsync(request, ct);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var output = host.RecentOutput;
        Assert.False(output.Contains("IDX", StringComparison.Ordinal), $"Identity library lines on the console:{Environment.NewLine}{output}");
    }

    [Fact]
    public async Task Console_AfterStart_SaysApplicationStartedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await FaultStorage.StartAsync(ct);
        // The console as a person running the host sees it (the fault suites run it at Warning).
        await using var host = new HostProcess(
            storage.ConnectionString, HostProcess.NewTaskHub(), settings: ["--Logging:LogLevel:Default=Information"]);
        await host.StartAsync(ct);
        using var api = new ResilientApi(host.Address, patience: TimeSpan.FromMinutes(1));
        await api.TryHealthAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);

        var output = host.RecentOutput;
        Assert.True(
            output.Split('\n').Count(l => l.Contains("Application started", StringComparison.Ordinal)) == 1,
            $"Expected one 'Application started' line:{Environment.NewLine}{output}");
    }
}
