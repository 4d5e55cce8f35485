using CaseFy.LocalHost;
using Microsoft.AspNetCore.Builder;

namespace CaseFy.Testing;

/// <summary>The real local host on a free loopback port (real HTTP, real engine), wired to a test's storage and task hub.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, Uri address)
    {
        _app = app;
        Api = new CaseFyClient(new HttpClient { BaseAddress = address });
    }

    public CaseFyClient Api { get; }

    /// <summary>The host's services, e.g. to enumerate the endpoints it maps.</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<TestHost> StartAsync(
        string connectionString, string taskHub, CancellationToken cancellationToken, params IEnumerable<string> settings)
    {
        var app = await LocalHostApp.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:ConnectionString={connectionString}",
            $"--Durable:TaskHub={taskHub}",
            $"--Durable:WorkerId=tests-{taskHub}",
            "--Logging:LogLevel:Default=Warning",
            "--Webhooks:FirstRetryDelay=00:00:00.300",
            .. settings,
        ], cancellationToken);
        await app.StartAsync(cancellationToken);
        return new TestHost(app, new Uri(app.Urls.First()));
    }

    public static string NewTaskHub() => "t" + Guid.NewGuid().ToString("N")[..16];

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
