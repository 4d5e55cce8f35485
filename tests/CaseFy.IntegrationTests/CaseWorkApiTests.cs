using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using CaseFy.Application.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>Tasks, decisions, exit criteria, automations (webhook with retries), SLA breach and flexibility, through HTTP and the real engine.</summary>
public sealed class CaseWorkApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string Secret = "0123456789abcdef-secret";

    private CaseFyClient Api => host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<CaseTemplate> CreateTemplateAsync(string json) => Api.CreateTemplateFromJsonAsync(json);

    private async Task<CaseRecord> PostAsync(string path, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Api.PostJsonAsync(path, json);
        await CaseFyClient.ExpectAsync(response, expected);
        return expected == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))! : null!;
    }

    [Fact]
    public async Task TemplateRead_ByNonAdmin_HasNoWebhookSecretsAndOnlyTheSchemeAndHostOfItsUrls()
    {
        var template = await CreateTemplateAsync($$"""
            {"name":"Signed hooks","stages":[{"key":"a","name":"A",
              "onEnter":[{"type":"webhook","url":"http://127.0.0.1:9/hook","secret":"{{Secret}}"}],
              "slaHours":1,"onBreach":{"escalateTo":"owner","webhookUrl":"http://127.0.0.1:9/late?sig=query-credential","webhookSecret":"{{Secret}}"}
              }]}
            """);
        using var member = await host.Host.SignInAsync("Mo Member", CaseFyRoles.Member);

        var asAdmin = await Api.Http.GetStringAsync(new Uri($"/api/templates/{template.Id}", UriKind.Relative), Ct);
        var asMember = await member.Http.GetStringAsync(new Uri($"/api/templates/{template.Id}", UriKind.Relative), Ct);
        var versionsAsMember = await member.Http.GetStringAsync(new Uri($"/api/templates/{template.Id}/versions", UriKind.Relative), Ct);

        Assert.Equal(2, asAdmin.Split(Secret).Length - 1);
        Assert.DoesNotContain(Secret, asMember, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, versionsAsMember, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:9/late?sig=query-credential", asAdmin, StringComparison.Ordinal);
        Assert.All([asMember, versionsAsMember], read =>
        {
            Assert.Contains("\"http://127.0.0.1:9\"", read, StringComparison.Ordinal);
            Assert.DoesNotContain("query-credential", read, StringComparison.Ordinal);
            Assert.DoesNotContain("/hook", read, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Decision_RejectAfterTaskAndWebhook_ClosesCaseAsRejectedWithExactTimeline()
    {
        using var hook = new WebhookReceiver(failFirst: 1);
        var template = await CreateTemplateAsync($$"""
            {"name":"Claims","stages":[
              {"key":"review","name":"Review","advance":"auto",
               "tasks":[{"key":"check","title":"Check the claim","assignee":"owner","dueInHours":24}],
               "decision":{"question":"Pay?","options":[{"key":"pay","label":"Pay","outcome":"next"},{"key":"reject","label":"Reject","outcome":"close:rejected"}]},
               "onEnter":[{"type":"publishEvent","event":"review-started"},{"type":"webhook","url":"{{hook.Url}}","secret":"{{Secret}}"}]},
              {"key":"payout","name":"Payout"}]}
            """);
        var opened = await Api.OpenCaseAsync(template.Id, "Claim 7");
        var entered = await Api.WaitForAsync(opened.Id, c => c.CurrentStage.AutomationsDone.Count == 2);
        var task = Assert.Single(entered.Tasks);

        var mine = await Api.Http.GetFromJsonAsync($"/api/tasks?assignee=me&status=open", CaseFyJsonContext.Default.PageTaskSummary, Ct);
        Assert.Contains(mine!.Items, t => t.CaseId == opened.Id && t.TaskId == task.Id);
        await PostAsync($"/api/cases/{opened.Id}/advance", "{}", HttpStatusCode.Conflict);
        await PostAsync($"/api/cases/{opened.Id}/tasks/{task.Id}/complete", """{"note":"looks wrong"}""");
        await PostAsync($"/api/cases/{opened.Id}/decision", """{"option":"reject","rationale":"not covered"}""");
        var closed = await Api.WaitForAsync(opened.Id, c => c.Status == CaseStatus.Closed);

        Assert.Equal("rejected", closed.Outcome);
        var timeline = await Api.GetTimelineAsync(opened.Id);
        ExpectedTimeline.AssertExactly(timeline,
        [
            (TimelineEntryTypes.CaseCreated, "review"), (TimelineEntryTypes.StageEntered, "review"), (TimelineEntryTypes.TaskCreated, "review"),
            (TimelineEntryTypes.EventRaised, "review"), (TimelineEntryTypes.AutomationRan, "review"), (TimelineEntryTypes.AutomationRan, "review"), (TimelineEntryTypes.TaskCompleted, "review"),
            (TimelineEntryTypes.DecisionRecorded, "review"), (TimelineEntryTypes.StageExited, "review"), (TimelineEntryTypes.CaseClosed, "review"),
        ]);
        var webhook = timeline.Single(e => e.Type == TimelineEntryTypes.AutomationRan && e.Data["automation"] == "webhook");
        Assert.Equal(("delivered", "2", hook.Url.GetLeftPart(UriPartial.Authority)), (webhook.Data["outcome"], webhook.Data["attempts"], webhook.Data["url"]));
        var (body, signature) = hook.Requests.Last();
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)), signature);
        var mineAfter = await Api.Http.GetFromJsonAsync($"/api/tasks?assignee=me", CaseFyJsonContext.Default.PageTaskSummary, Ct);
        Assert.DoesNotContain(mineAfter!.Items, t => t.CaseId == opened.Id);
    }

    [Fact]
    public async Task Sla_ShortStageSla_BreachesWithEscalationTaskAndOverdueCase()
    {
        var template = await CreateTemplateAsync("""
            {"name":"Fast","stages":[{"key":"triage","name":"Triage","slaHours":0.0005,"onBreach":{"escalateTo":"owner"}}]}
            """);
        var opened = await Api.OpenCaseAsync(template.Id, "Urgent");

        var breached = await Api.WaitForAsync(opened.Id, c => c.Overdue);

        Assert.True(breached.CurrentStage.SlaBreached);
        Assert.Contains(breached.Tasks, t => t.Key == "sla-escalation" && t.Assignee == opened.CreatedBy);
        var timeline = await Api.GetTimelineAsync(opened.Id);
        Assert.Single(timeline, e => e.Type == TimelineEntryTypes.SlaBreached);
    }

    [Fact]
    public async Task Flexibility_MoveHoldResumeCloseReopenComment_AreRecordedWithReasons()
    {
        var template = await CreateTemplateAsync("""
            {"name":"Flex","stages":[{"key":"one","name":"One"},{"key":"two","name":"Two"},{"key":"three","name":"Three"}]}
            """);
        var opened = await Api.OpenCaseAsync(template.Id, "Flexible");
        await Api.WaitForStageEnteredAsync(opened.Id, "one");

        await PostAsync($"/api/cases/{opened.Id}/move", """{"stage":"three"}""", HttpStatusCode.BadRequest);
        await PostAsync($"/api/cases/{opened.Id}/move", """{"stage":"three","reason":"skip ahead"}""");
        await Api.WaitForStageEnteredAsync(opened.Id, "three");
        await PostAsync($"/api/cases/{opened.Id}/hold", """{"reason":"waiting"}""");
        await PostAsync($"/api/cases/{opened.Id}/advance", "{}", HttpStatusCode.Conflict);
        await PostAsync($"/api/cases/{opened.Id}/resume", "{}");
        await PostAsync($"/api/cases/{opened.Id}/comments", """{"text":"internal note"}""");
        await PostAsync($"/api/cases/{opened.Id}/close", """{"reason":"withdrawn","outcome":"withdrawn"}""");
        await PostAsync($"/api/cases/{opened.Id}/reopen", """{"reason":"came back"}""");
        var reopened = await Api.WaitForAsync(opened.Id, c => c.Status == CaseStatus.Open && c.CurrentStage.EnteredAt is not null && c.CurrentStage.Visit == 3);

        Assert.Equal("three", reopened.CurrentStage.Key);
        var timeline = await Api.GetTimelineAsync(opened.Id);
        Assert.Equal(
            [TimelineEntryTypes.CaseCreated, TimelineEntryTypes.StageEntered, TimelineEntryTypes.StageMoved, TimelineEntryTypes.StageEntered,
             TimelineEntryTypes.CaseOnHold, TimelineEntryTypes.CaseResumed, TimelineEntryTypes.CommentAdded, TimelineEntryTypes.CaseClosed,
             TimelineEntryTypes.CaseReopened, TimelineEntryTypes.StageEntered],
            timeline.Select(e => e.Type));
        Assert.Equal("skip ahead", timeline[2].Data["reason"]);
    }

    [Fact]
    public async Task Resume_AfterHold_MovesTheSlaAndOpenTaskDueTimesForwardByTheTimeHeld()
    {
        var template = await CreateTemplateAsync("""
            {"name":"Held","stages":[{"key":"one","name":"One","slaHours":1,
              "tasks":[{"key":"check","title":"Check","assignee":"owner","dueInHours":1,"required":true}]}]}
            """);
        var opened = await Api.OpenCaseAsync(template.Id, "Paused");
        var entered = await Api.WaitForAsync(opened.Id, c => c.CurrentStage.EnteredAt is not null && c.Tasks.Count == 1);

        await PostAsync($"/api/cases/{opened.Id}/hold", "{}");
        await Task.Delay(TimeSpan.FromMilliseconds(1200), Ct);
        var resumed = await PostAsync($"/api/cases/{opened.Id}/resume", "{}");

        var timeline = await Api.GetTimelineAsync(opened.Id);
        var held = timeline.Single(e => e.Type == TimelineEntryTypes.CaseResumed).At - timeline.Single(e => e.Type == TimelineEntryTypes.CaseOnHold).At;
        Assert.InRange(held, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal(entered.CurrentStage.SlaDueAt + held, resumed.CurrentStage.SlaDueAt);
        Assert.Equal(entered.Tasks[0].DueAt + held, resumed.Tasks[0].DueAt);
        Assert.Null(resumed.HeldSince);
    }

    [Fact]
    public async Task TemplateVersions_PutWithIfMatch_CreatesVersionStaleIs412MissingIs428ArchivedRefusesCases()
    {
        var template = await CreateTemplateAsync("""{"name":"V","stages":[{"key":"a","name":"A"}]}""");
        var draft = """{"name":"V2","stages":[{"key":"a","name":"A"},{"key":"b","name":"B"}]}""";

        using var missing = await Api.Http.PutAsync(new Uri($"/api/templates/{template.Id}", UriKind.Relative), Json(draft), Ct);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/templates/{template.Id}") { Content = Json(draft) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var updated = await Api.Http.SendAsync(put, Ct);
        using var stalePut = new HttpRequestMessage(HttpMethod.Put, $"/api/templates/{template.Id}") { Content = Json(draft) };
        stalePut.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var stale = await Api.Http.SendAsync(stalePut, Ct);

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        await CaseFyClient.ExpectAsync(updated, HttpStatusCode.OK);
        Assert.Equal("\"2\"", updated.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var versions = await Api.Http.GetFromJsonAsync($"/api/templates/{template.Id}/versions", CaseFyJsonContext.Default.ListCaseTemplate, Ct);
        Assert.Equal([1, 2], versions!.Select(v => v.Version));

        using var archived = await Api.PostJsonAsync($"/api/templates/{template.Id}/archive", "{}");
        await CaseFyClient.ExpectAsync(archived, HttpStatusCode.OK);
        using var refused = await Api.PostJsonAsync("/api/cases", $$"""{"templateId":"{{template.Id}}","title":"Too late"}""");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
