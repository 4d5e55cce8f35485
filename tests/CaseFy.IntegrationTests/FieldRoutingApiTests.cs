using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>Routing on a field's value through HTTP and the real engine: an on-enter route and a decision option's route.</summary>
public sealed class FieldRoutingApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string Template = """
        {"name":"Routed claims","fields":[{"key":"amount","label":"Amount","type":"number"},{"key":"kind","label":"Kind","type":"choice","options":["car","home"]}],
         "stages":[
          {"key":"intake","name":"Intake",
           "onEnter":[{"type":"route","when":{"field":"amount","op":"gt","value":10000},"outcome":"goToStage:senior"}]},
          {"key":"review","name":"Review",
           "decision":{"question":"Pay?","options":[
             {"key":"pay","label":"Pay","outcome":"next","routes":[{"when":{"field":"kind","op":"eq","value":"home"},"outcome":"goToStage:senior"}]},
             {"key":"no","label":"No","outcome":"close:rejected"}]}},
          {"key":"done","name":"Done"},
          {"key":"senior","name":"Senior review"}]}
        """;

    private CaseFyClient Api => host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnEnterRoute_AmountOverTheLimit_MovesTheCaseToSeniorReview()
    {
        var template = await Api.CreateTemplateFromJsonAsync(Template);

        var opened = await OpenAsync(template.Id, """{"amount":25000}""");
        var routed = await Api.WaitForStageEnteredAsync(opened.Id, "senior");

        var timeline = await Api.GetTimelineAsync(opened.Id);
        var moved = timeline.Single(e => e.Type == TimelineEntryTypes.StageMoved);
        Assert.Equal(("intake", "senior", "route: amount gt 10000"), (moved.Data["from"], moved.Data["to"], moved.Data["reason"]));
        Assert.Equal("routed to senior", timeline.Single(e => e.Type == TimelineEntryTypes.AutomationRan).Data["outcome"]);
        Assert.Equal(2, routed.CurrentStage.Visit);
    }

    [Fact]
    public async Task OnEnterRoute_AmountWithinTheLimit_StaysAndDecisionRouteOnTheKindSendsItToSeniorReview()
    {
        var template = await Api.CreateTemplateFromJsonAsync(Template);
        var opened = await OpenAsync(template.Id, """{"amount":700,"kind":"home"}""");
        await Api.WaitForAsync(opened.Id, c => c.CurrentStage.AutomationsDone.Contains("enter-0"));

        await PostOkAsync($"/api/cases/{opened.Id}/move", """{"stage":"review","reason":"checked"}""");
        await Api.WaitForStageEnteredAsync(opened.Id, "review");
        var decided = await PostOkAsync($"/api/cases/{opened.Id}/decision", """{"option":"pay"}""");
        using (var advance = await Api.AdvanceAsync(opened.Id))
        {
            await CaseFyClient.ExpectAsync(advance, HttpStatusCode.Accepted);
        }

        await Api.WaitForStageEnteredAsync(opened.Id, "senior");
        Assert.Equal("goToStage:senior", decided.Decisions[^1].Outcome);
        var recorded = (await Api.GetTimelineAsync(opened.Id)).Single(e => e.Type == TimelineEntryTypes.DecisionRecorded);
        Assert.Equal("kind eq \"home\"", recorded.Data["routedBy"]);
    }

    [Theory]
    [InlineData("""{"field":"nothing","op":"eq","value":1}""", "$.stages[0].onEnter[0].when.field")]
    [InlineData("""{"field":"kind","op":"gt","value":"car"}""", "$.stages[0].onEnter[0].when.op")]
    [InlineData("""{"field":"amount","op":"gte","value":"10000"}""", "$.stages[0].onEnter[0].when.value")]
    [InlineData("""{"field":"kind","op":"eq","value":"boat"}""", "$.stages[0].onEnter[0].when.value")]
    public async Task TemplateSave_RouteConditionNotValidForItsField_Is400NamingItsPath(string condition, string path)
    {
        var json = Template.Replace("""{"field":"amount","op":"gt","value":10000}""", condition, StringComparison.Ordinal);

        using var response = await Api.PostJsonAsync("/api/templates", json);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal([path], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    private async Task<CaseRecord> OpenAsync(string templateId, string data)
    {
        using var response = await Api.PostJsonAsync("/api/cases", $$"""{"templateId":"{{templateId}}","title":"Claim","data":{{data}}}""");
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))!;
    }

    private async Task<CaseRecord> PostOkAsync(string path, string json)
    {
        using var response = await Api.PostJsonAsync(path, json);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))!;
    }
}
