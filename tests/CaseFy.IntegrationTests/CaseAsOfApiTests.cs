using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFy.Application.Access;
using CaseFy.LocalHost.Identity;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// <c>GET /api/cases/{id}?asOf=</c> through HTTP and the real engine: a case driven through every kind of action, its
/// whole timeline folded equals the stored case, and the case read as of each moment equals the copy read back then.
/// </summary>
public sealed class CaseAsOfApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string Template = """
        {"name":"As of","fields":[{"key":"amount","label":"Amount","type":"number"},{"key":"note","label":"Note","type":"text"}],
         "stages":[
          {"key":"intake","name":"Intake",
           "tasks":[{"key":"check","title":"Check","assignee":"owner","dueInHours":24}],
           "documents":[{"key":"passport","name":"Passport","contentTypes":["application/pdf"],"maxBytes":2000}],
           "onEnter":[{"type":"publishEvent","event":"intake-started"}]},
          {"key":"review","name":"Review",
           "decision":{"question":"Good?","options":[{"key":"yes","label":"Yes","outcome":"next"},{"key":"again","label":"Again","outcome":"goToStage:intake"}]}},
          {"key":"done","name":"Done"}]}
        """;

    private CaseFyClient Api => host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AsOf_ALongMixedTimeline_FoldsToTheStoredCaseAtEveryMoment()
    {
        var template = await Api.CreateTemplateFromJsonAsync(Template);
        var opened = await Api.OpenCaseAsync(template.Id, "Mixed");
        var id = opened.Id;
        var seen = new List<CaseRecord>();
        await Api.WaitForStageEnteredAsync(id, "intake");
        await StepAsync(seen, id, $"participants", Participant("Walt Worker", "member"));
        await StepAsync(seen, id, $"participants", Participant("Rita Reader", "viewer"));
        await StepAsync(seen, id, $"participants", Participant("Rita Reader", "member"));
        await StepAsync(seen, id, "tasks/t1/assign", $$"""{"assignee":{{Person("Walt Worker")}}}""");
        await StepAsync(seen, id, "tasks/t1/due", """{"dueAt":"2031-01-01T00:00:00Z"}""");
        await StepAsync(seen, id, "tasks", $$"""{"title":"Call back","assignee":{{Person("Rita Reader")}},"dueAt":"2030-06-01T08:00:00Z","required":false}""");
        await StepAsync(seen, id, "tasks/t1/complete", """{"note":"fine"}""");
        await StepAsync(seen, id, "tasks/t1/reopen", """{"reason":"not quite"}""");
        await StepAsync(seen, id, "tasks/t1/complete", "{}");
        await UploadAsync(seen, id);
        await StepAsync(seen, id, "documents/passport/reject", """{"reason":"blurred"}""");
        await UploadAsync(seen, id);
        await StepAsync(seen, id, "documents/passport/accept", string.Empty);
        await PatchAsync(seen, id, """{"amount":12500,"note":"first"}""");
        await PatchAsync(seen, id, """{"amount":null,"note":"second"}""");
        await StepAsync(seen, id, "comments", """{"text":"a remark"}""");
        await StepAsync(seen, id, "hold", """{"reason":"waiting"}""");
        await StepAsync(seen, id, "resume", "{}");
        await StepAsync(seen, id, "advance", """{"reason":"checked"}""", HttpStatusCode.Accepted);
        seen.Add(await Api.WaitForStageEnteredAsync(id, "review"));
        await StepAsync(seen, id, "decision", """{"option":"again","rationale":"one more look"}""");
        await StepAsync(seen, id, "advance", "{}", HttpStatusCode.Accepted);
        seen.Add(await Api.WaitForAsync(id, c => c.CurrentStage is { Key: "intake", Visit: 3, EnteredAt: not null }));
        await OwnerAsync(seen, id, "Walt Worker");
        await DeleteAsync(seen, id, $"participants/{DevIssuer.ObjectIdFor("Rita Reader")}");
        await StepAsync(seen, id, "move", """{"stage":"done","reason":"skip"}""");
        seen.Add(await Api.WaitForStageEnteredAsync(id, "done"));
        await StepAsync(seen, id, "close", """{"reason":"withdrawn","outcome":"withdrawn"}""");
        await StepAsync(seen, id, "reopen", """{"reason":"came back"}""");
        seen.Add(await Api.WaitForAsync(id, c => c.CurrentStage is { Key: "done", Visit: 5, EnteredAt: not null }));
        await StepAsync(seen, id, "close", """{"reason":"finished"}""");

        var final = await Api.GetCaseAsync(id);
        var timeline = await Api.GetTimelineAsync(id);
        var types = timeline.Select(e => e.Type).ToHashSet();
        Assert.True(types.Count >= 25, string.Join(", ", types));
        AssertSameCase(final, await AsOfAsync(id, "2100-01-01T00:00:00Z"));
        foreach (var copy in seen.DistinctBy(c => c.TimelineLength))
        {
            var at = timeline.Single(e => e.Seq == copy.TimelineLength).At;
            AssertSameCase(copy, await AsOfAsync(id, at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task AsOf_BeforeTheCaseWasOpened_Is404SayingWhenItWas()
    {
        var template = await Api.CreateTemplateAsync("intake");
        var opened = await Api.OpenCaseAsync(template.Id, "Young");

        using var response = await Api.Http.GetAsync(new Uri($"/api/cases/{opened.Id}?asOf=2020-01-01T00:00:00Z", UriKind.Relative), Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("opened at", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("asOf=yesterday")]
    [InlineData("asOf=2026-03-03")]
    [InlineData("asOf=2026-03-03T12:00:00")]
    [InlineData("asOf=2026-13-03T12:00:00Z")]
    [InlineData("asOf=2026-03-03T12:00:00Z&asOf=2026-03-04T12:00:00Z")]
    [InlineData("asOf=")]
    public async Task AsOf_NotOneMomentWithItsOffset_IsBadRequestNamingIt(string query)
    {
        var template = await Api.CreateTemplateAsync("intake");
        var opened = await Api.OpenCaseAsync(template.Id, "Bad moment");

        using var response = await Api.Http.GetAsync(new Uri($"/api/cases/{opened.Id}?{query}", UriKind.Relative), Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["asOf"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task AsOf_ACaseTheCallerDoesNotTakePartIn_IsNotFound()
    {
        var template = await Api.CreateTemplateAsync("intake");
        var opened = await Api.OpenCaseAsync(template.Id, "Private");
        using var stranger = await host.Host.SignInAsync("Sam Stranger", CaseFyRoles.Member);

        using var response = await stranger.Http.GetAsync(new Uri($"/api/cases/{opened.Id}?asOf=2100-01-01T00:00:00Z", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task StepAsync(List<CaseRecord> seen, string id, string route, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Api.PostJsonAsync($"/api/cases/{id}/{route}", json);
        await CaseFyClient.ExpectAsync(response, expected);
        seen.Add(await Api.GetCaseAsync(id));
    }

    private async Task UploadAsync(List<CaseRecord> seen, string id)
    {
        using var response = await Api.Http.PostAsync(new Uri($"/api/cases/{id}/documents/passport", UriKind.Relative), DocumentForms.File([1, 2, 3]), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        seen.Add(await Api.GetCaseAsync(id));
    }

    private async Task PatchAsync(List<CaseRecord> seen, string id, string json)
    {
        using var response = await Api.PatchDataAsync(id, json);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        seen.Add(await Api.GetCaseAsync(id));
    }

    private async Task OwnerAsync(List<CaseRecord> seen, string id, string name)
    {
        using var body = new StringContent(Person(name), System.Text.Encoding.UTF8, "application/json");
        using var response = await Api.Http.PutAsync(new Uri($"/api/cases/{id}/owner", UriKind.Relative), body, Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        seen.Add(await Api.GetCaseAsync(id));
    }

    private async Task DeleteAsync(List<CaseRecord> seen, string id, string route)
    {
        using var response = await Api.Http.DeleteAsync(new Uri($"/api/cases/{id}/{route}", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.NoContent);
        seen.Add(await Api.GetCaseAsync(id));
    }

    private async Task<CaseRecord> AsOfAsync(string id, string moment)
    {
        using var response = await Api.Http.GetAsync(new Uri($"/api/cases/{id}?asOf={Uri.EscapeDataString(moment)}", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Null(response.Headers.ETag);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))!;
    }

    // What the fold rebuilds: all but a pending advance, "ready to advance" and the update time (the engine's working state).
    private static void AssertSameCase(CaseRecord stored, CaseRecord folded)
    {
        var want = Comparable(stored);
        var got = Comparable(folded);
        Assert.True(JsonNode.DeepEquals(want, got), $"stored {want.ToJsonString()}\nfolded {got.ToJsonString()}");
    }

    private static JsonObject Comparable(CaseRecord c)
    {
        var node = JsonSerializer.SerializeToNode(c with { PortalLinks = [] }, CaseFyJsonContext.Default.CaseRecord)!.AsObject();
        node.Remove("pendingAdvance");
        node.Remove("updatedAt");
        node.Remove("portalLinks");
        node["currentStage"]!.AsObject().Remove("readyToAdvance");
        return node;
    }

    private static string Person(string name) => $$"""{"id":"{{DevIssuer.ObjectIdFor(name)}}","name":"{{name}}"}""";

    private static string Participant(string name, string role) =>
        $$"""{"id":"{{DevIssuer.ObjectIdFor(name)}}","name":"{{name}}","role":"{{role}}"}""";
}
