using System.Net;
using CaseFy.Storage;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace CaseFy.LocalHost.Engine;

/// <summary>
/// Runs the Durable Task engine locally: the gRPC sidecar of <c>Microsoft.DurableTask.InProcessTestHost</c> over
/// <see cref="AzureStorageOrchestrationService"/> — the same backend the Functions extension uses in Azure —
/// on its own HTTP/2-only loopback listener, where the host's worker and client connect.
/// </summary>
public sealed class LocalEngineSidecar(
    IOptions<LocalEngineOptions> engineOptions,
    IOptions<StorageOptions> storageOptions,
    LocalEngineEndpoint endpoint,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private AzureStorageOrchestrationService? _service;
    private WebApplication? _sidecar;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = engineOptions.Value;
        _service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(
                storageOptions.Value.ConnectionString
                ?? throw new InvalidOperationException("The local engine needs Storage:ConnectionString (or none, for the embedded Azurite).")),
            LoggerFactory = loggerFactory,
            // A stable id lets a restarted host reclaim its partition leases at once instead of waiting them out.
            WorkerId = options.WorkerId ?? $"{Environment.MachineName}-{options.TaskHub}",
            PartitionCount = options.PartitionCount,
            // The default (30 s) makes an idle local host slow to notice new work.
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            // After a crash, messages a dead process held reappear after this; keep it above the slowest activity.
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
        });
        await _service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, endpoint.Port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(new ActivityTaskIdGuard(_service));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(_service);
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = TaskHubGrpcServerMode.ApiServerAndDispatcher);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        _sidecar = builder.Build();
        _sidecar.MapGrpcService<TaskHubGrpcServer>();

        // Resolve before start so the server exists when the worker's first call arrives.
        _sidecar.Services.GetRequiredService<TaskHubGrpcServer>();
        await _sidecar.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is not null)
        {
            await _sidecar.StopAsync(cancellationToken);
        }

        if (_service is not null)
        {
            // Stopping the sidecar does not release the partition leases; the service does, given a moment.
            await _service.StopAsync(isForced: false);
            await Task.Delay(TimeSpan.FromSeconds(1.5), CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
            _sidecar = null;
        }
    }
}
