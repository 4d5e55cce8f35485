using System.Net;
using System.Text.Json;
using CaseFy.Model.Json;
using CaseFy.Model.Timeline;
using CaseFy.Testing;
using Microsoft.VisualBasic.FileIO;

namespace CaseFy.IntegrationTests;

/// <summary>Reading timelines back: paging both ways and the streamed JSON/CSV exports.</summary>
public sealed class TimelineReadTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly string[] Stages = ["intake", "review"];

    private CaseFyClient Api => host.Api;

    [Fact]
    public async Task Timeline_Backward_PagesNewestFirstWithoutGapOrDuplicate()
    {
        var caseId = await ClosedCaseAsync("plain reason");
        var forward = await Api.GetTimelineAsync(caseId);

        var first = await Api.GetTimelinePageAsync(caseId, "direction=backward&pageSize=4");
        var second = await Api.GetTimelinePageAsync(caseId, $"direction=backward&pageSize=4&continuationToken={first.ContinuationToken}");

        Assert.Equal([6L, 5, 4, 3], first.Items.Select(e => e.Seq));
        Assert.Equal([2L, 1], second.Items.Select(e => e.Seq));
        Assert.Null(second.ContinuationToken);
        Assert.Equal(forward.Select(e => e.Hash).Reverse(), first.Items.Concat(second.Items).Select(e => e.Hash));
    }

    [Fact]
    public async Task Timeline_ForwardFromASeqSeenOnABackwardPage_ReadsWhatCameAfterIt()
    {
        var caseId = await ClosedCaseAsync("plain reason");

        var newest = await Api.GetTimelinePageAsync(caseId, "direction=backward&pageSize=4");
        var after = await Api.GetTimelinePageAsync(caseId, $"continuationToken={newest.Items[^1].Seq}");

        Assert.Equal([4L, 5, 6], after.Items.Select(e => e.Seq));
        Assert.Null(after.ContinuationToken);
    }

    [Theory]
    [InlineData("direction=sideways")]
    [InlineData("direction=1")]
    [InlineData("direction=backward&direction=forward")]
    [InlineData("direction=backward&continuationToken=-3")]
    public async Task Timeline_BadDirectionOrCursor_IsBadRequestNamingIt(string query)
    {
        var caseId = await ClosedCaseAsync("plain reason");

        using var response = await Api.Http.GetAsync(new Uri($"/api/cases/{caseId}/timeline?{query}", UriKind.Relative), Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Export_Json_IsTheWholeTimelineAsAnAttachment()
    {
        var caseId = await ClosedCaseAsync("plain reason");
        var timeline = await Api.GetTimelineAsync(caseId);

        using var response = await Api.Http.GetAsync(new Uri($"/api/cases/{caseId}/timeline/export?format=json", UriKind.Relative), Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"case-{caseId}-timeline.json", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var exported = document.RootElement.EnumerateArray().Select(e => e.Deserialize(CaseFyJsonContext.Default.TimelineEntry)!).ToList();
        Assert.Equal(timeline.Select(e => e.Hash), exported.Select(e => e.Hash));
        Assert.Null(TimelineChain.FindFirstBrokenLink(exported));
    }

    [Fact]
    public async Task Export_Csv_QuotesCommasQuotesAndLineBreaksInReasons()
    {
        const string Reason = "Cost: 1,000 \"approx\"\nsecond line";
        var caseId = await ClosedCaseAsync(Reason);
        var timeline = await Api.GetTimelineAsync(caseId);

        using var response = await Api.Http.GetAsync(new Uri($"/api/cases/{caseId}/timeline/export?format=csv", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var rows = ParseCsv(text);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"case-{caseId}-timeline.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("\"Cost: 1,000 \"\"approx\"\"\nsecond line\"", text, StringComparison.Ordinal);
        Assert.Equal(["seq", "id", "type", "at", "stage", "actorId", "actorName", "reason", "data", "previousHash", "hash"], rows[0]);
        Assert.Equal(timeline.Count + 1, rows.Count);
        Assert.Equal(timeline.Select(e => e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[0]));
        Assert.Equal(timeline.Select(e => e.Hash), rows.Skip(1).Select(r => r[10]));
        var exits = rows.Where(r => r[2] == TimelineEntryTypes.StageExited).ToList();
        Assert.All(exits, r => Assert.Equal(Reason, r[7]));
        Assert.Equal(Reason, JsonDocument.Parse(exits[0][8]).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Export_ReasonStartingWithAFormula_IsPrefixedInCsvAndVerbatimInJson()
    {
        const string Reason = "=HYPERLINK(\"https://evil.example\",\"open\")";
        var caseId = await ClosedCaseAsync(Reason);

        using var csv = await Api.Http.GetAsync(new Uri($"/api/cases/{caseId}/timeline/export?format=csv", UriKind.Relative), Ct);
        using var json = await Api.Http.GetAsync(new Uri($"/api/cases/{caseId}/timeline/export?format=json", UriKind.Relative), Ct);
        await CaseFyClient.ExpectAsync(csv, HttpStatusCode.OK);
        await CaseFyClient.ExpectAsync(json, HttpStatusCode.OK);

        var exits = ParseCsv(await csv.Content.ReadAsStringAsync(Ct)).Where(r => r[2] == TimelineEntryTypes.StageExited).ToList();
        Assert.NotEmpty(exits);
        Assert.All(exits, r => Assert.Equal("'" + Reason, r[7]));
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Ct));
        Assert.Contains(document.RootElement.EnumerateArray(), e => e.GetProperty("data").TryGetProperty("reason", out var r) && r.GetString() == Reason);
    }

    [Theory]
    [InlineData("text/csv", "", "text/csv")]
    [InlineData("text/csv; q=0.5, application/json", "", "application/json")]
    [InlineData("application/json; q=0.2, text/*", "", "text/csv")]
    [InlineData("application/xml, text/csv; q=0.1", "", "text/csv")]
    [InlineData("text/csv", "?format=json", "application/json")]
    [InlineData("application/json", "?format=csv", "text/csv")]
    [InlineData("*/*", "", "application/json")]
    [InlineData("text/csv; q=0", "", "application/json")]
    public async Task Export_AcceptHeader_ChoosesTheFormatUnlessTheQueryDoes(string accept, string query, string expected)
    {
        var caseId = await ClosedCaseAsync("negotiated reason");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{caseId}/timeline/export{query}", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await Api.Http.SendAsync(request, Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(expected == "text/csv", text.StartsWith("seq,id,type", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("format=xml", HttpStatusCode.BadRequest)]
    [InlineData("format=", HttpStatusCode.BadRequest)]
    public async Task Export_UnknownFormat_IsBadRequest(string query, HttpStatusCode expected)
    {
        var caseId = await ClosedCaseAsync("plain reason");

        using var response = await Api.Http.GetAsync(new Uri($"/api/cases/{caseId}/timeline/export?{query}", UriKind.Relative), Ct);

        await CaseFyClient.ExpectAsync(response, expected);
    }

    [Fact]
    public async Task Export_UnknownCase_IsNotFound()
    {
        using var response = await Api.Http.GetAsync(
            new Uri("/api/cases/0123456789abcdef0123456789abcdef/timeline/export?format=csv", UriKind.Relative), Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LongTimeline_TenThousandEntries_VerifiesExportsAndPagesAcrossStoragePages()
    {
        var caseId = await ClosedCaseAsync("plain reason");
        await host.Storage.AppendChainedEntriesAsync(caseId, 10_000 - 6);

        var verdict = await Api.VerifyTimelineAsync(caseId);
        var newest = await Api.GetTimelinePageAsync(caseId, "direction=backward&pageSize=100");
        using var response = await Api.Http.GetAsync(
            new Uri($"/api/cases/{caseId}/timeline/export?format=csv", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Ct);
        var rows = ParseCsv(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(new TimelineVerification(true, 10_000, null, 10_000, null), verdict);
        Assert.Equal(Enumerable.Range(9_901, 100).Select(i => (long)i).Reverse(), newest.Items.Select(e => e.Seq));
        Assert.Equal("9901", newest.ContinuationToken);
        Assert.Equal(10_001, rows.Count);
        Assert.Equal("10000", rows[^1][0]);
        Assert.Equal("note 10000, \"bulk\"", rows[^1][7]);
    }

    // An independent RFC 4180 reader (not the library that wrote the file).
    internal static List<string[]> ParseCsv(string text)
    {
        using var parser = new TextFieldParser(new StringReader(text)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }

    private async Task<string> ClosedCaseAsync(string reason)
    {
        var template = await Api.CreateTemplateAsync(Stages);
        var opened = await Api.OpenCaseAsync(template.Id, "Exported");
        foreach (var stage in Stages)
        {
            await Api.WaitForStageEnteredAsync(opened.Id, stage);
            using var response = await Api.PostJsonAsync(
                $"/api/cases/{opened.Id}/advance", JsonSerializer.Serialize(new Model.Cases.AdvanceCase(reason), CaseFyJsonContext.Default.AdvanceCase));
            await CaseFyClient.ExpectAsync(response, HttpStatusCode.Accepted);
        }

        await Api.WaitForAsync(opened.Id, c => c.Status == Model.Cases.CaseStatus.Closed);
        return opened.Id;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
