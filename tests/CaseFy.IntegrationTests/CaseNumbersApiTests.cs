using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>Case numbers: unique prefixes, one number per case under concurrency, finding a case by its number.</summary>
public sealed class CaseNumbersApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private CaseFyClient Api => host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Six random capitals: each test's template has a prefix no other template in this storage has.
    private static string NewPrefix() => string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26))));

    private Task<CaseTemplate> CreateTemplateAsync(string prefix) =>
        Api.CreateTemplateFromJsonAsync($$"""{"name":"Numbered","prefix":"{{prefix}}","stages":[{"key":"a","name":"A"}]}""");

    private async Task<Page<CaseRecord>> ListAsync(string query)
    {
        using var response = await Api.Http.GetAsync(new Uri("/api/cases?" + query, UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.PageCaseRecord, Ct))!;
    }

    [Fact]
    public async Task OpenCase_FiftyAtOnce_GetFiftyDistinctConsecutiveNumbers()
    {
        var prefix = NewPrefix();
        var template = await CreateTemplateAsync(prefix);

        var opened = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => Api.OpenCaseAsync(template.Id, $"Concurrent {i}")));

        Assert.Equal(
            Enumerable.Range(1, 50).Select(i => $"{prefix}-{i:D4}"),
            opened.Select(c => c.Number!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListCases_ByNumberOrItsDigits_FindsTheCase()
    {
        var prefix = NewPrefix();
        var template = await CreateTemplateAsync(prefix);
        var first = await Api.OpenCaseAsync(template.Id, "First hire");
        var second = await Api.OpenCaseAsync(template.Id, "Second hire");

        var byNumber = await ListAsync($"number={prefix}-0002");
        var byText = await ListAsync($"q={prefix.ToLowerInvariant()}-0001&templateId={template.Id}");
        var timeline = await Api.GetTimelineAsync(second.Id);

        Assert.Equal((prefix + "-0001", prefix + "-0002"), (first.Number, second.Number));
        Assert.Equal([second.Id], byNumber.Items.Select(c => c.Id));
        Assert.Equal([first.Id], byText.Items.Select(c => c.Id));
        Assert.Equal(prefix + "-0002", timeline.Single(e => e.Type == TimelineEntryTypes.CaseCreated).Data["number"]);
        Assert.Equal(prefix + "-0002", (await Api.GetCaseAsync(second.Id)).Number);
        var board = await Api.Http.GetStringAsync(new Uri($"/api/templates/{template.Id}/board", UriKind.Relative), Ct);
        var export = await Api.Http.GetStringAsync(new Uri($"/api/cases/{second.Id}/timeline/export?format=csv", UriKind.Relative), Ct);
        Assert.Contains($"\"number\":\"{prefix}-0001\"", board, StringComparison.Ordinal);
        Assert.Contains($"\"number\":\"{prefix}-0002\"", board, StringComparison.Ordinal);
        Assert.Contains(prefix + "-0002", export, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ONB-42")]
    [InlineData("onb-0042")]
    [InlineData("ONB-0042' or Number ne '")]
    public async Task ListCases_MalformedNumber_400NamesIt(string number)
    {
        using var response = await Api.Http.GetAsync(new Uri("/api/cases?number=" + Uri.EscapeDataString(number), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("number", out _));
    }

    [Fact]
    public async Task TemplatePrefix_TakenByAnotherTemplate_400OnPrefixButItsOwnNewVersionKeepsIt()
    {
        var prefix = NewPrefix();
        var template = await CreateTemplateAsync(prefix);

        using var taken = await Api.PostJsonAsync("/api/templates", $$"""{"name":"Copycat","prefix":"{{prefix}}","stages":[{"key":"a","name":"A"}]}""");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/templates/{template.Id}")
        {
            Content = JsonContent.Create(JsonDocument.Parse($$"""{"name":"Numbered v2","prefix":"{{prefix}}","stages":[{"key":"a","name":"A"}]}""").RootElement),
        };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var updated = await Api.Http.SendAsync(put, Ct);
        var other = await Api.CreateTemplateAsync("x");
        using var stealOnUpdate = new HttpRequestMessage(HttpMethod.Put, $"/api/templates/{other.Id}")
        {
            Content = JsonContent.Create(JsonDocument.Parse($$"""{"name":"Thief","prefix":"{{prefix}}","stages":[{"key":"a","name":"A"}]}""").RootElement),
        };
        stealOnUpdate.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var stolen = await Api.Http.SendAsync(stealOnUpdate, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("$.prefix", await taken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await CaseFyClient.ExpectAsync(updated, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        var opened = await Api.OpenCaseAsync(template.Id, "On version 2");
        Assert.Equal((2, prefix + "-0001"), (opened.TemplateVersion, opened.Number));
    }

    [Fact]
    public async Task OpenCase_TemplateWithoutPrefix_HasNoNumber()
    {
        var template = await Api.CreateTemplateAsync("a");

        var opened = await Api.OpenCaseAsync(template.Id, "Unnumbered");

        Assert.Null(opened.Number);
    }
}
