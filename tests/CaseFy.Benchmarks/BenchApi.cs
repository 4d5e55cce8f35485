using System.Net;
using System.Net.Http.Json;
using System.Text;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Benchmarks;

/// <summary>CaseFy's HTTP API as the benchmark calls it: plain calls that throw on an unexpected status.</summary>
public sealed class BenchApi(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<CaseTemplate> CreateTemplateAsync(int stageCount, CancellationToken cancellationToken)
    {
        var stages = string.Join(",", Enumerable.Range(0, stageCount).Select(i => $$"""{"key":"s{{i}}","name":"Stage {{i}}"}"""));
        using var response = await PostAsync("/api/templates", $$"""{"name":"Bench {{Guid.NewGuid():N}}","stages":[{{stages}}]}""", cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseTemplate, cancellationToken))!;
    }

    public async Task<CaseRecord> OpenCaseAsync(string templateId, string title, CancellationToken cancellationToken)
    {
        using var response = await PostAsync("/api/cases", $$"""{"templateId":"{{templateId}}","title":"{{title}}"}""", cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, cancellationToken))!;
    }

    public async Task<CaseRecord> GetCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/api/cases/{caseId}", UriKind.Relative), cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, cancellationToken))!;
    }

    public async Task<CaseFy.Application.Cases.CaseView> GetCaseViewAsync(string caseId, int pageSize, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/api/cases/{caseId}/view?pageSize={pageSize}", UriKind.Relative), cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFy.Application.Apis.ApiJsonContext.Default.CaseView, cancellationToken))!;
    }

    public async Task<Page<TimelineEntry>> GetTimelinePageAsync(string caseId, string? token, int pageSize, CancellationToken cancellationToken)
    {
        var query = $"/api/cases/{caseId}/timeline?pageSize={pageSize}" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
        using var response = await http.GetAsync(new Uri(query, UriKind.Relative), cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.PageTimelineEntry, cancellationToken))!;
    }

    public async Task<List<TimelineEntry>> GetTimelineAsync(string caseId, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        string? token = null;
        do
        {
            var page = await GetTimelinePageAsync(caseId, token, 100, cancellationToken);
            entries.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return entries;
    }

    public async Task AdvanceAsync(string caseId, CancellationToken cancellationToken)
    {
        using var response = await PostAsync($"/api/cases/{caseId}/advance", """{"reason":"bench"}""", cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Accepted);
    }

    /// <summary>Polls the case until it has entered <paramref name="stageIndex"/> (or closed).</summary>
    public async Task<CaseRecord> WaitForStageEnteredAsync(string caseId, int stageIndex, TimeSpan pause, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await GetCaseAsync(caseId, cancellationToken);
            if (current.Status == CaseStatus.Closed
                || (current.CurrentStage.Index == stageIndex && current.CurrentStage.EnteredAt is not null))
            {
                return current;
            }

            await Task.Delay(pause, cancellationToken);
        }
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json, CancellationToken cancellationToken) =>
        http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
