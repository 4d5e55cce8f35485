using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>Case data through HTTP: template fields and their versions, merge patches, refusals keyed by JSON path, exit criteria.</summary>
public sealed class CaseDataApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string Onboarding = """
        {"name":"Onboarding","fields":[
           {"key":"startDate","label":"Start date","type":"date","min":"2026-01-01"},
           {"key":"department","label":"Department","type":"choice","options":["HR","IT"]},
           {"key":"role","label":"Role","type":"text","maxLength":20,"pattern":"[A-Za-z ]+"},
           {"key":"salary","label":"Salary","type":"money","currency":"EUR","min":0,"max":200000},
           {"key":"remote","label":"Remote","type":"boolean"},
           {"key":"skills","label":"Skills","type":"multiChoice","options":["c#","sql","css"]},
           {"key":"passport","label":"Passport number","type":"text","filledBy":"external"},
           {"key":"evil","label":"Evil","type":"text","pattern":"(a+)+$"}],
         "stages":[{"key":"intake","name":"Intake","requiredFields":["startDate","department"]},{"key":"work","name":"Work"}]}
        """;

    private CaseFyClient Api => host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<CaseRecord> OpenAsync(string data = "{}")
    {
        var template = await Api.CreateTemplateFromJsonAsync(Onboarding);
        using var response = await Api.PostJsonAsync("/api/cases", $$"""{"templateId":"{{template.Id}}","title":"New hire","data":{{data}}}""");
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))!;
    }

    private static async Task<CaseRecord> ReadCaseAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, Ct))!;

    private static async Task<string[]> ErrorPathsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }

    /// <summary>Both exports carry each field change: the changed keys, and each one's old and new JSON value.</summary>
    [Fact]
    public async Task Export_JsonAndCsv_CarryEachFieldChangeWithItsOldAndNewValue()
    {
        var opened = await OpenAsync("""{"department":"HR"}""");
        using var patched = await Api.PatchDataAsync(opened.Id, """{"department":"IT","startDate":"2026-03-02"}""");
        await CaseFyClient.ExpectAsync(patched, HttpStatusCode.OK);

        using var json = await Api.Http.GetAsync(new Uri($"/api/cases/{opened.Id}/timeline/export?format=json", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(json, HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Ct));
        var changes = document.RootElement.EnumerateArray().Select(e => e.Deserialize(CaseFyJsonContext.Default.TimelineEntry)!)
            .Where(e => e.Type == TimelineEntryTypes.FieldsChanged).ToList();
        using var csv = await Api.Http.GetAsync(new Uri($"/api/cases/{opened.Id}/timeline/export?format=csv", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(csv, HttpStatusCode.OK);
        var rows = TimelineReadTests.ParseCsv(await csv.Content.ReadAsStringAsync(Ct)).Where(r => r[2] == TimelineEntryTypes.FieldsChanged).ToList();

        Assert.Equal(2, changes.Count);
        var patch = changes[^1];
        Assert.Equal(("department,startDate", "\"HR\"", "\"IT\"", "\"2026-03-02\""), (patch.Data["fields"], patch.Data["old.department"], patch.Data["new.department"], patch.Data["new.startDate"]));
        Assert.Equal(changes.Select(e => e.Hash), rows.Select(r => r[10]));
        var exported = JsonDocument.Parse(rows[^1][8]).RootElement;
        Assert.Equal(("department,startDate", "\"HR\"", "\"IT\""), (exported.GetProperty("fields").GetString(), exported.GetProperty("old.department").GetString(), exported.GetProperty("new.department").GetString()));
    }

    [Fact]
    public async Task PatchData_SetChangeClear_EachChangeIsOneEntryWithOldAndNewAndNoOpRecordsNothing()
    {
        var opened = await OpenAsync("""{"department":"HR","salary":50000.5}""");
        Assert.Equal(("\"HR\"", "50000.5"), (opened.Data["department"].GetRawText(), opened.Data["salary"].GetRawText()));

        using var first = await Api.PatchDataAsync(opened.Id, """{"department":"IT","startDate":"2026-03-02","skills":["sql","c#"],"salary":null}""");
        await CaseFyClient.ExpectAsync(first, HttpStatusCode.OK);
        var changed = await ReadCaseAsync(first);
        using var again = await Api.PatchDataAsync(opened.Id, """{"department":"IT","remote":null}""");
        await CaseFyClient.ExpectAsync(again, HttpStatusCode.OK);
        using var read = await Api.Http.GetAsync(new Uri($"/api/cases/{opened.Id}", UriKind.Relative), Ct);

        Assert.Equal(["department", "skills", "startDate"], changed.Data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("[\"sql\",\"c#\"]", changed.Data["skills"].GetRawText());
        var current = await ReadCaseAsync(read);
        Assert.Equal($"\"{current.TimelineLength}\"", read.Headers.ETag?.ToString());
        var changes = (await Api.GetTimelineAsync(opened.Id)).Where(e => e.Type == TimelineEntryTypes.FieldsChanged).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal(("department,salary", "null", "\"HR\""), (changes[0].Data["fields"], changes[0].Data["old.department"], changes[0].Data["new.department"]));
        var patch = changes[1].Data;
        Assert.Equal(("department,startDate,skills,salary", TestHost.AdminName), (patch["fields"], changes[1].Actor.Name));
        Assert.Equal(("\"HR\"", "\"IT\"", "null", "\"2026-03-02\"", "50000.5", "null"), (patch["old.department"], patch["new.department"], patch["old.startDate"], patch["new.startDate"], patch["old.salary"], patch["new.salary"]));
        Assert.True((await Api.VerifyTimelineAsync(opened.Id)).Valid);
    }

    [Theory]
    [InlineData("""{"startDate":20260302}""", "$.startDate")]
    [InlineData("""{"startDate":"2025-12-31"}""", "$.startDate")]
    [InlineData("""{"department":"Sales"}""", "$.department")]
    [InlineData("""{"role":"A role name far too long"}""", "$.role")]
    [InlineData("""{"role":"Dev0ps"}""", "$.role")]
    [InlineData("""{"salary":200000.01}""", "$.salary")]
    [InlineData("""{"salary":"1000"}""", "$.salary")]
    [InlineData("""{"remote":"yes"}""", "$.remote")]
    [InlineData("""{"skills":["c#","c#"]}""", "$.skills")]
    [InlineData("""{"skills":{"c#":true}}""", "$.skills")]
    [InlineData("""{"nickname":"Ana"}""", "$.nickname")]
    [InlineData("""{"passport":"X1234567"}""", "$.passport")]
    [InlineData("""{"department":"HR","role":{"a":{"b":{"c":[1,2,3]}}}}""", "$.role")]
    public async Task PatchData_ValueItsFieldRefuses_400NamesTheFieldAndRecordsNothing(string patch, string path)
    {
        var opened = await OpenAsync();

        using var response = await Api.PatchDataAsync(opened.Id, patch);

        Assert.Equal([path], await ErrorPathsAsync(response));
        var after = await Api.GetCaseAsync(opened.Id);
        Assert.Empty(after.Data);
        Assert.DoesNotContain(await Api.GetTimelineAsync(opened.Id), e => e.Type == TimelineEntryTypes.FieldsChanged);
    }

    [Fact]
    public async Task PatchData_CatastrophicBacktrackingInputAndHugeText_400()
    {
        var opened = await OpenAsync();
        var evil = new string('a', 100_000) + "!";

        using var backtracking = await Api.PatchDataAsync(opened.Id, $$"""{"evil":"{{evil}}"}""");
        using var huge = await Api.PatchDataAsync(opened.Id, $$"""{"role":"{{new string('x', 200_000)}}"}""");
        using var matching = await Api.PatchDataAsync(opened.Id, """{"evil":"aaaa"}""");

        Assert.Equal(["$.evil"], await ErrorPathsAsync(backtracking));
        Assert.Equal(["$.role"], await ErrorPathsAsync(huge));
        await CaseFyClient.ExpectAsync(matching, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"department":"HR","department":"IT"}""")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"HR\"")]
    public async Task PatchData_NotAnObjectOfDistinctKeys_400(string body)
    {
        var opened = await OpenAsync();

        using var response = await Api.PatchDataAsync(opened.Id, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PatchData_AsPlainJson_415()
    {
        var opened = await OpenAsync();

        using var response = await Api.PatchDataAsync(opened.Id, """{"department":"HR"}""", contentType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task PatchData_IfMatch_CurrentAppliesStaleIs412()
    {
        var opened = await OpenAsync();

        // Entered first: the stage entry is a write of its own, and landing between the read and the patch it would
        // make the "current" ETag stale.
        await Api.WaitForStageEnteredAsync(opened.Id, "intake");
        using var read = await Api.Http.GetAsync(new Uri($"/api/cases/{opened.Id}", UriKind.Relative), Ct);
        var etag = read.Headers.ETag!.ToString();

        using var applied = await Api.PatchDataAsync(opened.Id, """{"department":"HR"}""", etag);
        using var stale = await Api.PatchDataAsync(opened.Id, """{"department":"IT"}""", etag);
        using var garbage = await Api.PatchDataAsync(opened.Id, """{"department":"IT"}""", "W/\"x\"");

        await CaseFyClient.ExpectAsync(applied, HttpStatusCode.OK);
        Assert.NotEqual(etag, applied.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, garbage.StatusCode);
        Assert.Equal("\"HR\"", (await Api.GetCaseAsync(opened.Id)).Data["department"].GetRawText());
    }

    [Fact]
    public async Task PatchData_ClosedCase_409()
    {
        var opened = await OpenAsync();
        using var closed = await Api.PostJsonAsync($"/api/cases/{opened.Id}/close", """{"reason":"withdrawn"}""");
        await CaseFyClient.ExpectAsync(closed, HttpStatusCode.OK);

        using var response = await Api.PatchDataAsync(opened.Id, """{"department":"HR"}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"department":"Sales"}""", "$.data.department")]
    [InlineData("""{"passport":"X1"}""", "$.data.passport")]
    [InlineData("""{"unknown":1}""", "$.data.unknown")]
    public async Task OpenCase_InitialDataRefused_400NamesItAndNoCaseIsMade(string data, string path)
    {
        var template = await Api.CreateTemplateFromJsonAsync(Onboarding);

        using var response = await Api.PostJsonAsync("/api/cases", $$"""{"templateId":"{{template.Id}}","title":"New hire","data":{{data}}}""");

        Assert.Equal([path], await ErrorPathsAsync(response));
    }

    [Fact]
    public async Task Advance_RequiredFieldsMissing_409ListsThemThenReadyOnceFilled()
    {
        var opened = await OpenAsync("""{"department":"HR"}""");
        await Api.WaitForStageEnteredAsync(opened.Id, "intake");

        using var refused = await Api.AdvanceAsync(opened.Id);
        var problem = await refused.Content.ReadAsStringAsync(Ct);
        using var filled = await Api.PatchDataAsync(opened.Id, """{"startDate":"2026-04-01"}""");
        await CaseFyClient.ExpectAsync(filled, HttpStatusCode.OK);
        var ready = await Api.WaitForAsync(opened.Id, c => c.CurrentStage.ReadyToAdvance);
        using var advanced = await Api.AdvanceAsync(opened.Id);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("field:startDate", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("field:department", problem, StringComparison.Ordinal);
        Assert.Equal("intake", ready.CurrentStage.Key);
        await CaseFyClient.ExpectAsync(advanced, HttpStatusCode.Accepted);
        await Api.WaitForStageEnteredAsync(opened.Id, "work");
    }

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
