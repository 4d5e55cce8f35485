using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.DurableTask.Protobuf;
using Microsoft.Extensions.Options;

namespace CaseFy.LocalHost.Engine;

/// <summary>
/// Sends a health ping on the worker's work-item stream every quarter of
/// <see cref="LocalEngineOptions.StreamSilenceTimeout"/>. The worker gives up a stream that stays silent that long
/// ("Channel to backend has stopped receiving traffic") and reconnects; the Durable Task Scheduler pings for that
/// reason, the preview sidecar does not, so an idle local host reconnected its worker every two minutes.
/// </summary>
public sealed class WorkItemStreamPings(IOptions<LocalEngineOptions> options) : Interceptor
{
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        if (responseStream is not IServerStreamWriter<WorkItem> workItems)
        {
            await continuation(request, responseStream, context);
            return;
        }

        var writer = new PingedStream(workItems);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var pings = writer.PingAsync(options.Value.StreamSilenceTimeout / 4, stop.Token);
        try
        {
            await continuation(request, (IServerStreamWriter<TResponse>)(object)writer, context);
        }
        finally
        {
            await stop.CancelAsync();
            await pings;
        }
    }

    /// <summary>The stream with one writer at a time: the sidecar's work items and the pings never interleave.</summary>
    /// <remarks>
    /// Not disposable on purpose: the sidecar keeps the stream after the call ends and learns that it ended from the
    /// write's own exception, which a disposed semaphore would replace.
    /// </remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "See the remarks: the sidecar may write after the call ended.")]
    private sealed class PingedStream(IServerStreamWriter<WorkItem> inner) : IServerStreamWriter<WorkItem>
    {
        private readonly SemaphoreSlim _writing = new(1, 1);

        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public async Task WriteAsync(WorkItem message)
        {
            await _writing.WaitAsync();
            try
            {
                await inner.WriteAsync(message);
            }
            finally
            {
                _writing.Release();
            }
        }

        public async Task PingAsync(TimeSpan interval, CancellationToken stopping)
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                while (await timer.WaitForNextTickAsync(stopping))
                {
                    await WriteAsync(new WorkItem { HealthPing = new HealthPing() });
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException)
            {
                // The call has ended (the worker went away): the sidecar's own write would fail the same way.
            }
        }
    }
}
