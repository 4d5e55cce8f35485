using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CaseFy.Telemetry;

namespace CaseFy.Benchmarks;

/// <summary>
/// Where a request's time goes inside the host: CaseFy's own spans (storage, engine) of the requests made through
/// <see cref="MeasureAsync"/>, summed per span name. The host runs in this process and the HTTP client carries the
/// trace to it, so a span belongs to a measured request when it shares that request's trace; background work (the
/// outbox, the orchestration) has traces of its own and is left out.
/// </summary>
public sealed class RequestSpans : IDisposable
{
    private static readonly ActivitySource Source = new("CaseFy.Benchmarks");

    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<ActivityTraceId, byte> _traces = new();
    private readonly ConcurrentDictionary<string, (double Milliseconds, int Count)> _spans = new(StringComparer.Ordinal);
    private int _requests;

    public RequestSpans()
    {
        _listener = new ActivityListener
        {
            // The client's and the server's HTTP activities carry the trace across; only CaseFy's spans are summed.
            ShouldListenTo = source => source.Name is CaseFyTelemetry.Name or "CaseFy.Benchmarks" or "System.Net.Http" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Runs <paramref name="request"/> under a trace of its own, whose CaseFy spans are counted.</summary>
    public async Task MeasureAsync(Func<Task> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var root = Source.StartActivity("measured request");
        if (root is not null)
        {
            _traces[root.TraceId] = 0;
        }

        Interlocked.Increment(ref _requests);
        await request();
    }

    /// <summary>Per measured request: each span name's count and mean time, the longest first.</summary>
    public string Summary() => _requests == 0
        ? "no requests"
        : string.Join("; ", _spans.OrderByDescending(s => s.Value.Milliseconds).Select(s => string.Create(
            CultureInfo.InvariantCulture, $"{s.Key} ×{(double)s.Value.Count / _requests:0.#} {s.Value.Milliseconds / _requests:F1} ms")));

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity activity)
    {
        if (activity.Source.Name == CaseFyTelemetry.Name && _traces.ContainsKey(activity.TraceId))
        {
            var milliseconds = activity.Duration.TotalMilliseconds;
            _spans.AddOrUpdate(activity.DisplayName, (milliseconds, 1), (_, sum) => (sum.Milliseconds + milliseconds, sum.Count + 1));
        }
    }
}
