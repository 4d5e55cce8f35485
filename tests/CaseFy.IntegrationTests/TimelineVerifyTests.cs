using System.Net;
using System.Text.Json;
using CaseFy.Model.Json;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>Tamper evidence: rows changed directly in storage (around CaseFy) are reported by the verify route.</summary>
public sealed class TimelineVerifyTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly string[] Stages = ["intake", "review"];

    // A case closed after two stages has 6 entries: created, 2 x (entered, exited), closed.
    private const long ClosedLength = 6;

    private CaseFyClient Api => host.Api;

    [Fact]
    public async Task Verify_UntouchedTimeline_IsValid()
    {
        var caseId = await ClosedCaseAsync();

        var verdict = await Api.VerifyTimelineAsync(caseId);

        Assert.Equal(new TimelineVerification(true, ClosedLength, null, ClosedLength, null), verdict);
    }

    [Fact]
    public async Task Verify_EntryDataEditedInStorage_ReportsThatEntry()
    {
        var caseId = await ClosedCaseAsync();

        await host.Storage.EditTimelineEntryAsync(caseId, 5, json => json["data"]!["reason"] = "nothing to see here");
        var verdict = await Api.VerifyTimelineAsync(caseId);

        Assert.False(verdict.Valid);
        Assert.Equal((5L, 4L), (verdict.FirstBrokenSeq, verdict.Entries));
        Assert.Contains("altered", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TimestampEditedInStorage_ReportsThatEntry()
    {
        var caseId = await ClosedCaseAsync();

        await host.Storage.EditTimelineEntryAsync(caseId, 2, json => json["at"] = "2020-01-01T00:00:00+00:00");
        var verdict = await Api.VerifyTimelineAsync(caseId);

        Assert.Equal((false, 2L), (verdict.Valid, verdict.FirstBrokenSeq));
    }

    [Theory]
    [InlineData(3L)]
    [InlineData(1L)]
    [InlineData(ClosedLength)]
    public async Task Verify_EntryDeletedInStorage_ReportsItMissing(long seq)
    {
        var caseId = await ClosedCaseAsync();

        await host.Storage.DeleteTimelineEntryAsync(caseId, seq);
        var verdict = await Api.VerifyTimelineAsync(caseId);

        Assert.Equal((false, seq, seq - 1), (verdict.Valid, verdict.FirstBrokenSeq, verdict.Entries));
        Assert.Equal($"Entry {seq} is missing.", verdict.Reason);
    }

    [Fact]
    public async Task Verify_ChainRewrittenConsistentlyAfterAnEdit_ReportsTheHeadTheCaseRecords()
    {
        var caseId = await ClosedCaseAsync();
        var timeline = await Api.GetTimelineAsync(caseId);

        // The forger edits entry 3 and recomputes every hash after it, so each link checks out on its own.
        var previous = timeline[1].Hash;
        foreach (var entry in timeline.Skip(2))
        {
            var forged = entry with { PreviousHash = previous, Actor = entry.Seq == 3 ? new("mallory", "Mallory") : entry.Actor };
            forged = forged with { Hash = TimelineChain.ComputeHash(forged) };
            await host.Storage.SetTimelineDataAsync(caseId, entry.Seq, JsonSerializer.Serialize(forged, CaseFyJsonContext.Default.TimelineEntry));
            previous = forged.Hash;
        }

        var verdict = await Api.VerifyTimelineAsync(caseId);

        Assert.Equal((false, ClosedLength), (verdict.Valid, verdict.FirstBrokenSeq));
        Assert.Contains("head", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RowWithUnreadableData_ReportsThatEntry()
    {
        var caseId = await ClosedCaseAsync();

        await host.Storage.SetTimelineDataAsync(caseId, 4, "{not json");
        var verdict = await Api.VerifyTimelineAsync(caseId);

        Assert.Equal((false, 4L, 3L), (verdict.Valid, verdict.FirstBrokenSeq, verdict.Entries));
    }

    [Fact]
    public async Task Verify_EntryAppendedAroundCaseFy_ReportsItBeyondTheRecordedLength()
    {
        var caseId = await ClosedCaseAsync();
        var last = (await Api.GetTimelineAsync(caseId))[^1];

        var appended = last with { Seq = last.Seq + 1, Id = $"{caseId}-{last.Seq + 1}", PreviousHash = last.Hash, Type = "CaseReopened" };
        appended = appended with { Hash = TimelineChain.ComputeHash(appended) };
        await host.Storage.Table.AddEntityAsync(
            new Azure.Data.Tables.TableEntity(caseId, StoredCases.TimelineRowKey(appended.Seq))
            {
                ["Data"] = JsonSerializer.Serialize(appended, CaseFyJsonContext.Default.TimelineEntry),
            },
            TestContext.Current.CancellationToken);
        var verdict = await Api.VerifyTimelineAsync(caseId);

        Assert.Equal((false, ClosedLength + 1, ClosedLength), (verdict.Valid, verdict.FirstBrokenSeq, verdict.Entries));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-an-id")]
    public async Task Verify_UnknownCase_IsNotFound(string caseId)
    {
        using var response = await Api.Http.GetAsync(
            new Uri($"/api/cases/{caseId}/timeline/verify", UriKind.Relative), TestContext.Current.CancellationToken);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.NotFound);
    }

    private async Task<string> ClosedCaseAsync()
    {
        var template = await Api.CreateTemplateAsync(Stages);
        var opened = await Api.OpenCaseAsync(template.Id, "Audited");
        await CaseDriver.DriveToClosureAsync(Api, opened.Id, Stages);
        return opened.Id;
    }
}
