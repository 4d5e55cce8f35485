using System.Net;
using System.Text.Json;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>Anything a client can send gets a 4xx problem+json naming what is wrong, and nothing is written.</summary>
public sealed class BadInputTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string UnknownId = "0123456789abcdef0123456789abcdef";

    private CaseFyClient Api => host.Api;

    [Theory]
    [InlineData("""{"name":"x","stages":[]}""", "$.stages")]
    [InlineData("""{"name":"x"}""", "$.stages")]
    [InlineData("""{"name":"x","stages":[{"key":"a","name":"A"},{"key":"a","name":"B"}]}""", "$.stages[1].key")]
    [InlineData("""{"name":"","stages":[{"key":"a","name":"A"}]}""", "$.name")]
    [InlineData("""{"name":"x","stages":[{"key":"Not A Key","name":"A"}]}""", "$.stages[0].key")]
    [InlineData("""{"name":"x","stages":[{"key":"a"}]}""", "$.stages[0].name")]
    [InlineData("""{"name":"x","stages":[null]}""", "$.stages[0]")]
    [InlineData("""{"name":5,"stages":[{"key":"a","name":"A"}]}""", "$.name")]
    [InlineData("""{"name":"x","stages":"intake"}""", "$.stages")]
    [InlineData("""{"name":"x","stages":[{"key":"a","name":"A"}],"owner":"me"}""", "$")]
    [InlineData("""{"name":""", "$")]
    [InlineData("""[1,2]""", "$")]
    [InlineData("null", "$")]
    [InlineData("", "$")]
    public async Task CreateTemplate_InvalidBody_Is400NamingTheField(string body, string expectedPathPrefix)
    {
        using var response = await Api.PostJsonAsync("/api/templates", body);

        var errors = await AssertValidationProblemAsync(response);
        Assert.Contains(errors, key => key.StartsWith(expectedPathPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"title":"No template"}""", "$.templateId")]
    [InlineData("""{"templateId":"not-an-id","title":"x"}""", "$.templateId")]
    [InlineData("""{"templateId":"0123456789abcdef0123456789abcdef","title":"Unknown template"}""", "$.templateId")]
    [InlineData("""{"templateId":"0123456789abcdef0123456789abcdef"}""", "$.title")]
    [InlineData("""{"templateId":"0123456789abcdef0123456789abcdef","title":"   "}""", "$.title")]
    [InlineData("""{"templateId":"0123456789abcdef0123456789abcdef","title":"bell\u0007"}""", "$.title")]
    public async Task OpenCase_InvalidBody_Is400AndNoCaseIsCreated(string body, string expectedPath)
    {
        var before = await Api.ListCasesAsync(pageSize: 100);

        using var response = await Api.PostJsonAsync("/api/cases", body);

        var errors = await AssertValidationProblemAsync(response);
        Assert.Contains(expectedPath, errors);
        Assert.Equal(before.Items.Count, (await Api.ListCasesAsync(pageSize: 100)).Items.Count);
    }

    [Fact]
    public async Task OpenCase_TitleTooLong_Is400()
    {
        var template = await Api.CreateTemplateAsync("intake");

        using var response = await Api.PostJsonAsync("/api/cases", $$"""{"templateId":"{{template.Id}}","title":"{{new string('x', 201)}}"}""");

        Assert.Contains("$.title", await AssertValidationProblemAsync(response));
    }

    [Fact]
    public async Task CreateTemplate_NotJsonContentType_Is415()
    {
        using var response = await Api.PostJsonAsync("/api/templates", """{"name":"x","stages":[{"key":"a","name":"A"}]}""", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CreateTemplate_HugeBody_Is413()
    {
        using var response = await Api.PostJsonAsync("/api/templates", $$"""{"name":"{{new string('x', 300_000)}}","stages":[]}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/cases/" + UnknownId)]
    [InlineData("/api/cases/not-a-case")]
    [InlineData("/api/cases/" + UnknownId + "/timeline")]
    [InlineData("/api/templates/" + UnknownId)]
    [InlineData("/api/templates/..%2F..%2Fetc")]
    [InlineData("/api/no-such-route")]
    public async Task Get_UnknownResource_Is404ProblemJson(string path)
    {
        using var response = await Api.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Advance_UnknownCase_Is404()
    {
        using var response = await Api.AdvanceAsync(UnknownId, "nothing there");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"reason":42}""")]
    [InlineData("""{"reason":"ok","force":true}""")]
    [InlineData("""{"reason":""")]
    public async Task Advance_InvalidBody_Is400AndCaseStaysPut(string body)
    {
        var template = await Api.CreateTemplateAsync("intake", "review");
        var opened = await Api.OpenCaseAsync(template.Id, "Stays put");
        await Api.WaitForStageEnteredAsync(opened.Id, "intake");

        using var response = await Api.PostJsonAsync($"/api/cases/{opened.Id}/advance", body);

        await AssertValidationProblemAsync(response);
        var after = await Api.GetCaseAsync(opened.Id);
        Assert.Null(after.PendingAdvance);
        Assert.Equal("intake", after.CurrentStage.Key);
    }

    [Theory]
    [InlineData("/api/cases?pageSize=0")]
    [InlineData("/api/cases?pageSize=101")]
    [InlineData("/api/cases?pageSize=ten")]
    [InlineData("/api/cases?continuationToken=%25%25%25")]
    [InlineData("/api/cases?continuationToken=bm90LWEtdG9rZW4")]
    [InlineData("/api/cases/" + UnknownId + "/timeline?continuationToken=-5")]
    [InlineData("/api/cases/" + UnknownId + "/timeline?pageSize=-1")]
    public async Task List_BadPaging_Is400(string path)
    {
        using var response = await Api.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertValidationProblemAsync(response);
    }

    private static async Task<List<string>> AssertValidationProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }
}
