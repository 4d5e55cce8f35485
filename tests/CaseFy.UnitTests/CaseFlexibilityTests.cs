using System.Globalization;
using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

public sealed class CaseFlexibilityTests
{
    [Fact]
    public void Move_ToAnotherStage_StartsANewVisitThereWithoutEnteringIt()
    {
        var pending = CaseLifecycle.RequestAdvance(IntakeDone(), Template, null, Ana, T0).Case;

        var change = CaseFlexibility.Move(pending, Template, "pay", " skip ", Bo, T0);

        Assert.Equal(new CurrentStage(2, "pay", "Pay", null) { Visit = 2 }, change.Case.CurrentStage);
        Assert.Null(change.Case.PendingAdvance);
        var entry = Assert.Single(change.Entries);
        Assert.Equal((TimelineEntryTypes.StageMoved, "intake", "intake", "pay", "skip"), (entry.Type, entry.Stage, entry.Data["from"], entry.Data["to"], entry.Data["reason"]));
    }

    public static TheoryData<string, Type> MoveRefusals => new()
    {
        { "same stage", typeof(CaseRuleException) },
        { "closed", typeof(CaseRuleException) },
        { "unknown stage", typeof(CaseItemMissingException) },
    };

    [Theory]
    [MemberData(nameof(MoveRefusals))]
    public void Move_Refused(string why, Type exception)
    {
        var (current, stage) = why switch
        {
            "same stage" => (Entered(), "intake"),
            "closed" => (Closed(), "pay"),
            _ => (Entered(), "nowhere"),
        };

        Assert.Throws(exception, () => CaseFlexibility.Move(current, Template, stage, "r", Ana, T0));
    }

    [Fact]
    public void HoldThenResume_RecordsBothAndClearsReadyToAdvance()
    {
        var ready = IntakeDone() with { CurrentStage = IntakeDone().CurrentStage with { ReadyToAdvance = true } };

        var held = CaseFlexibility.Hold(ready, " away ", Ana, T0);
        var resumed = CaseFlexibility.Resume(held.Case, null, Ana, T0);

        Assert.Equal((CaseStatus.OnHold, false), (held.Case.Status, held.Case.CurrentStage.ReadyToAdvance));
        Assert.Equal((TimelineEntryTypes.CaseOnHold, "away"), (held.Entries[0].Type, held.Entries[0].Data["reason"]));
        Assert.Equal(CaseStatus.Open, resumed.Case.Status);
        Assert.Equal(TimelineEntryTypes.CaseResumed, resumed.Entries[0].Type);
        Assert.False(resumed.Entries[0].Data.ContainsKey("reason"));
    }

    [Fact]
    public void Resume_AfterHold_MovesSlaAndOpenTaskDueTimesByTheTimeHeld()
    {
        var entered = Entered();
        var held = CaseFlexibility.Hold(entered, null, Ana, T0.AddMinutes(30)).Case;

        var resumed = CaseFlexibility.Resume(held, null, Bo, T0.AddHours(5).AddMinutes(30));

        var fiveHours = TimeSpan.FromHours(5);
        Assert.Equal(entered.CurrentStage.SlaDueAt + fiveHours, resumed.Case.CurrentStage.SlaDueAt);
        Assert.Equal(entered.Tasks.Single(t => t.Id == "t1").DueAt + fiveHours, resumed.Case.Tasks.Single(t => t.Id == "t1").DueAt);
        Assert.All(resumed.Case.Tasks.Where(t => t.DueAt is null), t => Assert.Null(entered.Tasks.Single(e => e.Id == t.Id).DueAt));
        Assert.Null(resumed.Case.HeldSince);
        Assert.Equal(("18000", T0.AddHours(7).UtcDateTime.ToString("O", CultureInfo.InvariantCulture)), (resumed.Entries[0].Data["heldSeconds"], resumed.Entries[0].Data["slaDueAt"]));
        var evaluated = StageEvaluation.Evaluate(resumed.Case, Template, resumed.Case.CurrentStage.Visit, T0.AddHours(5).AddMinutes(31));
        Assert.DoesNotContain(evaluated?.Entries ?? [], e => e.Type is TimelineEntryTypes.TaskOverdue or TimelineEntryTypes.SlaBreached);
    }

