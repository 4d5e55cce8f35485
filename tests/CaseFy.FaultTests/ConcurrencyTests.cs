using System.Net;
using CaseFy.FaultTests.Infrastructure;
using CaseFy.Model.Cases;
using CaseFy.Testing;

namespace CaseFy.FaultTests;

/// <summary>
/// Many people act on one case at the same moment: each accepted change is stored exactly once, the others are
/// refused with 409/412, and nothing is silently lost.
/// </summary>
public sealed class ConcurrencyTests
{
    private static readonly string[] Stages = ["intake", "review", "decide"];

    [Fact]
    public async Task Advance_ManyConcurrentRequestsPerStage_ExactlyOneAcceptedAndTimelineExact()
    {
        var ct = TestContext.Current.CancellationToken;
        var updates = FaultScale.Current.ConcurrentUpdates;
        await using var storage = await FaultStorage.StartAsync(ct);
        await using var host = new HostProcess(storage.ConnectionString, HostProcess.NewTaskHub());
        await host.StartAsync(ct);
        using var api = new ResilientApi(host.Address, patience: TimeSpan.FromSeconds(30));
        var template = await api.CreateTemplateAsync(Stages, ct);
        var opened = await api.OpenCaseAsync(template.Id, "Everyone at once", ct);

        var accepted = new List<int>();
        var refused = new List<int>();
        var others = new List<HttpStatusCode>();
        for (var stage = 0; stage < Stages.Length; stage++)
        {
            await WaitForAsync(api, opened.Id, c => c.CurrentStage.Index == stage && c.CurrentStage.EnteredAt is not null, ct);
            var statuses = await Task.WhenAll(Enumerable.Range(0, updates).Select(async i =>
            {
                using var response = await api.Http.PostAsync(
                    new Uri($"/api/cases/{opened.Id}/advance", UriKind.Relative),
                    new StringContent($$"""{"reason":"person {{i}}"}""", System.Text.Encoding.UTF8, "application/json"),
                    ct);
                return response.StatusCode;
            }));
            accepted.Add(statuses.Count(s => s == HttpStatusCode.Accepted));
            refused.Add(statuses.Count(s => s is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed));
            others.AddRange(statuses.Where(s => s is not (HttpStatusCode.Accepted or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)));
        }

        var closed = await WaitForAsync(api, opened.Id, c => c.Status == CaseStatus.Closed, ct);
        var timeline = await api.GetTimelineAsync(opened.Id, ct);

        Assert.Empty(others);
        Assert.All(accepted, a => Assert.Equal(1, a));
        Assert.All(refused, r => Assert.Equal(updates - 1, r));
        Assert.Equal(CaseStatus.Closed, closed.Status);
        ExpectedTimeline.AssertExactly(timeline, ExpectedTimeline.ForClosedCase(Stages));

        // The one accepted request per stage is the one on the timeline: its reason is recorded, not a mix.
        var exits = timeline.Where(e => e.Type == "StageExited").ToList();
        Assert.All(exits, e => Assert.Matches("^person [0-9]+$", e.Data["reason"]));
    }

    private static async Task<CaseRecord> WaitForAsync(ResilientApi api, string caseId, Func<CaseRecord, bool> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var current = await api.GetCaseAsync(caseId, ct);
            if (condition(current))
            {
                return current;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Case {caseId} did not get there: {current.Status} in stage {current.CurrentStage.Index}.");
            await Task.Delay(100, ct);
        }
    }
}
