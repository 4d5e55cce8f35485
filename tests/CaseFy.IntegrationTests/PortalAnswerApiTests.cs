using System.Net;
using System.Text.Json;
using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>The outside party answers through their portal link: only the current stage's external fields, seen back only when visible.</summary>
public sealed class PortalAnswerApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string Template = """
        {"name":"Onboarding","fields":[
           {"key":"passport","label":"Passport number","type":"text","maxLength":20,"filledBy":"external","help":"As printed."},
           {"key":"phone","label":"Phone","type":"phone","filledBy":"both","visibleToExternal":true},
           {"key":"department","label":"Department","type":"choice","options":["HR","IT"],"visibleToExternal":true},
           {"key":"salary","label":"Salary","type":"money","currency":"EUR","sensitive":true}],
         "stages":[{"key":"intake","name":"Intake","requiredFields":["passport"],"externalFields":["passport","phone"]},{"key":"work","name":"Work"}]}
        """;

    private CaseFyClient Api => host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(CaseRecord Case, string Token)> OpenWithLinkAsync(string actions = """["view","answer"]""")
    {
        var template = await Api.CreateTemplateFromJsonAsync(Template);
        using var response = await Api.PostJsonAsync("/api/cases", $$$"""{"templateId":"{{{template.Id}}}","title":"New hire","data":{"department":"HR","salary":5000}}""");
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var opened = await Api.GetCaseAsync(created.RootElement.GetProperty("id").GetString()!);
        var link = await Api.CreatePortalLinkAsync(opened.Id, "Eve Outsider", actions);
        return (opened, link.Token);
    }

    private static async Task<JsonElement> ViewAsync(CaseFyClient anonymous, string token)
    {
        using var response = await anonymous.Http.GetAsync(new Uri($"/api/portal/{token}", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    private static async Task<string[]> ErrorPathsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }

    [Fact]
    public async Task Answer_TheStagesExternalFields_RecordedAsTheLinkAndOnlyVisibleFieldsShownBack()
    {
        var (opened, token) = await OpenWithLinkAsync();
        using var anonymous = host.Host.Anonymous();

        var before = await ViewAsync(anonymous, token);
        using var answered = await anonymous.PatchAsync($"/api/portal/{token}/data", """{"passport":"X1234567","phone":"+44 20 7946 0000"}""");
        var after = await ViewAsync(anonymous, token);

        Assert.Equal(["department"], before.GetProperty("data").EnumerateObject().Select(p => p.Name));
        var fields = before.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(["passport", "phone"], fields.Select(f => f.GetProperty("key").GetString()));
        Assert.Equal(("text", true, 20, "As printed."), (fields[0].GetProperty("type").GetString(), fields[0].GetProperty("required").GetBoolean(), fields[0].GetProperty("maxLength").GetInt32(), fields[0].GetProperty("help").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        Assert.Equal(["department", "phone"], after.GetProperty("data").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var stored = await Api.GetCaseAsync(opened.Id);
        Assert.Equal("\"X1234567\"", stored.Data["passport"].GetRawText());
        var entry = (await Api.GetTimelineAsync(opened.Id)).Last(e => e.Type == TimelineEntryTypes.FieldsChanged);
        Assert.Equal(("Eve Outsider", "passport,phone"), (entry.Actor.Name, entry.Data["fields"]));
        Assert.DoesNotContain("5000", before.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"department":"IT"}""", "$.department")]
    [InlineData("""{"salary":1}""", "$.salary")]
    [InlineData("""{"passport":12}""", "$.passport")]
    [InlineData("""{"passport":"X12345678901234567890"}""", "$.passport")]
    [InlineData("""{"nickname":"Eve"}""", "$.nickname")]
    public async Task Answer_FieldNotAskedOrValueRefused_400NamesItAndNothingChanges(string patch, string path)
    {
        var (opened, token) = await OpenWithLinkAsync();
        using var anonymous = host.Host.Anonymous();

        using var response = await anonymous.PatchAsync($"/api/portal/{token}/data", patch);

        Assert.Equal([path], await ErrorPathsAsync(response));
        Assert.Equal(["department", "salary"], (await Api.GetCaseAsync(opened.Id)).Data.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Answer_LinkWithoutAnswerBadTokenPlainJsonOtherStage_403_404_415_400()
    {
        var (viewOnly, viewToken) = await OpenWithLinkAsync("""["view"]""");
        var (opened, token) = await OpenWithLinkAsync();
        using var anonymous = host.Host.Anonymous();
        await Api.WaitForStageEnteredAsync(opened.Id, "intake");
        using var moved = await Api.PostJsonAsync($"/api/cases/{opened.Id}/move", """{"stage":"work","reason":"skip"}""");
        await CaseFyClient.ExpectAsync(moved, HttpStatusCode.OK);

        using var forbidden = await anonymous.PatchAsync($"/api/portal/{viewToken}/data", """{"passport":"X1"}""");
        using var unknown = await anonymous.PatchAsync($"/api/portal/{token[..^2]}xx/data", """{"passport":"X1"}""");
        using var plain = await anonymous.PatchAsync($"/api/portal/{token}/data", """{"passport":"X1"}""", contentType: "application/json");
        using var notAsked = await anonymous.PatchAsync($"/api/portal/{token}/data", """{"passport":"X1"}""");
        var view = await ViewAsync(anonymous, token);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal(["$.passport"], await ErrorPathsAsync(notAsked));
        Assert.Equal(0, view.GetProperty("fields").GetArrayLength());
        Assert.Equal(0, (await ViewAsync(anonymous, viewToken)).GetProperty("fields").GetArrayLength());
        Assert.DoesNotContain(await Api.GetTimelineAsync(viewOnly.Id), e => e.Type == TimelineEntryTypes.FieldsChanged && e.Actor.Name == "Eve Outsider");
    }
}