    [Fact]
    public void Resume_LeavesOverdueTaskAndBreachedSlaTimesAlone()
    {
        var breached = StageEvaluation.Evaluate(Entered(), Template, 1, T0.AddHours(3))!.Case;
        var held = CaseFlexibility.Hold(breached, null, Ana, T0.AddHours(3)).Case;

        var resumed = CaseFlexibility.Resume(held, null, Ana, T0.AddHours(10)).Case;

        Assert.True(breached.CurrentStage.SlaBreached && breached.Tasks.Single(t => t.Id == "t1").Overdue);
        Assert.Equal(breached.CurrentStage.SlaDueAt, resumed.CurrentStage.SlaDueAt);
        Assert.Equal(breached.Tasks.Select(t => t.DueAt), resumed.Tasks.Select(t => t.DueAt));
    }

    [Fact]
    public void Resume_OfAHoldWithoutAStart_MovesNothing()
    {
        var legacy = CaseFlexibility.Hold(Entered(), null, Ana, T0).Case with { HeldSince = null };

        var resumed = CaseFlexibility.Resume(legacy, null, Ana, T0.AddHours(4));

        Assert.Equal(Entered().CurrentStage.SlaDueAt, resumed.Case.CurrentStage.SlaDueAt);
        Assert.Equal("0", resumed.Entries[0].Data["heldSeconds"]);
    }

    [Fact]
    public void Hold_WhenOnHoldOrClosed_AndResume_WhenNotOnHold_AreRefused()
    {
        var held = CaseFlexibility.Hold(Entered(), null, Ana, T0).Case;

        Assert.Throws<CaseRuleException>(() => CaseFlexibility.Hold(held, null, Ana, T0));
        Assert.Throws<CaseRuleException>(() => CaseFlexibility.Hold(Closed(), null, Ana, T0));
        Assert.Throws<CaseRuleException>(() => CaseFlexibility.Resume(Entered(), null, Ana, T0));
    }

    [Theory]
    [InlineData(null, "closed-early")]
    [InlineData("withdrawn", "withdrawn")]
    public void Close_Early_ClosesWithTheOutcomeWhateverTheCriteria(string? outcome, string expected)
    {
        var change = CaseFlexibility.Close(Entered(), " customer left ", outcome, Ana, T0);

        Assert.Equal((CaseStatus.Closed, expected, (DateTimeOffset?)T0), (change.Case.Status, change.Case.Outcome, change.Case.ClosedAt));
        Assert.Equal(("true", "customer left"), (change.Entries[0].Data["early"], change.Entries[0].Data["reason"]));
        Assert.Throws<CaseRuleException>(() => CaseFlexibility.Close(change.Case, "again", null, Ana, T0));
    }

    [Fact]
    public void Reopen_ClosedCase_IsANewVisitOfTheStageItClosedIn()
    {
        var change = CaseFlexibility.Reopen(Closed(), Template, "more to do", Bo, T0);

        Assert.Equal((CaseStatus.Open, (DateTimeOffset?)null, (string?)null), (change.Case.Status, change.Case.ClosedAt, change.Case.Outcome));
        Assert.Equal(new CurrentStage(0, "intake", "Intake", null) { Visit = 2 }, change.Case.CurrentStage);
        Assert.Equal((TimelineEntryTypes.CaseReopened, "more to do"), (change.Entries[0].Type, change.Entries[0].Data["reason"]));
        Assert.Throws<CaseRuleException>(() => CaseFlexibility.Reopen(change.Case, Template, null, Bo, T0));
    }

    [Fact]
    public void Comment_IsOnTheTimelineOnly()
    {
        var current = Entered();

        var change = CaseFlexibility.Comment(current, "  looks fine ", Bo, T0);

        Assert.Equal((TimelineEntryTypes.CommentAdded, "looks fine", Bo), (change.Entries[0].Type, change.Entries[0].Data["text"], change.Entries[0].Actor));
        Assert.Equal(current.Tasks, change.Case.Tasks);
        Assert.Equal(current.TimelineLength + 1, change.Case.TimelineLength);
    }
}
