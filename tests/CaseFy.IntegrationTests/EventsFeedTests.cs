using System.Net;
using System.Net.Http.Json;
using CaseFy.Model.Events;
using CaseFy.Model.Json;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>Every lifecycle entry reaches the <c>GET /api/events</c> feed (with or without a topic configured).</summary>
[Collection(EventsTestGroup.Name)]
public sealed class EventsFeedTests(EventsFixture fixture)
{
    private static readonly string[] Stages = ["intake", "review"];

    [Fact]
    public async Task EventsFeed_CasesRun_ServesEveryEntryOnceInCaseOrderWithAStableCursor()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = fixture;
        var template = await host.Api.CreateTemplateAsync(Stages);
        var caseIds = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            caseIds.Add((await host.Api.OpenCaseAsync(template.Id, $"Feed {i}")).Id);
        }

        await Task.WhenAll(caseIds.Select(id => CaseDriver.DriveToClosureAsync(host.Api, id, Stages)));
        var expected = new List<TimelineEntry>();
        foreach (var id in caseIds)
        {
            expected.AddRange((await host.Api.GetTimelineAsync(id)).Where(e => LifecycleEntryTypes.IsLifecycle(e.Type)));
        }

        // Read the feed in small pages, as a poller would, until every entry was seen.
        var seen = new List<LifecycleEvent>();
        string? cursor = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!expected.All(e => seen.Any(s => s.Id == e.Id)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The feed served {seen.Count} of {expected.Count} events.");
            var page = await ReadFeedAsync(host.Api, cursor, pageSize: 3);
            seen.AddRange(page.Items);
            if (page.Items.Count == 0)
            {
                Assert.Equal(cursor ?? page.Cursor, page.Cursor);
                await Task.Delay(50, ct);
            }

            cursor = page.Cursor;
        }

        seen = seen.Where(s => caseIds.Contains(s.Data.CaseId)).ToList();
        Assert.Equal(expected.Select(e => e.Id).Order(StringComparer.Ordinal), seen.Select(s => s.Id).Order(StringComparer.Ordinal));
        foreach (var id in caseIds)
        {
            Assert.Equal(
                expected.Where(e => e.CaseId == id).Select(e => e.Seq),
                seen.Where(s => s.Data.CaseId == id).Select(s => s.Data.Seq));
        }

        Assert.DoesNotContain((await ReadFeedAsync(host.Api, cursor, pageSize: 100)).Items, item => caseIds.Contains(item.Data.CaseId));
    }

    [Fact]
    public async Task EventsFeed_FieldsChanged_CarriesValuesButOnlyTheKeyOfASensitiveField()
    {
        var ct = TestContext.Current.CancellationToken;
        var template = await fixture.Api.CreateTemplateFromJsonAsync("""
            {"name":"Payroll","fields":[{"key":"department","label":"Department","type":"text"},
              {"key":"salary","label":"Salary","type":"money","currency":"EUR","sensitive":true}],
             "stages":[{"key":"a","name":"A"}]}
            """);
        using var created = await fixture.Api.PostJsonAsync(
            "/api/cases", $$$"""{"templateId":"{{{template.Id}}}","title":"Pay","data":{"department":"HR","salary":81234.5}}""");
        await CaseFyClient.ExpectAsync(created, HttpStatusCode.Created);
        var caseId = (await created.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, ct))!.Id;

        LifecycleEvent? changed = null;
        string? cursor = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (changed is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "No fieldsChanged event in the feed.");
            var page = await ReadFeedAsync(fixture.Api, cursor, pageSize: 100);
            changed = page.Items.FirstOrDefault(e => e.Data.CaseId == caseId && e.Type == "casefy.case.fieldsChanged");
            cursor = page.Cursor;
            await Task.Delay(page.Items.Count == 0 ? 50 : 0, ct);
        }

        Assert.Equal(("department,salary", "salary", "\"HR\""), (changed.Data.Details["fields"], changed.Data.Details["sensitive"], changed.Data.Details["new.department"]));
        Assert.DoesNotContain("81234", string.Concat(changed.Data.Details.Values), StringComparison.Ordinal);
        Assert.False(changed.Data.Details.ContainsKey("new.salary") || changed.Data.Details.ContainsKey("old.salary"));
    }

    [Theory]
    [InlineData("after=garbage")]
    [InlineData("after=")]
    [InlineData("after=cAAAA&after=cBBBB")]
    [InlineData("pageSize=0")]
    public async Task EventsFeed_BadQuery_Answers400(string query)
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await fixture.Api.Http.GetAsync(new Uri($"/api/events?{query}", UriKind.Relative), ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<EventFeedPage> ReadFeedAsync(CaseFyClient api, string? cursor, int pageSize)
    {
        var query = $"/api/events?pageSize={pageSize}" + (cursor is null ? string.Empty : $"&after={Uri.EscapeDataString(cursor)}");
        using var response = await api.Http.GetAsync(new Uri(query, UriKind.Relative), TestContext.Current.CancellationToken);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.EventFeedPage, TestContext.Current.CancellationToken))!;
    }
}
