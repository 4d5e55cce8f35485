using Azure.Data.Tables;
using CaseFy.LocalHost.Engine;
using CaseFy.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseFy.Benchmarks.RawEngine;

/// <summary>
/// The raw engine: the same local sidecar, backend and settings as the CaseFy host (<see cref="LocalEngineSidecar"/>),
/// in its own task hub, running only <see cref="RawStageOrchestrator"/>.
/// </summary>
public sealed class RawEngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private RawEngineHost(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
        Table = host.Services.GetRequiredService<RawTable>();
    }

    public DurableTaskClient Client { get; }

    public RawTable Table { get; }

    public static async Task<RawEngineHost> StartAsync(
        string connectionString, string taskHub, TimeSpan queuePolling, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Options.Create(new StorageOptions { ConnectionString = connectionString }));
        builder.Services.AddLocalEngine(registry => registry.AddOrchestrator<RawStageOrchestrator>().AddActivity<WriteRowActivity>());
        builder.Services.Configure<LocalEngineOptions>(o => (o.TaskHub, o.WorkerId, o.MaxQueuePollingInterval) = (taskHub, taskHub, queuePolling));
        var table = new TableClient(connectionString, "BenchRaw");
        await table.CreateIfNotExistsAsync(cancellationToken);
        builder.Services.AddSingleton(new RawTable(table));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new RawEngineHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
