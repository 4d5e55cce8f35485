using System.Diagnostics;
using CaseFy.Storage;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Protobuf;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace CaseFy.LocalHost.Engine;

/// <summary>
/// Runs the Durable Task engine locally: the gRPC sidecar of <c>Microsoft.DurableTask.InProcessTestHost</c> over
/// <see cref="AzureStorageOrchestrationService"/> — the same backend the Functions extension uses in Azure —
/// on its own HTTP/2-only Unix domain socket (<see cref="LocalEngineEndpoint"/>), where the host's worker and client connect. The sidecar is a preview
/// testing package with two ways to lose an activity's answer; <see cref="ActivityTaskIdGuard"/> prevents one, and an
/// activity left unanswered for <see cref="LocalEngineOptions.LostActivityAfter"/> (e.g. one the worker abandoned,
/// which this sidecar ignores) is failed here on the worker's behalf, so the orchestration's retry runs it again.
/// Unlike DurableTask.Core's dispatchers it also takes in redelivered messages, which
/// <see cref="RedeliveredMessageFilter"/> drops first, and never renews its work items' locks, which
/// <see cref="WorkItemLockRenewer"/> does.
/// </summary>
public sealed partial class LocalEngineSidecar(
    IOptions<LocalEngineOptions> engineOptions,
    IOptions<StorageOptions> storageOptions,
    LocalEngineEndpoint endpoint,
    GrpcChannel channel,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<LocalEngineSidecar>();
    private readonly CancellationTokenSource _stopping = new();
    private AzureStorageOrchestrationService? _service;
    private WorkItemLockRenewer? _renewer;
    private ActivityTaskIdGuard? _guard;
    private WebApplication? _sidecar;
    private Task? _lostActivities;

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
            // A pass over the partition leases that runs out of time stops short of the last partitions, and a
            // starting process then never listens to their control queues (found by the crash suite on a busy machine).
            PartitionTableOperationTimeout = options.PartitionTableTimeout,
        });
        await _service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);

        // It logs through the host's factory: its own "Now listening" and "Application started" would be a second set.
        builder.WebHost.SuppressStatusMessages(true);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(endpoint.SocketPath, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(engineOptions);
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<WorkItemStreamPings>());
        var backend = new SingleStopOrchestrationService(_service, loggerFactory.CreateLogger<SingleStopOrchestrationService>());
        _renewer = new WorkItemLockRenewer(
            new RedeliveredMessageFilter(backend, _service, loggerFactory.CreateLogger<RedeliveredMessageFilter>()),
            loggerFactory.CreateLogger<WorkItemLockRenewer>());
        _guard = new ActivityTaskIdGuard(_renewer, TimeProvider.System);
        builder.Services.AddSingleton<IOrchestrationService>(_guard);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(_service);
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = TaskHubGrpcServerMode.ApiServerAndDispatcher);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        _sidecar = builder.Build();
        _sidecar.MapGrpcService<TaskHubGrpcServer>();

        // Resolve before start so the server exists when the worker's first call arrives.
        _sidecar.Services.GetRequiredService<TaskHubGrpcServer>();
        await _sidecar.StartAsync(cancellationToken);
        _lostActivities = FailLostActivitiesAsync(_guard, options.LostActivityAfter, _stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_lostActivities is not null)
        {
            await _lostActivities;
        }

        // Bounded: with its storage gone the backend retries for ever, and a stop must end (systemd, a container).
        var stopTimeout = engineOptions.Value.StopTimeout;
        var stopping = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(stopTimeout);
        try
        {
            if (_sidecar is not null)
            {
                await _sidecar.StopAsync(limit.Token);
            }

            if (_renewer is not null)
            {
                // Stopping the sidecar does not release the partition leases; the service does, given a moment. Through
                // the renewer, which first lets go of the locks of work items no worker will complete now.
                await _renewer.StopAsync(isForced: false).WaitAsync(limit.Token);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            LogStopTimedOut(stopTimeout);
            return;
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        LogStopped(stopping.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
            _sidecar = null;
        }

        File.Delete(endpoint.SocketPath);
    }

    private async Task FailLostActivitiesAsync(ActivityTaskIdGuard guard, TimeSpan lostAfter, CancellationToken stopping)
    {
        var sidecar = new TaskHubSidecarService.TaskHubSidecarServiceClient(channel);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                foreach (var workItem in guard.Overdue(lostAfter))
                {
                    var instance = workItem.TaskMessage.OrchestrationInstance;
                    var taskId = workItem.TaskMessage.Event.EventId;
                    LogLostActivity(instance.InstanceId, taskId, lostAfter);
                    try
                    {
                        await sidecar.CompleteActivityTaskAsync(
                            new ActivityResponse
                            {
                                InstanceId = instance.InstanceId,
                                TaskId = taskId,
                                FailureDetails = new TaskFailureDetails
                                {
                                    ErrorType = "CaseFy.LostActivity",
                                    ErrorMessage = $"No answer from the worker within {lostAfter}; failed so that the retry policy runs it again.",
                                },
                            },
                            cancellationToken: stopping);
                    }
                    catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.Unavailable)
                    {
                        // Answered meanwhile, or the sidecar is stopping: nothing to give up on.
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The engine stopped and released its partition leases in {Elapsed}.")]
    private partial void LogStopped(TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The engine did not stop within {StopTimeout} (storage unreachable?); its partition leases expire on their own.")]
    private partial void LogStopTimedOut(TimeSpan stopTimeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {TaskId} of {InstanceId} had no answer for {LostAfter}; failing it so it is retried.")]
    private partial void LogLostActivity(string instanceId, int taskId, TimeSpan lostAfter);
}
