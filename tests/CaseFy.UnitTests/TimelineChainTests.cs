using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.UnitTests;

public sealed class TimelineChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static List<TimelineEntry> ClosedCaseTimeline()
    {
        var template = new CaseTemplate
        {
            Id = "tpl",
            Version = 1,
            Name = "T",
            Stages = [new("a", "A"), new("b", "B")],
            CreatedAt = T0,
            CreatedBy = Actor.System,
        };
        var entries = new List<TimelineEntry>();
        var open = CaseLifecycle.Open("c1", "Case", template, Actor.System, T0);
        entries.AddRange(open.Entries);
        var state = open.Case;
        for (var stage = 0; stage < 2; stage++)
        {
            var entered = CaseLifecycle.EnterStage(state, template, T0)!;
            entries.AddRange(entered.Entries);
            var exited = CaseLifecycle.ExitStage(CaseLifecycle.RequestAdvance(entered.Case, template, "why", Actor.System, T0).Case, template, stage, T0)!;
            entries.AddRange(exited.Entries);
            state = exited.Case;
        }

        return entries;
    }

    [Fact]
    public void FindFirstBrokenLink_UntouchedChain_IsNull()
    {
        var entries = ClosedCaseTimeline();

        Assert.Equal(6, entries.Count);
        Assert.Null(TimelineChain.FindFirstBrokenLink(entries));
    }

    [Fact]
    public void FindFirstBrokenLink_PayloadEdited_ReportsThatEntry()
    {
        var entries = ClosedCaseTimeline();
        entries[2] = entries[2] with { Data = new Dictionary<string, string> { ["reason"] = "rewritten", ["stageName"] = "A" } };

        Assert.Equal(3, TimelineChain.FindFirstBrokenLink(entries));
    }

    [Fact]
    public void FindFirstBrokenLink_EntryRemoved_ReportsTheGap()
    {
        var entries = ClosedCaseTimeline();
        entries.RemoveAt(3);

        Assert.Equal(4, TimelineChain.FindFirstBrokenLink(entries));
    }

    [Fact]
    public void FindFirstBrokenLink_EntryRehashedAfterEdit_BreaksTheNextLink()
    {
        var entries = ClosedCaseTimeline();
        var forged = entries[1] with { Actor = new Actor("mallory", "Mallory") };
        entries[1] = forged with { Hash = TimelineChain.ComputeHash(forged) };

        Assert.Equal(3, TimelineChain.FindFirstBrokenLink(entries));
    }

    [Fact]
    public void ComputeHash_SeparatorInsideValue_DoesNotCollide()
    {
        var a = ClosedCaseTimeline()[0] with { Data = new Dictionary<string, string> { ["k"] = "a\",\"b" } };
        var b = a with { Data = new Dictionary<string, string> { ["k"] = "a", ["b"] = string.Empty } };

        Assert.NotEqual(TimelineChain.ComputeHash(a), TimelineChain.ComputeHash(b));
    }

    [Fact]
    public void Verifier_WholeChainEndingAtTheRecordedHead_IsValid()
    {
        var entries = ClosedCaseTimeline();

        var verdict = Verify(entries, entries.Count, entries[^1].Hash);

        Assert.Equal(new TimelineVerification(true, 6, null, 6, null), verdict);
    }

    [Fact]
    public void Verifier_LastEntryMissing_ReportsItThoughEveryLinkHolds()
    {
        var entries = ClosedCaseTimeline();

        var verdict = Verify(entries[..^1], entries.Count, entries[^1].Hash);

        Assert.Equal((false, 6L, 5L), (verdict.Valid, verdict.FirstBrokenSeq, verdict.Entries));
    }

    [Fact]
    public void Verifier_HeadDiffersFromRecorded_ReportsTheLastEntry()
    {
        var entries = ClosedCaseTimeline();

        var verdict = Verify(entries, entries.Count, "0000");

        Assert.Equal((false, 6L, 5L), (verdict.Valid, verdict.FirstBrokenSeq, verdict.Entries));
    }

    [Fact]
    public void Verifier_EntriesBeyondRecordedLength_AreNotAskedFor()
    {
        var entries = ClosedCaseTimeline();
        var verifier = new TimelineVerifier(3, entries[2].Hash);

        var accepted = entries.TakeWhile(verifier.Accept).Count();

        Assert.Equal(2, accepted);
        Assert.False(verifier.WantsMore);
        Assert.True(verifier.Finish().Valid);
    }

    private static TimelineVerification Verify(IEnumerable<TimelineEntry> entries, long length, string head)
    {
        var verifier = new TimelineVerifier(length, head);
        foreach (var entry in entries)
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }

        return verifier.Finish();
    }
}
