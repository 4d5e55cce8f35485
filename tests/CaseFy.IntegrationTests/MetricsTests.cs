using System.Net;
using System.Net.Http.Json;
using CaseFy.Application.Apis;
using CaseFy.Application.Reports;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>A template's metrics: totals kept up to date from the outbox, and their rebuild from the timelines.</summary>
public sealed class MetricsTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly string[] Stages = ["intake", "review"];

    private CaseFyClient Api => host.Api;

    [Fact]
    public async Task Metrics_CasesInEveryState_CountsCasesStageVisitsAndThroughput()
    {
        var template = await Api.CreateTemplateAsync(Stages);
        var done = await Api.OpenCaseAsync(template.Id, "Done");
        var reviewing = await Api.OpenCaseAsync(template.Id, "Reviewing");
        var fresh = await Api.OpenCaseAsync(template.Id, "Fresh");
        await CaseDriver.DriveToClosureAsync(Api, done.Id, Stages);
        await Api.WaitForStageEnteredAsync(reviewing.Id, "intake");
        using (var response = await Api.AdvanceAsync(reviewing.Id))
        {
            await CaseFyClient.ExpectAsync(response, HttpStatusCode.Accepted);
        }

        await Api.WaitForStageEnteredAsync(reviewing.Id, "review");
        await Api.WaitForStageEnteredAsync(fresh.Id, "intake");

        // The totals trail the cases by the outbox's delay, each case's batches in their own order: poll until the report
        // sees every case's last change (under load the fresh case's stage entry can be counted after the others).
        var metrics = await WaitForMetricsAsync(
            template.Id, m => m.Stages[1].InStageNow == 1 && m.ClosedCases == 1 && m.Stages[0].Visits == 2 && m.Stages[0].InStageNow == 1 && m.OpenCases == 2);

        Assert.Equal((2, 1, 0), (metrics.OpenCases, metrics.ClosedCases, metrics.SlaBreaches));
        Assert.Equal(Stages, metrics.Stages.Select(s => s.Key));
        Assert.Equal([(2, 1), (1, 1)], metrics.Stages.Select(s => (s.Visits, s.InStageNow)));
        Assert.All(metrics.Stages, s =>
        {
            Assert.InRange(s.AverageSeconds!.Value, 0, s.MaxSeconds!.Value);
            Assert.Equal(s.TotalSeconds, s.AverageSeconds.Value * s.Visits, precision: 6);
        });
        Assert.Equal(MetricsService.ThroughputDays, metrics.Throughput.Count);
        Assert.Equal(1, metrics.Throughput.Sum(d => d.Count));
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), metrics.Throughput[^1].Date);
    }

    [Fact]
    public async Task Metrics_StageVisitWithAHold_LeavesTheTimeHeldOut()
    {
        var template = await Api.CreateTemplateAsync(Stages);
        var opened = await Api.OpenCaseAsync(template.Id, "Held");
        await Api.WaitForStageEnteredAsync(opened.Id, "intake");
        foreach (var action in new[] { "hold", "resume", "advance" })
        {
            await Task.Delay(TimeSpan.FromMilliseconds(action == "resume" ? 1200 : 0), Ct);
            using var response = await Api.PostJsonAsync($"/api/cases/{opened.Id}/{action}", "{}");
            Assert.True(response.IsSuccessStatusCode, action);
        }

        await Api.WaitForStageEnteredAsync(opened.Id, "review");
        var metrics = await WaitForMetricsAsync(template.Id, m => m.Stages[0].Visits == 1);

        var timeline = await Api.GetTimelineAsync(opened.Id);
        TimeSpan At(string type) => timeline.First(e => e.Type == type).At - DateTimeOffset.UnixEpoch;
        var held = At(TimelineEntryTypes.CaseResumed) - At(TimelineEntryTypes.CaseOnHold);
        var inStage = At(TimelineEntryTypes.StageExited) - At(TimelineEntryTypes.StageEntered);
        Assert.True(held >= TimeSpan.FromSeconds(1), $"held {held}");
        Assert.Equal((inStage - held).TotalSeconds, metrics.Stages[0].TotalSeconds, precision: 3);
        Assert.Equal(held.TotalSeconds, metrics.Stages[0].HeldSeconds, precision: 3);
    }

    [Fact]
    public async Task Metrics_MovesHoldsEarlyClosesAndReopens_KeptTotalsEqualTheRebuildFromTimelines()
    {
        var template = await Api.CreateTemplateAsync(Stages);
        var moved = await Api.OpenCaseAsync(template.Id, "Moved after a hold");
        var closedEarly = await Api.OpenCaseAsync(template.Id, "Closed early");
        var reopened = await Api.OpenCaseAsync(template.Id, "Closed and reopened");
        foreach (var id in new[] { moved.Id, closedEarly.Id, reopened.Id })
        {
            await Api.WaitForStageEnteredAsync(id, "intake");
        }

        await Act($"/api/cases/{moved.Id}/hold", """{"reason":"waiting"}""");
        await Act($"/api/cases/{moved.Id}/resume", "{}");
        await Act($"/api/cases/{moved.Id}/move", """{"stage":"review","reason":"skip"}""");
        await Act($"/api/cases/{closedEarly.Id}/close", """{"reason":"withdrawn"}""");
        await Act($"/api/cases/{reopened.Id}/close", """{"reason":"done"}""");
        await Act($"/api/cases/{reopened.Id}/reopen", """{"reason":"not done"}""");
        await Api.WaitForStageEnteredAsync(moved.Id, "review");
        await Api.WaitForAsync(reopened.Id, c => c.Status == Model.Cases.CaseStatus.Open && c.CurrentStage.EnteredAt is not null);

        // The totals trail the cases by the outbox's delay: wait until the last entries are counted.
        var kept = await WaitForMetricsAsync(template.Id, m => m.Stages[0].Visits == 3 && m.Stages[0].InStageNow == 1 && m.Stages[1].InStageNow == 1);
        using var rebuilt = await Api.Http.PostAsync(new Uri($"/api/templates/{template.Id}/metrics/rebuild", UriKind.Relative), null, Ct);
        await CaseFyClient.ExpectAsync(rebuilt, HttpStatusCode.OK);
        var fromTimelines = (await rebuilt.Content.ReadFromJsonAsync(ApiJsonContext.Default.TemplateMetrics, Ct))!;

        Assert.Equivalent(kept with { GeneratedAt = default }, fromTimelines with { GeneratedAt = default }, strict: true);
        Assert.Equal((2, 1, 0), (kept.OpenCases, kept.ClosedCases, kept.SlaBreaches));
        var intake = kept.Stages[0];
        // The close route is an early close (no exit criteria, no on-exit automations), twice here.
        Assert.Equal((3, 1, 2), (intake.Visits, intake.EndedByMove, intake.EndedByEarlyClose));
        Assert.True(intake.HeldSeconds > 0, "The hold is counted apart.");
        Assert.Equal(1, kept.Throughput.Sum(d => d.Count));
        Assert.Equivalent(kept with { GeneratedAt = default }, (await GetMetricsAsync(template.Id)) with { GeneratedAt = default }, strict: true);
    }

    [Fact]
    public async Task Metrics_TemplateWithoutCases_IsAllZeroes()
    {
        var template = await Api.CreateTemplateAsync(Stages);

        var metrics = await Api.Http.GetFromJsonAsync($"/api/templates/{template.Id}/metrics", ApiJsonContext.Default.TemplateMetrics, Ct);

        Assert.NotNull(metrics);
        Assert.Equal((0, 0, 0), (metrics.OpenCases, metrics.ClosedCases, metrics.SlaBreaches));
        Assert.All(metrics.Stages, s => Assert.Equal((0, (double?)null), (s.Visits, s.AverageSeconds)));
        Assert.All(metrics.Throughput, d => Assert.Equal(0, d.Count));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("nope")]
    public async Task Metrics_UnknownTemplate_IsNotFound(string templateId)
    {
        using var response = await Api.Http.GetAsync(new Uri($"/api/templates/{templateId}/metrics", UriKind.Relative), Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.NotFound);
    }

    private async Task<TemplateMetrics> WaitForMetricsAsync(string templateId, Func<TemplateMetrics, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var metrics = await GetMetricsAsync(templateId);
            if (condition(metrics))
            {
                return metrics;
            }

            Assert.True(DateTime.UtcNow < deadline, "The metrics never showed the expected state.");
            await Task.Delay(50, Ct);
        }
    }

    private async Task<TemplateMetrics> GetMetricsAsync(string templateId) =>
        (await Api.Http.GetFromJsonAsync($"/api/templates/{templateId}/metrics", ApiJsonContext.Default.TemplateMetrics, Ct))!;

    private async Task Act(string path, string json)
    {
        using var response = await Api.PostJsonAsync(path, json);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("nope")]
    public async Task RebuildMetrics_UnknownTemplate_IsNotFound(string templateId)
    {
        using var response = await Api.Http.PostAsync(new Uri($"/api/templates/{templateId}/metrics/rebuild", UriKind.Relative), null, Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.NotFound);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
