using System.Collections.Concurrent;
using System.Diagnostics;
using CaseFy.Telemetry;

namespace CaseFy.Benchmarks;

/// <summary>
/// When the orchestration's activities ended, from CaseFy's spans (the host runs in this process). An advance carried
/// out by its request is stored before the engine hears of it: this tells when the engine has caught up, so CaseFy's
/// figures include the engine work each advance still causes.
/// </summary>
public sealed class EngineActivities : IDisposable
{
    private const string SpanPrefix = "activity ";
    private const string EntrySpan = SpanPrefix + "EnterStageActivity";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(2);

    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<long>> _entries = new(StringComparer.Ordinal);
    private long _lastEnded;

    public EngineActivities()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CaseFyTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (!span.DisplayName.StartsWith(SpanPrefix, StringComparison.Ordinal))
                {
                    return;
                }

                var now = Stopwatch.GetTimestamp();
                Interlocked.Exchange(ref _lastEnded, now);
                if (span.DisplayName == EntrySpan && span.GetTagItem(CaseFyTags.CaseId) is string caseId)
                {
                    _entries.GetOrAdd(caseId, _ => new()).Enqueue(now);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Waits for entry activity number <paramref name="count"/> of the case; answers its end (a <see cref="Stopwatch"/> timestamp).</summary>
    public async Task<long> WaitForEntryAsync(string caseId, int count, CancellationToken cancellationToken)
    {
        while (!_entries.TryGetValue(caseId, out var ended) || ended.Count < count)
        {
            await Task.Delay(Poll, cancellationToken);
        }

        return _entries[caseId].ElementAt(count - 1);
    }

    /// <summary>
    /// Waits until no activity has ended for <paramref name="quiet"/>; answers when the last one ended (a <see cref="Stopwatch"/>
    /// timestamp; 0 when none has).
    /// </summary>
    public async Task<long> WaitUntilQuietAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        while (Interlocked.Read(ref _lastEnded) is var last && last != 0 && Stopwatch.GetElapsedTime(last) < quiet)
        {
            await Task.Delay(quiet - Stopwatch.GetElapsedTime(last), cancellationToken);
        }

        return Interlocked.Read(ref _lastEnded);
    }

    public void Dispose() => _listener.Dispose();
}
