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
        await using var one = await OneCase.StartAsync("Everyone at once", TimeSpan.FromSeconds(30), ct);
        var (api, opened) = (one.Api, one.Case);

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
                    new StringContent($$"""{"reason":"person {{i}}","fromStage":"{{Stages[stage]}}"}""", System.Text.Encoding.UTF8, "application/json"),
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

    [Fact]
    public async Task Work_ManyConcurrentTaskOwnerAndCommentUpdates_EveryAcceptedOneVisibleOnceAndChainValid()
    {
        var ct = TestContext.Current.CancellationToken;
        var updates = FaultScale.Current.ConcurrentUpdates;
        await using var one = await OneCase.StartAsync("Busy case", TimeSpan.FromSeconds(120), ct);
        var (api, opened) = (one.Api, one.Case);
        await WaitForAsync(api, opened.Id, c => c.CurrentStage.EnteredAt is not null, ct);

        // Half add a task, a quarter hand the case to a new owner, the rest comment: all at the same moment.
        var sent = Enumerable.Range(0, updates).Select(async i =>
        {
            var (method, path, body) = (i % 4) switch
            {
                0 or 1 => (HttpMethod.Post, "tasks", $$"""{"title":"Task {{i}}"}"""),
                2 => (HttpMethod.Put, "owner", $$"""{"id":"{{OwnerId(i)}}","name":"Owner {{i}}"}"""),
                _ => (HttpMethod.Post, "comments", $$"""{"text":"Comment {{i}}"}"""),
            };
            using var request = new HttpRequestMessage(method, new Uri($"/api/cases/{opened.Id}/{path}", UriKind.Relative))
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            using var response = await api.Http.SendAsync(request, ct);
            return (I: i, Kind: path, response.StatusCode);
        });
        var results = await Task.WhenAll(sent);
        var accepted = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        var current = await api.GetCaseAsync(opened.Id, ct);
        var timeline = await api.GetTimelineAsync(opened.Id, ct);

        Assert.All(results, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed }));
        Assert.NotEmpty(accepted);
        Assert.Equal(
            accepted.Where(r => r.Kind == "tasks").Select(r => $"Task {r.I}").Order(),
            current.Tasks.Select(t => t.Title).Order());
        Assert.Equal(
            accepted.Where(r => r.Kind == "comments").Select(r => $"Comment {r.I}").Order(),
            timeline.Where(e => e.Type == "CommentAdded").Select(e => e.Data["text"]).Order());
        var ownerChanges = timeline.Where(e => e.Type == "OwnerChanged").ToList();
        Assert.Equal(accepted.Count(r => r.Kind == "owner"), ownerChanges.Count);
        Assert.Equal(ownerChanges[^1].Data["ownerId"], CaseListing.OwnerId(current));
        Assert.Equal(Enumerable.Range(1, timeline.Count).Select(n => (long)n), timeline.Select(e => e.Seq));
        Assert.All(timeline.Zip(timeline.Skip(1)), pair => Assert.Equal(pair.First.Hash, pair.Second.PreviousHash));

        static string OwnerId(int i) => new Guid(i, 0, 0, new byte[8]).ToString("D");
    }

    /// <summary>A host process on its own Azurite with one open case of a three-stage template.</summary>
    private sealed class OneCase(FaultStorage storage, HostProcess host, ResilientApi api, CaseRecord opened) : IAsyncDisposable
    {
        public ResilientApi Api => api;

        public CaseRecord Case => opened;

        public static async Task<OneCase> StartAsync(string title, TimeSpan patience, CancellationToken ct)
        {
            var storage = await FaultStorage.StartAsync(ct);
            var host = new HostProcess(storage.ConnectionString, HostProcess.NewTaskHub());
            await host.StartAsync(ct);
            var api = new ResilientApi(host.Address, patience);
            var template = await api.CreateTemplateAsync(Stages, ct);
            return new OneCase(storage, host, api, await api.OpenCaseAsync(template.Id, title, ct));
        }

        public async ValueTask DisposeAsync()
        {
            api.Dispose();
            await host.DisposeAsync();
            await storage.DisposeAsync();
        }
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
