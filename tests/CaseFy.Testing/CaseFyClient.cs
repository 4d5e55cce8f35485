using System.Net;
using System.Net.Http.Json;
using System.Text;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Testing;

/// <summary>The HTTP API as a test uses it; every call goes over real HTTP and fails loudly on an unexpected status.</summary>
public sealed class CaseFyClient(HttpClient http) : IDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    public HttpClient Http => http;

    public Task<CaseTemplate> CreateTemplateAsync(params string[] stageKeys)
    {
        var stages = string.Join(",", stageKeys.Select(k => $$"""{"key":"{{k}}","name":"Stage {{k}}"}"""));
        return CreateTemplateFromJsonAsync($$"""{"name":"Process {{Guid.NewGuid():N}}","stages":[{{stages}}]}""");
    }

    /// <summary>Creates a template from its JSON (documents, automations...: what the stage-key overload cannot say).</summary>
    public async Task<CaseTemplate> CreateTemplateFromJsonAsync(string json)
    {
        using var response = await PostJsonAsync("/api/templates", json);
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseTemplate, Ct))!;
    }

    /// <summary>The newest version of a template, as <c>GET /api/templates/{id}</c> answers it.</summary>
    public async Task<CaseTemplate> GetTemplateAsync(string templateId)
    {
        using var response = await http.GetAsync(new Uri($"/api/templates/{templateId}", UriKind.Relative), Ct);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseTemplate, Ct))!;
    }

    /// <summary>Opens a case with initial <c>data</c> (<paramref name="dataJson"/>: a JSON object of field values).</summary>
    public async Task<CaseRecord> OpenCaseAsync(string templateId, string title, string dataJson)
    {
        using var response = await PostJsonAsync("/api/cases", $$"""{"templateId":"{{templateId}}","title":"{{title}}","data":{{dataJson}}}""");
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))!;
    }

    public async Task<CaseRecord> OpenCaseAsync(string templateId, string title)
    {
        using var response = await PostJsonAsync("/api/cases", $$"""{"templateId":"{{templateId}}","title":"{{title}}"}""");
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))!;
    }

    public async Task<CaseRecord> GetCaseAsync(string caseId)
    {
        using var response = await http.GetAsync(new Uri($"/api/cases/{caseId}", UriKind.Relative), Ct);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))!;
    }

    public async Task<HttpResponseMessage> AdvanceAsync(string caseId, string? reason = null) =>
        reason is null
            ? await http.PostAsync(new Uri($"/api/cases/{caseId}/advance", UriKind.Relative), content: null, Ct)
            : await PostJsonAsync($"/api/cases/{caseId}/advance", $$"""{"reason":"{{reason}}"}""");

    /// <summary>Creates a portal link on the case for <paramref name="name"/> with the actions (a JSON array).</summary>
    public async Task<CaseFy.Application.Portal.CreatedPortalLink> CreatePortalLinkAsync(string caseId, string name, string actions)
    {
        using var response = await PostJsonAsync($"/api/cases/{caseId}/portal-links", $$"""{"name":"{{name}}","actions":{{actions}}}""");
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(CaseFy.Application.Apis.ApiJsonContext.Default.CreatedPortalLink, Ct))!;
    }

    /// <summary>Sends a JSON merge patch of the case's data, with <c>If-Match</c> when given.</summary>
    public Task<HttpResponseMessage> PatchDataAsync(string caseId, string json, string? ifMatch = null, string contentType = "application/merge-patch+json") =>
        PatchAsync($"/api/cases/{caseId}/data", json, ifMatch, contentType);

    /// <summary>Sends a PATCH (a JSON merge patch by default) to any path, with <c>If-Match</c> when given.</summary>
    public async Task<HttpResponseMessage> PatchAsync(string path, string json, string? ifMatch = null, string contentType = "application/merge-patch+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path)
        {
            Content = new StringContent(json, Encoding.UTF8, contentType),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await http.SendAsync(request, Ct);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, string contentType = "application/json") =>
        http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, contentType), Ct);

    /// <summary>Polls the case until <paramref name="condition"/> holds: the orchestration works asynchronously.</summary>
    public async Task<CaseRecord> WaitForAsync(string caseId, Func<CaseRecord, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            var current = await GetCaseAsync(caseId);
            if (condition(current))
            {
                return current;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Case {caseId} did not reach the expected state; it is {current.Status} in '{current.CurrentStage.Key}'.");
            await Task.Delay(50, Ct);
        }
    }

    public Task<CaseRecord> WaitForStageEnteredAsync(string caseId, string stageKey) =>
        WaitForAsync(caseId, c => c.CurrentStage.Key == stageKey && c.CurrentStage.EnteredAt is not null);

    /// <summary>Reads the whole timeline, page by page.</summary>
    public async Task<List<TimelineEntry>> GetTimelineAsync(string caseId, int pageSize = 100)
    {
        var entries = new List<TimelineEntry>();
        string? token = null;
        do
        {
            var query = $"/api/cases/{caseId}/timeline?pageSize={pageSize}" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
            using var response = await http.GetAsync(new Uri(query, UriKind.Relative), Ct);
            await ExpectAsync(response, HttpStatusCode.OK);
            var page = (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.PageTimelineEntry, Ct))!;
            entries.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return entries;
    }

    public async Task<Page<TimelineEntry>> GetTimelinePageAsync(string caseId, string query)
    {
        using var response = await http.GetAsync(new Uri($"/api/cases/{caseId}/timeline?{query}", UriKind.Relative), Ct);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.PageTimelineEntry, Ct))!;
    }

    public async Task<TimelineVerification> VerifyTimelineAsync(string caseId)
    {
        using var response = await http.GetAsync(new Uri($"/api/cases/{caseId}/timeline/verify", UriKind.Relative), Ct);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.TimelineVerification, Ct))!;
    }

    public async Task<Page<CaseRecord>> ListCasesAsync(int pageSize, string? token = null)
    {
        var query = $"/api/cases?pageSize={pageSize}" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
        using var response = await http.GetAsync(new Uri(query, UriKind.Relative), Ct);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.PageCaseRecord, Ct))!;
    }

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }
    }

    public void Dispose() => http.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
