using System.Net;
using CaseFy.Model.Cases;

namespace CaseFy.FaultTests.Infrastructure;

/// <summary>
/// Drives a case to closure the way a careful client would while the host keeps dying: before each advance it
/// reads the case, so an advance whose answer was lost to a crash is never sent a second time for the next stage.
/// </summary>
public static class ResilientDriver
{
    // A first look after a second, then less and less often while nothing changes, as a person watching a case
    // would. Polling was the run's main load: at 200 ms the long form's 200 cases asked ~1,000 reads a second of a
    // host that serves ~100 here; at a fixed second, 200 reads a second (each a few table calls on the one Azurite
    // the engine needs) starved the engine on a busy machine.
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(8);

    // How long a stored advance may wait for the engine before the client asks again (the API re-signals on 409).
    private static readonly TimeSpan NudgeAfter = TimeSpan.FromSeconds(15);

    /// <param name="deadline">Asked afresh at every look, so a caller can move it (e.g. after each host restart).</param>
    /// <param name="progress">Told each time the case leaves a stage or closes, if given.</param>
    public static async Task<CaseRecord> DriveToClosureAsync(
        ResilientApi api, string caseId, int stageCount, Func<DateTime> deadline, EngineProbe? probe, ProgressClock? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        try
        {
            for (var stage = 0; stage < stageCount; stage++)
            {
                await AdvanceOutOfAsync(api, caseId, stage, deadline, cancellationToken);
                progress?.Moved();
            }

            return await WaitAsync(api, caseId, c => c.Status == CaseStatus.Closed, deadline, cancellationToken);
        }
        catch (Xunit.Sdk.XunitException ex) when (probe is not null)
        {
            Assert.Fail($"{ex.Message} Engine: {await probe.DescribeAsync(caseId, cancellationToken)}");
            throw;
        }
    }

    private static async Task AdvanceOutOfAsync(ResilientApi api, string caseId, int stage, Func<DateTime> deadline, CancellationToken cancellationToken)
    {
        var lastAsked = DateTime.MinValue;
        var pause = FirstPause;
        while (true)
        {
            var current = await api.GetCaseAsync(caseId, cancellationToken);
            if (current.Status == CaseStatus.Closed || current.CurrentStage.Index > stage)
            {
                return;
            }

            var waiting = current.CurrentStage.EnteredAt is null
                || (current.PendingAdvance?.StageIndex == stage && DateTime.UtcNow - lastAsked < NudgeAfter);
            if (!waiting)
            {
                lastAsked = DateTime.UtcNow;
                using var response = await api.TryAdvanceOnceAsync(caseId, $"leaving stage {stage}", cancellationToken);
                // 202 asked, 409 already asked (or a concurrent request won), 5xx the host or its storage is down:
                // in every case the next read of the case says whether to ask again.
                if (response is { StatusCode: not (HttpStatusCode.Accepted or HttpStatusCode.Conflict) and < HttpStatusCode.InternalServerError })
                {
                    await ResilientApi.ExpectAsync(response, HttpStatusCode.Accepted, cancellationToken);
                }
            }

            Assert.True(DateTime.UtcNow < deadline(), $"Case {caseId} is stuck: {current.Status} in stage {current.CurrentStage.Index} (entered {current.CurrentStage.EnteredAt}, pending advance {current.PendingAdvance}).");
            await Task.Delay(pause, cancellationToken);
            pause = Longer(pause);
        }
    }

    private static async Task<CaseRecord> WaitAsync(
        ResilientApi api, string caseId, Func<CaseRecord, bool> condition, Func<DateTime> deadline, CancellationToken cancellationToken)
    {
        var pause = FirstPause;
        while (true)
        {
            var current = await api.GetCaseAsync(caseId, cancellationToken);
            if (condition(current))
            {
                return current;
            }

            Assert.True(DateTime.UtcNow < deadline(), $"Case {caseId} is stuck: {current.Status} in stage {current.CurrentStage.Index} (pending advance {current.PendingAdvance}).");
            await Task.Delay(pause, cancellationToken);
            pause = Longer(pause);
        }
    }

    private static TimeSpan Longer(TimeSpan pause) => pause * 1.5 < LongestPause ? pause * 1.5 : LongestPause;
}
