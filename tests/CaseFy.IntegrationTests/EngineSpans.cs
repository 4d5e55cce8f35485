using System.Collections.Concurrent;
using System.Diagnostics;
using CaseFy.Telemetry;

namespace CaseFy.IntegrationTests;

/// <summary>
/// What the hosts in this process ask of the engine while it listens, from CaseFy's spans: the signals they send
/// (which case, which action, whether the instance was looked up first) and the orchestration activities that run.
/// </summary>
public sealed class EngineSpans : IDisposable
{
    private const string ActivityPrefix = "activity ";

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(string CaseId, string Action, bool LookedUp)> _signals = new();
    private readonly ConcurrentQueue<(string CaseId, string Activity)> _activities = new();

    public EngineSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CaseFyTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                var caseId = (string)span.GetTagItem(CaseFyTags.CaseId)!;
                if (span.DisplayName == "engine signal")
                {
                    _signals.Enqueue((caseId, (string)span.GetTagItem(CaseFyTags.Signal)!, (bool)span.GetTagItem(CaseFyTags.InstanceLookup)!));
                }
                else if (span.DisplayName.StartsWith(ActivityPrefix, StringComparison.Ordinal))
                {
                    _activities.Enqueue((caseId, span.DisplayName[ActivityPrefix.Length..]));
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The signals sent for <paramref name="caseId"/> so far, in order: action and whether it looked the instance up.</summary>
    public IReadOnlyList<(string Action, bool LookedUp)> SignalsOf(string caseId) =>
        [.. _signals.Where(s => s.CaseId == caseId).Select(s => (s.Action, s.LookedUp))];

    /// <summary>The orchestration activities that ran for <paramref name="caseId"/> so far, in the order they ended.</summary>
    public IReadOnlyList<string> ActivitiesOf(string caseId) =>
        [.. _activities.Where(a => a.CaseId == caseId).Select(a => a.Activity)];

    /// <summary>Waits until at least <paramref name="count"/> activities have run for <paramref name="caseId"/>; answers them.</summary>
    public async Task<IReadOnlyList<string>> WaitForActivitiesAsync(string caseId, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (ActivitiesOf(caseId) is var ran && ran.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {ran.Count} of {count} activities ran for case {caseId}: {string.Join(", ", ran)}.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return ActivitiesOf(caseId);
    }

    public void Dispose() => _listener.Dispose();
}
