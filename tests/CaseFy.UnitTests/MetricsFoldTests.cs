using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Metrics;
using CaseFy.Model.Timeline;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

/// <summary>The metric totals counted from timelines written by the model's own actions.</summary>
public sealed class MetricsFoldTests
{
    [Fact]
    public void Apply_HoldThenMove_VisitEndsAtTheMoveWithoutTheTimeOnHold()
    {
        var run = new Steps()
            .Then(c => CaseLifecycle.EnterStage(c, Template, T0.AddMinutes(1)))
            .Then(c => CaseFlexibility.Hold(c, "waiting", Ana, T0.AddMinutes(11)))
            .Then(c => CaseFlexibility.Resume(c, null, Ana, T0.AddMinutes(41)))
            .Then(c => CaseFlexibility.Move(c, Template, "pay", "skip", Ana, T0.AddMinutes(61)))
            .Then(c => CaseLifecycle.EnterStage(c, Template, T0.AddMinutes(62)));

        var (totals, cursor) = Count(run.Entries);

        var intake = totals.Stages["intake"];
        var halfHour = TimeSpan.FromMinutes(30).Ticks;
        Assert.Equal((1, halfHour, halfHour, halfHour, 1, 0, 0), (intake.Visits, intake.TotalTicks, intake.MaxTicks, intake.HeldTicks, intake.EndedByMove, intake.EndedByEarlyClose, intake.InStageNow));
        Assert.Equal((0, 1), (totals.Stages["pay"].Visits, totals.Stages["pay"].InStageNow));
        Assert.Equal((1, 0), (totals.Open, totals.Closed));
        Assert.Equal(run.Entries[^1].Seq, cursor.AppliedSeq);
    }

    [Fact]
    public void Apply_EarlyCloseOnHold_EndsTheVisitAndCountsTheDay()
    {
        var run = new Steps()
            .Then(c => CaseLifecycle.EnterStage(c, Template, T0.AddMinutes(1)))
            .Then(c => CaseFlexibility.Hold(c, null, Ana, T0.AddMinutes(21)))
            .Then(c => CaseFlexibility.Close(c, "withdrawn", null, Ana, T0.AddMinutes(31)));

        var (totals, cursor) = Count(run.Entries);

        var intake = totals.Stages["intake"];
        Assert.Equal((1, TimeSpan.FromMinutes(20).Ticks, TimeSpan.FromMinutes(10).Ticks, 1, 0), (intake.Visits, intake.TotalTicks, intake.HeldTicks, intake.EndedByEarlyClose, intake.InStageNow));
        Assert.Equal((0, 1), (totals.Open, totals.Closed));
        Assert.Equal(new Dictionary<string, int> { ["2026-11-25"] = 1 }, totals.ClosedPerDay);
        Assert.Equal(("2026-11-25", false, (DateTimeOffset?)null), (cursor.ClosedOn, cursor.Open, cursor.HeldSince));
    }

    [Fact]
    public void Apply_Reopen_TakesTheCaseOutOfTheClosedCounts()
    {
        var run = new Steps()
            .Then(c => CaseLifecycle.EnterStage(c, Template, T0.AddMinutes(1)))
            .Then(c => CaseFlexibility.Close(c, "done", null, Ana, T0.AddMinutes(2)))
            .Then(c => CaseFlexibility.Reopen(c, Template, "not done", Ana, T0.AddMinutes(3)))
            .Then(c => CaseLifecycle.EnterStage(c, Template, T0.AddMinutes(4)));

        var (totals, _) = Count(run.Entries);

        Assert.Equal((1, 0), (totals.Open, totals.Closed));
        Assert.Empty(totals.ClosedPerDay);
        Assert.Equal((1, 1), (totals.Stages["intake"].Visits, totals.Stages["intake"].InStageNow));
    }

    [Fact]
    public void Apply_SameEntriesTwiceOrInPieces_CountsEachOnce()
    {
        var run = new Steps()
            .Then(c => CaseLifecycle.EnterStage(c, Template, T0.AddMinutes(1)))
            .Then(c => CaseFlexibility.Move(c, Template, "assess", "faster", Ana, T0.AddMinutes(5)))
            .Then(c => CaseLifecycle.EnterStage(c, Template, T0.AddMinutes(6)))
            .Then(c => CaseFlexibility.Close(c, "done", "paid", Ana, T0.AddMinutes(9)));
        var (whole, _) = Count(run.Entries);

        var pieces = new MetricsTotals();
        var cursor = new CaseMetricsCursor();
        foreach (var chunk in run.Entries.Chunk(2))
        {
            Assert.True(MetricsFold.Apply(pieces, cursor, chunk));
            Assert.False(MetricsFold.Apply(pieces, cursor, chunk));
        }

        Assert.False(MetricsFold.Apply(pieces, cursor, run.Entries));
        Assert.Equivalent(whole, pieces, strict: true);
    }

    [Fact]
    public void Apply_SlaBreach_IsCounted()
    {
        var breach = new TimelineEntry("c1-9", "c1", 9, TimelineEntryTypes.SlaBreached, T0, Actor.System, "intake", new Dictionary<string, string>(), "", "");
        var totals = new MetricsTotals();

        MetricsFold.Apply(totals, new CaseMetricsCursor { AppliedSeq = 8 }, [breach]);

        Assert.Equal(1, totals.SlaBreaches);
    }

    private static (MetricsTotals Totals, CaseMetricsCursor Cursor) Count(IEnumerable<TimelineEntry> entries)
    {
        var totals = new MetricsTotals();
        var cursor = new CaseMetricsCursor();
        MetricsFold.Apply(totals, cursor, entries);
        return (totals, cursor);
    }

    // A case opened at T0 and the entries each step wrote.
    private sealed class Steps
    {
        private CaseRecord _case;

        public Steps()
        {
            var opened = CaseLifecycle.Open("c1", "Claim", Template, Ana, T0);
            _case = opened.Case;
            Entries = [.. opened.Entries];
        }

        public List<TimelineEntry> Entries { get; }

        public Steps Then(Func<CaseRecord, CaseChange?> step)
        {
            var change = step(_case) ?? throw new InvalidOperationException("The step changed nothing.");
            Entries.AddRange(change.Entries);
            _case = change.Case;
            return this;
        }
    }
}
