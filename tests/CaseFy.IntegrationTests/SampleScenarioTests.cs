using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CaseFy.Application.Apis;
using CaseFy.LocalHost.Storage;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Templates;
using CaseFy.Testing;
using static CaseFy.Model.Timeline.TimelineEntryTypes;

namespace CaseFy.IntegrationTests;

/// <summary>
/// Each shipped sample template, loaded through the API, drives one case from creation to closure the way its team
/// and its outside party would (the outsider through a portal link), and the case ends with exactly the timeline the
/// template implies: every stage entry, task, request, upload, review, decision, automation and exit, in order.
/// </summary>
public sealed class SampleScenarioTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.7 sample"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CaseFyClient Api => host.Api;

    [Fact]
    public async Task InsuranceClaim_FromNoticeToPayment_ClosesWithExactTimeline()
    {
        var (caseId, portal) = await OpenAsync("insurance-claim", "Storm damage, 12 Elm Street");
        await UploadAsync(portal, "claim-form", Pdf, "application/pdf");
        await UploadAsync(portal, "photos", Jpeg, "image/jpeg");
        await PostAsync($"/api/cases/{caseId}/documents/claim-form/accept", string.Empty);
        await PostAsync($"/api/cases/{caseId}/documents/photos/reject", """{"reason":"Too dark to assess"}""");
        await UploadAsync(portal, "photos", Jpeg, "image/jpeg");
        await PostAsync($"/api/cases/{caseId}/documents/photos/accept", string.Empty);

        await WaitForStageAsync(caseId, "assessment", tasks: 2);
        await CompleteAsync(caseId, "review-evidence");
        await CompleteAsync(caseId, "estimate");
        await PostAsync($"/api/cases/{caseId}/decision", """{"option":"approve","rationale":"Covered by the storm clause"}""");
        await PostAsync($"/api/cases/{caseId}/advance", """{"reason":"Assessed"}""", HttpStatusCode.Accepted);

        await WaitForStageAsync(caseId, "payment", tasks: 3);
        await CompleteAsync(caseId, "pay");
        var closed = await Api.WaitForAsync(caseId, c => c.Status == CaseStatus.Closed);

        Assert.All(closed.Documents, d => Assert.Equal(DocumentStatus.Accepted, d.Status));
        Assert.Equal(2, closed.Documents.Single(d => d.Key == "photos").Versions.Count);
        await AssertTimelineAsync(caseId,
        [
            (CaseCreated, "notice"), (StageEntered, "notice"), (DocumentRequested, "notice"), (DocumentRequested, "notice"),
            (EventRaised, "notice"), (AutomationRan, "notice"), (PortalLinkCreated, "notice"), (DocumentUploaded, "notice"),
            (PortalLinkUsed, "notice"), (DocumentUploaded, "notice"), (DocumentAccepted, "notice"), (DocumentRejected, "notice"),
            (DocumentRequested, "notice"), (DocumentUploaded, "notice"), (DocumentAccepted, "notice"), (StageExited, "notice"),
            (StageEntered, "assessment"), (TaskCreated, "assessment"), (TaskCreated, "assessment"),
            (TaskCompleted, "assessment"), (TaskCompleted, "assessment"), (DecisionRecorded, "assessment"), (StageExited, "assessment"),
            (StageEntered, "payment"), (TaskCreated, "payment"), (TaskCompleted, "payment"),
            (EventRaised, "payment"), (AutomationRan, "payment"), (StageExited, "payment"), (CaseClosed, "payment"),
        ]);
    }

    [Fact]
    public async Task LegalMatterIntake_ConflictClearedAndLetterSigned_ClosesWithExactTimeline()
    {
        var (caseId, portal) = await OpenAsync("legal-matter-intake", "Acme v. Widget Co. — supply dispute");
        await WaitForTasksAsync(caseId, 1);
        await UploadAsync(portal, "matter-summary", "Breach of a supply contract."u8.ToArray(), "text/plain");
        await PostAsync($"/api/cases/{caseId}/documents/matter-summary/accept", string.Empty);
        await CompleteAsync(caseId, "log-parties");

        await WaitForStageAsync(caseId, "conflict-check", tasks: 2);
        await CompleteAsync(caseId, "run-check");
        await PostAsync($"/api/cases/{caseId}/decision", """{"option":"clear","rationale":"No matches in the conflicts register"}""");

        await WaitForStageAsync(caseId, "engagement", tasks: 3);
        await UploadAsync(portal, "engagement-letter", Pdf, "application/pdf");
        await PostAsync($"/api/cases/{caseId}/documents/engagement-letter/accept", string.Empty);
        await CompleteAsync(caseId, "open-file");
        await PostAsync($"/api/cases/{caseId}/advance", """{"reason":"Engaged"}""", HttpStatusCode.Accepted);
        await Api.WaitForAsync(caseId, c => c.Status == CaseStatus.Closed);

        await AssertTimelineAsync(caseId,
        [
            (CaseCreated, "request"), (StageEntered, "request"), (TaskCreated, "request"), (DocumentRequested, "request"),
            (PortalLinkCreated, "request"), (DocumentUploaded, "request"), (PortalLinkUsed, "request"), (DocumentAccepted, "request"),
            (TaskCompleted, "request"), (StageExited, "request"),
            (StageEntered, "conflict-check"), (TaskCreated, "conflict-check"), (TaskCompleted, "conflict-check"),
            (DecisionRecorded, "conflict-check"), (StageExited, "conflict-check"),
            (StageEntered, "engagement"), (TaskCreated, "engagement"), (DocumentRequested, "engagement"),
            (DocumentUploaded, "engagement"), (DocumentAccepted, "engagement"), (TaskCompleted, "engagement"),
            (EventRaised, "engagement"), (AutomationRan, "engagement"), (StageExited, "engagement"), (CaseClosed, "engagement"),
        ]);
    }

    [Fact]
    public async Task EmployeeOnboarding_SetupRedoneOnce_ClosesWithExactTimeline()
    {
        var (caseId, portal) = await OpenAsync("employee-onboarding", "Onboarding: Dana Reyes, data engineer");
        await WaitForTasksAsync(caseId, 1);
        await CompleteAsync(caseId, "send-contract");
        await UploadAsync(portal, "signed-contract", Pdf, "application/pdf");
        await UploadAsync(portal, "id-document", Jpeg, "image/jpeg");
        await PostAsync($"/api/cases/{caseId}/documents/signed-contract/accept", string.Empty);
        await PostAsync($"/api/cases/{caseId}/documents/id-document/accept", string.Empty);

        // Preparation: its two tasks plus the optional welcome pack its on-enter automation adds.
        await WaitForStageAsync(caseId, "preparation", tasks: 4, automations: 1);
        await CompleteAsync(caseId, "laptop");
        await CompleteAsync(caseId, "accounts");

        await WaitForStageAsync(caseId, "first-week", tasks: 5);
        await CompleteAsync(caseId, "check-in");
        await PostAsync($"/api/cases/{caseId}/decision", """{"option":"redo-setup","rationale":"No VPN access yet"}""");
        await PostAsync($"/api/cases/{caseId}/advance", "{}", HttpStatusCode.Accepted);

        // The decision routed the case back: a new visit of preparation with fresh tasks.
        await WaitForStageAsync(caseId, "preparation", tasks: 8, visit: 2, automations: 1);
        await CompleteAsync(caseId, "laptop");
        await CompleteAsync(caseId, "accounts");
        await WaitForStageAsync(caseId, "first-week", tasks: 9, visit: 2);
        await CompleteAsync(caseId, "check-in");
        await PostAsync($"/api/cases/{caseId}/decision", """{"option":"complete"}""");
        await PostAsync($"/api/cases/{caseId}/advance", "{}", HttpStatusCode.Accepted);
        await Api.WaitForAsync(caseId, c => c.Status == CaseStatus.Closed);

        (string, string)[] preparation =
        [
            (StageEntered, "preparation"), (TaskCreated, "preparation"), (TaskCreated, "preparation"),
            (TaskCreated, "preparation"), (AutomationRan, "preparation"),
            (TaskCompleted, "preparation"), (TaskCompleted, "preparation"), (StageExited, "preparation"),
        ];
        await AssertTimelineAsync(caseId,
        [
            (CaseCreated, "offer"), (StageEntered, "offer"), (TaskCreated, "offer"), (DocumentRequested, "offer"), (DocumentRequested, "offer"),
            (EventRaised, "offer"), (AutomationRan, "offer"), (PortalLinkCreated, "offer"), (TaskCompleted, "offer"),
            (DocumentUploaded, "offer"), (PortalLinkUsed, "offer"), (DocumentUploaded, "offer"),
            (DocumentAccepted, "offer"), (DocumentAccepted, "offer"), (StageExited, "offer"),
            .. preparation,
            // On-exit automations run whenever the stage is left, also when its decision routes the case back.
            (StageEntered, "first-week"), (TaskCreated, "first-week"), (TaskCompleted, "first-week"),
            (DecisionRecorded, "first-week"), (EventRaised, "first-week"), (AutomationRan, "first-week"), (StageExited, "first-week"),
            .. preparation,
            (StageEntered, "first-week"), (TaskCreated, "first-week"), (TaskCompleted, "first-week"), (DecisionRecorded, "first-week"),
            (EventRaised, "first-week"), (AutomationRan, "first-week"), (StageExited, "first-week"), (CaseClosed, "first-week"),
        ]);
    }

    /// <summary>Loads a sample through the API, opens a case on it and gives its outside party an upload link.</summary>
    private async Task<(string CaseId, string PortalToken)> OpenAsync(string sample, string title)
    {
        var template = await Api.CreateTemplateFromJsonAsync(await File.ReadAllTextAsync(SamplePath(sample), Ct));
        var opened = await Api.OpenCaseAsync(template.Id, title);
        var first = template.Stages[0];
        await Api.WaitForAsync(opened.Id, c => c.CurrentStage.Visit == 1 && c.CurrentStage.AutomationsDone.Count == first.OnEnter.Count
            && c.Documents.Count == first.Documents.Count && c.TimelineLength >= 2);

        using var link = await Api.PostJsonAsync(
            $"/api/cases/{opened.Id}/portal-links", """{"name":"Sam Outside","email":"sam@example.org","actions":["view","upload"]}""");
        await CaseFyClient.ExpectAsync(link, HttpStatusCode.Created);
        return (opened.Id, (await link.Content.ReadFromJsonAsync(ApiJsonContext.Default.CreatedPortalLink, Ct))!.Token);
    }

    private async Task UploadAsync(string portalToken, string key, byte[] bytes, string contentType)
    {
        using var outsider = host.Host.Anonymous();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var form = new MultipartFormDataContent { { file, "file", key + (contentType == "application/pdf" ? ".pdf" : ".bin") } };
        using var response = await outsider.Http.PostAsync(new Uri($"/api/portal/{portalToken}/documents/{key}", UriKind.Relative), form, Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.NoContent);
    }

    private async Task CompleteAsync(string caseId, string taskKey)
    {
        var current = await Api.GetCaseAsync(caseId);
        var task = current.Tasks.Single(t => t.Key == taskKey && t.Visit == current.CurrentStage.Visit && t.Status == CaseTaskStatus.Open);
        await PostAsync($"/api/cases/{caseId}/tasks/{task.Id}/complete", """{"note":"done"}""");
    }

    private Task<CaseRecord> WaitForTasksAsync(string caseId, int tasks) => Api.WaitForAsync(caseId, c => c.Tasks.Count == tasks);

    private Task<CaseRecord> WaitForStageAsync(string caseId, string stage, int tasks, int visit = 1, int automations = 0) =>
        Api.WaitForAsync(caseId, c => c.CurrentStage.Key == stage && c.CurrentStage.Visit >= visit && c.Tasks.Count == tasks
            && c.CurrentStage.AutomationsDone.Count == automations);

    private async Task PostAsync(string path, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Api.PostJsonAsync(path, json);
        await CaseFyClient.ExpectAsync(response, expected);
    }

    private async Task AssertTimelineAsync(string caseId, (string Type, string Stage)[] expected)
    {
        ExpectedTimeline.AssertExactly(await Api.GetTimelineAsync(caseId, pageSize: 100), expected);
        Assert.True((await Api.VerifyTimelineAsync(caseId)).Valid);
    }

    private static string SamplePath(string sample) => Path.Combine(RepoPaths.FindRoot(), "samples", "templates", sample + ".json");
}
