using System.Collections.Concurrent;
using System.Diagnostics;
using CaseFy.Telemetry;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The engine signals the hosts in this process send while it listens (CaseFy's <c>engine signal</c> spans): which
/// case, which action, and whether the instance was looked up first.
/// </summary>
public sealed class EngineSignals : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(string CaseId, string Action, bool LookedUp)> _signals = new();

    public EngineSignals()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CaseFyTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.DisplayName == "engine signal")
                {
                    _signals.Enqueue((
                        (string)span.GetTagItem(CaseFyTags.CaseId)!,
                        (string)span.GetTagItem(CaseFyTags.Signal)!,
                        (bool)span.GetTagItem(CaseFyTags.InstanceLookup)!));
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The signals sent for <paramref name="caseId"/> so far, in order: action and whether it looked the instance up.</summary>
    public IReadOnlyList<(string Action, bool LookedUp)> Of(string caseId) =>
        [.. _signals.Where(s => s.CaseId == caseId).Select(s => (s.Action, s.LookedUp))];

    public void Dispose() => _listener.Dispose();
}
