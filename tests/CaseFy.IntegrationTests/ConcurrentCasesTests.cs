using CaseFy.Model.Cases;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>Many cases at once on one engine: each still gets exactly its own timeline.</summary>
public sealed class ConcurrentCasesTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly string[] Stages = ["intake", "review", "decide"];

    [Fact]
    public async Task TwentyCases_DrivenConcurrently_AllCloseWithExactTimelines()
    {
        var template = await host.Api.CreateTemplateAsync(Stages);
        var opened = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => host.Api.OpenCaseAsync(template.Id, $"Case {i}")));

        var closed = await Task.WhenAll(opened.Select(c => CaseDriver.DriveToClosureAsync(host.Api, c.Id, Stages)));
        var timelines = await Task.WhenAll(opened.Select(c => host.Api.GetTimelineAsync(c.Id)));

        Assert.Equal(20, opened.Select(c => c.Id).Distinct().Count());
        Assert.All(closed, c => Assert.Equal(CaseStatus.Closed, c.Status));
        Assert.All(timelines, t => ExpectedTimeline.AssertExactly(t, ExpectedTimeline.ForClosedCase(Stages)));
        Assert.All(opened.Zip(timelines), pair => Assert.All(pair.Second, e => Assert.Equal(pair.First.Id, e.CaseId)));
    }
}
