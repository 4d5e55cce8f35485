using System.Net;
using System.Net.Http.Json;
using CaseFy.Application.Apis;
using CaseFy.Application.Reports;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>A template's metrics, computed from the case index and the timelines.</summary>
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

        // The index follows the case rows: poll until the report sees the last change.
        var metrics = await WaitForMetricsAsync(template.Id, m => m.Stages[1].InStageNow == 1);

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
            var metrics = (await Api.Http.GetFromJsonAsync($"/api/templates/{templateId}/metrics", ApiJsonContext.Default.TemplateMetrics, Ct))!;
            if (condition(metrics))
            {
                return metrics;
            }

            Assert.True(DateTime.UtcNow < deadline, "The metrics never showed the expected state.");
            await Task.Delay(50, Ct);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
