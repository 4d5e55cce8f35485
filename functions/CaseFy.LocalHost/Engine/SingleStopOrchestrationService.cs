using DurableTask.Core;

namespace CaseFy.LocalHost.Engine;

/// <summary>
/// Stops the backend once, only if it was started, and never throws from the stop. Two callers stop it: the
/// sidecar's own <c>OnApplicationStopping</c> (an <c>async void</c>, where an exception ends the process) and
/// <see cref="LocalEngineSidecar.StopAsync"/>, which must release the partition leases. Stopping
/// <c>AzureStorageOrchestrationService</c> twice, or before it started (the worker never connected), throws a
/// <see cref="NullReferenceException"/> from <c>AppLeaseManager.StopAsync</c>; a failed stop is logged instead, and the
/// leases then expire on their own.
/// </summary>
public sealed partial class SingleStopOrchestrationService(IOrchestrationService inner, ILogger<SingleStopOrchestrationService> logger)
    : ForwardingOrchestrationService(inner)
{
    private readonly Lock _lock = new();
    private bool _started;
    private Task? _stopping;

    public override async Task StartAsync()
    {
        await base.StartAsync();
        lock (_lock)
        {
            _started = _stopping is null;
        }
    }

    public override Task StopAsync() => StopAsync(isForced: false);

    public override Task StopAsync(bool isForced)
    {
        lock (_lock)
        {
            return _stopping ??= _started ? StopOnceAsync(isForced) : Task.CompletedTask;
        }
    }

    private async Task StopOnceAsync(bool isForced)
    {
        try
        {
            await base.StopAsync(isForced);
        }
        catch (Exception ex)
        {
            LogStopFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The engine's storage backend did not stop cleanly; its partition leases expire on their own.")]
    private partial void LogStopFailed(Exception exception);
}
