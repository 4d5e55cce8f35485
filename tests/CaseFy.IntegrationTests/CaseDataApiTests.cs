using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CaseFy.Model.Json;
using CaseFy.Model.Templates;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>Case data through HTTP: template fields, their versions, and the refusals keyed by JSON path.</summary>
public sealed class CaseDataApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private CaseFyClient Api => host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TemplateFields_NewVersionChangesThem_OldVersionKeepsItsFields()
    {
        var template = await Api.CreateTemplateFromJsonAsync("""
            {"name":"Onboarding","fields":[
               {"key":"startDate","label":"Start date","type":"date","required":true,"min":"2026-01-01"},
               {"key":"department","label":"Department","type":"choice","options":["HR","IT"],"filterable":true,"filledBy":"both","visibleToExternal":true}],
             "stages":[{"key":"intake","name":"Intake","requiredFields":["department"],"externalFields":["department"]}]}
            """);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/templates/{template.Id}")
        {
            Content = new StringContent("""
                {"name":"Onboarding","fields":[{"key":"role","label":"Role","type":"text","maxLength":80,"pattern":"[A-Za-z ]+"}],
                 "stages":[{"key":"intake","name":"Intake","requiredFields":["role"]}]}
                """, Encoding.UTF8, "application/json"),
        };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        using var updated = await Api.Http.SendAsync(put, Ct);

        await CaseFyClient.ExpectAsync(updated, HttpStatusCode.OK);
        var versions = (await Api.Http.GetFromJsonAsync($"/api/templates/{template.Id}/versions", CaseFyJsonContext.Default.ListCaseTemplate, Ct))!;
        Assert.Equal(["startDate", "department"], versions[0].Fields.Select(f => f.Key));
        Assert.Equal((FieldType.Date, true, "\"2026-01-01\""), (versions[0].Fields[0].Type, versions[0].Fields[0].Required, versions[0].Fields[0].Min!.Value.GetRawText()));
        Assert.Equal((FieldFiller.Both, true, true), (versions[0].Fields[1].FilledBy, versions[0].Fields[1].VisibleToExternal, versions[0].Fields[1].Filterable));
        Assert.Equal(["department"], versions[0].Stages[0].ExternalFields);
        Assert.Equal(["role"], versions[1].Fields.Select(f => f.Key));
        Assert.Equal(["role"], versions[1].Stages[0].RequiredFields);
    }

    [Theory]
    [InlineData("""[{"key":"code","label":"Code","type":"text","pattern":"(a+)\\1"}]""", "$.fields[0].pattern")]
    [InlineData("""[{"key":"code","label":"Code","type":"number","options":["1"]}]""", "$.fields[0].options")]
    [InlineData("""[{"key":"code","label":"Code","type":"text"},{"key":"code","label":"Again","type":"text"}]""", "$.fields[1].key")]
    public async Task TemplateFields_Refused_400NamesTheJsonPath(string fields, string path)
    {
        using var response = await Api.PostJsonAsync("/api/templates", $$"""{"name":"Bad","fields":{{fields}},"stages":[{"key":"a","name":"A"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal([path], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task TemplateFields_UnknownTypeName_Is400()
    {
        using var response = await Api.PostJsonAsync("/api/templates", """{"name":"Bad","fields":[{"key":"a","label":"A","type":"integer"}],"stages":[{"key":"a","name":"A"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
