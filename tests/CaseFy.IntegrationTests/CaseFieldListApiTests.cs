using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFy.Application.Access;
using CaseFy.LocalHost.Identity;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>The case list's filters on field values and the board's card fields, through HTTP.</summary>
public sealed class CaseFieldListApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string Template = """
        {"name":"Hires","cardFields":["department","amount"],
         "fields":[
          {"key":"department","label":"Department","type":"choice","options":["HR","IT"],"filterable":true},
          {"key":"amount","label":"Budget","type":"number","filterable":true},
          {"key":"startDate","label":"Start","type":"date","filterable":true},
          {"key":"note","label":"Note","type":"text"}],
         "stages":[{"key":"intake","name":"Intake"}]}
        """;

    private CaseFyClient Api => host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_FieldFilters_ReturnOnlyCasesWhoseValuesMatchAll()
    {
        var template = await Api.CreateTemplateFromJsonAsync(Template);
        var hr = await OpenAsync(Api, template.Id, """{"department":"HR","amount":500,"startDate":"2026-01-10"}""");
        var hrBig = await OpenAsync(Api, template.Id, """{"department":"HR","amount":5000,"startDate":"2026-02-10"}""");
        var it = await OpenAsync(Api, template.Id, """{"department":"IT","amount":9000,"startDate":"2026-01-20"}""");
        await OpenAsync(Api, template.Id, "{}");
        var t = $"templateId={template.Id}";

        Assert.Equal([hrBig.Id, hr.Id], await IdsAsync(Api, $"{t}&field.department=HR"));
        Assert.Equal([it.Id, hrBig.Id], await IdsAsync(Api, $"{t}&field.amount.gt=1000"));
        Assert.Equal([hrBig.Id], await IdsAsync(Api, $"{t}&field.department=HR&field.amount.gte=5000"));
        Assert.Equal([it.Id, hr.Id], await IdsAsync(Api, $"{t}&field.startDate.gte=2026-01-01&field.startDate.lt=2026-02-01"));
        Assert.Equal([it.Id], await IdsAsync(Api, $"{t}&field.department.ne=HR"));
        Assert.Empty(await IdsAsync(Api, $"{t}&field.amount.lt=100"));
    }

    [Fact]
    public async Task List_FieldFilterOfAMember_ReadsOnlyTheirOwnCases()
    {
        var template = await Api.CreateTemplateFromJsonAsync(Template);
        using var member = await host.Host.SignInAsync("Fay Filter", CaseFyRoles.Member);
        var mine = await OpenAsync(member, template.Id, """{"department":"HR"}""");
        await OpenAsync(Api, template.Id, """{"department":"HR"}""");

        Assert.Equal([mine.Id], await IdsAsync(member, $"templateId={template.Id}&field.department=HR"));
    }

    [Theory]
    [InlineData("field.note=x", "field.note")]
    [InlineData("field.missing=x", "field.missing")]
    [InlineData("field.amount.gt=lots", "field.amount.gt")]
    [InlineData("field.department.gt=HR", "field.department.gt")]
    [InlineData("field.department=Sales", "field.department")]
    [InlineData("field.startDate.gte=01/01/2026", "field.startDate.gte")]
    [InlineData("field.amount.between=1", "field")]
    [InlineData("field.amount=1&field.amount=2", "field.amount")]
    [InlineData("field.amount=", "field.amount")]
    public async Task List_FieldFilterNotValidForTheTemplate_IsBadRequestNamingIt(string query, string path)
    {
        var template = await Api.CreateTemplateFromJsonAsync(Template);

        await ExpectBadRequestAsync($"templateId={template.Id}&{query}", path);
    }

    [Fact]
    public async Task List_FieldFilterWithoutTemplateId_IsBadRequestNamingTemplateId()
    {
        await ExpectBadRequestAsync("field.department=HR", "templateId");
    }

    [Fact]
    public async Task List_ContinuationTokenOfOtherFieldFilters_IsRefused()
    {
        var template = await Api.CreateTemplateFromJsonAsync(Template);
        await OpenAsync(Api, template.Id, """{"department":"HR"}""");
        await OpenAsync(Api, template.Id, """{"department":"HR"}""");
        var first = await ListAsync(Api, $"templateId={template.Id}&field.department=HR&pageSize=1");

        await ExpectBadRequestAsync(
            $"templateId={template.Id}&field.department=IT&pageSize=1&continuationToken={Uri.EscapeDataString(first.ContinuationToken!)}", "continuationToken");
    }

    [Fact]
    public async Task Board_Cards_CarryTheTemplatesCardFields()
    {
        var template = await Api.CreateTemplateFromJsonAsync(Template);
        var opened = await OpenAsync(Api, template.Id, """{"department":"IT","amount":1200,"note":"not on the card"}""");

        using var board = JsonDocument.Parse(await Api.Http.GetStringAsync(new Uri($"/api/templates/{template.Id}/board", UriKind.Relative), Ct));

        var card = board.RootElement.GetProperty("stages")[0].GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == opened.Id);
        Assert.Equal("""{"department":"IT","amount":1200}""", card.GetProperty("fields").GetRawText());
        Assert.Equal(["department", "amount"], template.CardFields);
    }

    private static async Task<CaseRecord> OpenAsync(CaseFyClient client, string templateId, string data)
    {
        using var response = await client.PostJsonAsync("/api/cases", $$"""{"templateId":"{{templateId}}","title":"Hire","data":{{data}}}""");
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))!;
    }

    private static async Task<List<string>> IdsAsync(CaseFyClient client, string query) =>
        [.. (await ListAsync(client, query)).Items.Select(c => c.Id)];

    private static async Task<Page<CaseRecord>> ListAsync(CaseFyClient client, string query)
    {
        using var response = await client.Http.GetAsync(new Uri("/api/cases?" + query, UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.PageCaseRecord, Ct))!;
    }

    private async Task ExpectBadRequestAsync(string query, string path)
    {
        using var response = await Api.Http.GetAsync(new Uri("/api/cases?" + query, UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal([path], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }
}
