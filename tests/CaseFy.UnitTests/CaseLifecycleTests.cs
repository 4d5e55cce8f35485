using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.UnitTests;

public sealed class CaseLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ana = new("ana-oid", "Ana");

    private static readonly CaseTemplate Template = new()
    {
        Id = "tpl",
        Version = 3,
        Name = "Claims",
        Stages = [new("intake", "Intake"), new("review", "Review")],
        CreatedAt = T0,
        CreatedBy = Actor.System,
    };

    private static CaseRecord Opened() => CaseLifecycle.Open("c1", " Claim 7 ", Template, Ana, T0).Case;

    private static CaseRecord Entered() => CaseLifecycle.EnterStage(Opened(), Template, T0)!.Case;

    [Fact]
    public void Open_NewCase_IsOpenInFirstStageNotYetEnteredWithCreatedEntry()
    {
        var change = CaseLifecycle.Open("c1", " Claim 7 ", Template, Ana, T0);

        Assert.Equal(("Claim 7", CaseStatus.Open, 3), (change.Case.Title, change.Case.Status, change.Case.TemplateVersion));
        Assert.Equal(new CurrentStage(0, "intake", "Intake", null) { Visit = 1 }, change.Case.CurrentStage);
        var entry = Assert.Single(change.Entries);
        Assert.Equal((1L, TimelineEntryTypes.CaseCreated, "intake", Ana), (entry.Seq, entry.Type, entry.Stage, entry.Actor));
        Assert.Equal((1L, entry.Hash), (change.Case.TimelineLength, change.Case.TimelineHead));
    }

    [Fact]
    public void EnterStage_FirstTime_RecordsEntryAndTime()
    {
        var change = CaseLifecycle.EnterStage(Opened(), Template, T0.AddSeconds(1));

        Assert.NotNull(change);
        Assert.Equal(T0.AddSeconds(1), change.Case.CurrentStage.EnteredAt);
        Assert.Equal((2L, TimelineEntryTypes.StageEntered, Actor.System), (change.Entries[0].Seq, change.Entries[0].Type, change.Entries[0].Actor));
    }

    [Fact]
    public void EnterStage_AlreadyEntered_IsNoChangeSoRetriesAreHarmless()
    {
        var entered = CaseLifecycle.EnterStage(Opened(), Template, T0)!.Case;

        Assert.Null(CaseLifecycle.EnterStage(entered, Template, T0.AddSeconds(5)));
    }

    [Fact]
    public void RequestAdvance_OpenCase_RecordsRequestWithoutTimelineEntry()
    {
        var change = CaseLifecycle.RequestAdvance(Entered(), Template, "  all in  ", Ana, T0);

        Assert.Equal(new AdvanceRequest(0, "all in", Ana, T0), change.Case.PendingAdvance);
        Assert.Empty(change.Entries);
    }

    [Fact]
    public void RequestAdvance_FromAStageTheCaseHasLeft_IsRefused()
    {
        var current = Entered();

        Assert.Throws<CaseRuleException>(() => CaseLifecycle.RequestAdvance(current, Template, null, Ana, T0, fromStage: "elsewhere"));
        Assert.NotNull(CaseLifecycle.RequestAdvance(current, Template, null, Ana, T0, fromStage: current.CurrentStage.Key).Case.PendingAdvance);
    }

    [Fact]
    public void RequestAdvance_AlreadyPending_Throws()
    {
        var pending = CaseLifecycle.RequestAdvance(Entered(), Template, null, Ana, T0).Case;

        Assert.Throws<CaseRuleException>(() => CaseLifecycle.RequestAdvance(pending, Template, null, Ana, T0));
    }

    [Fact]
    public void ExitStage_WithRequest_MovesToNextStageNotYetEntered()
    {
        var pending = CaseLifecycle.RequestAdvance(Entered(), Template, "ready", Ana, T0).Case;

        var change = CaseLifecycle.ExitStage(pending, Template, stageIndex: 0, T0.AddMinutes(1))!;

        Assert.Equal(new CurrentStage(1, "review", "Review", null) { Visit = 2 }, change.Case.CurrentStage);
        Assert.Null(change.Case.PendingAdvance);
        var exit = Assert.Single(change.Entries);
        Assert.Equal((TimelineEntryTypes.StageExited, "intake", Ana, "ready"), (exit.Type, exit.Stage, exit.Actor, exit.Data["reason"]));
    }

    [Fact]
    public void ExitStage_LastStage_ClosesCase()
    {
        var inReview = CaseLifecycle.ExitStage(CaseLifecycle.RequestAdvance(Entered(), Template, null, Ana, T0).Case, Template, 0, T0)!.Case;
        var pending = CaseLifecycle.RequestAdvance(CaseLifecycle.EnterStage(inReview, Template, T0)!.Case, Template, null, Ana, T0).Case;

        var change = CaseLifecycle.ExitStage(pending, Template, stageIndex: 1, T0.AddHours(1))!;

        Assert.Equal((CaseStatus.Closed, T0.AddHours(1)), (change.Case.Status, change.Case.ClosedAt));
        Assert.Equal([TimelineEntryTypes.StageExited, TimelineEntryTypes.CaseClosed], change.Entries.Select(e => e.Type));
        Assert.Throws<CaseRuleException>(() => CaseLifecycle.RequestAdvance(change.Case, Template, null, Ana, T0));
    }

    [Fact]
    public void ExitStage_RetryForStageAlreadyLeft_IsNoChange()
    {
        var pending = CaseLifecycle.RequestAdvance(Entered(), Template, null, Ana, T0).Case;
        var moved = CaseLifecycle.ExitStage(pending, Template, 0, T0)!.Case;

        Assert.Null(CaseLifecycle.ExitStage(moved, Template, 0, T0));
    }

    [Fact]
    public void RequestAdvance_StageNotEnteredYet_Throws()
    {
        Assert.Throws<CaseRuleException>(() => CaseLifecycle.RequestAdvance(Opened(), Template, null, Ana, T0));
    }

    [Fact]
    public void ExitStage_WithoutRequest_IsNoChange()
    {
        Assert.Null(CaseLifecycle.ExitStage(Opened(), Template, 0, T0));
    }
}
