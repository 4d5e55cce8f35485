using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

public sealed class StageEvaluationTests
{
    public static TheoryData<string> NothingToDo => ["not entered", "closed", "on hold", "another visit", "nothing due"];

    [Theory]
    [MemberData(nameof(NothingToDo))]
    public void Evaluate_NothingToDo_IsNoChange(string state)
    {
        var (current, visit, at) = state switch
        {
            "not entered" => (Opened(), 1, T0.AddDays(1)),
            "closed" => (Closed(), 1, T0.AddDays(1)),
            "on hold" => (CaseFlexibility.Hold(Entered(), null, Ana, T0).Case, 1, T0.AddDays(1)),
            "another visit" => (Entered(), 2, T0.AddDays(1)),
            _ => (Entered(), 1, T0.AddMinutes(1)),
        };

        Assert.Null(StageEvaluation.Evaluate(current, Template, visit, at));
    }

    [Fact]
    public void Evaluate_PastTheTaskDueTime_MarksItOverdueOnce()
    {
        var change = StageEvaluation.Evaluate(Entered(), Template, 1, T0.AddHours(1.5))!;

        Assert.Equal([TimelineEntryTypes.TaskOverdue], change.Entries.Select(e => e.Type));
        Assert.True(change.Case.Overdue);
        Assert.Null(StageEvaluation.Evaluate(change.Case, Template, 1, T0.AddHours(1.6)));
    }

    [Fact]
    public void Evaluate_PastTheSla_RecordsTheBreachAndAnOptionalEscalationTaskOnce()
    {
        var current = TaskRules.Complete(Entered(), "t1", null, Ana, T0).Case;

        var change = StageEvaluation.Evaluate(current, Template, 1, T0.AddHours(3))!;

        Assert.Equal([TimelineEntryTypes.SlaBreached, TimelineEntryTypes.TaskCreated], change.Entries.Select(e => e.Type));
        var escalation = change.Case.Tasks[^1];
        Assert.Equal(("sla-escalation", false, Ana), (escalation.Key, escalation.Required, escalation.Assignee));
        Assert.True(change.Case.CurrentStage.SlaBreached && change.Case.Overdue);
        Assert.Null(StageEvaluation.Evaluate(change.Case, Template, 1, T0.AddHours(4)));
    }

    [Fact]
    public void Evaluate_ManualStageWithCriteriaMet_IsReadyToAdvance()
    {
        var change = StageEvaluation.Evaluate(IntakeDone(), Template, 1, T0)!;

        Assert.True(change.Case.CurrentStage.ReadyToAdvance);
        Assert.Null(change.Case.PendingAdvance);
        Assert.Empty(change.Entries);
    }

    [Fact]
    public void Evaluate_AutoStageWithCriteriaMet_RequestsTheAdvanceAsCaseFy()
    {
        var decided = DecisionRules.Record(InAssess(), Template, "reject", null, Ana, T0).Case;

        var change = StageEvaluation.Evaluate(decided, Template, 2, T0)!;

        Assert.Equal(new AdvanceRequest(1, null, Actor.System, T0), change.Case.PendingAdvance);
        Assert.False(change.Case.CurrentStage.ReadyToAdvance);
    }

    [Fact]
    public void EvaluateAndMoveOn_AutoStageWithoutOnExit_LeavesAndEntersTheNextInOneChange()
    {
        var photos = DocumentRules.Accept(Uploaded(InAssess(), "photos", "image/png"), "photos", Ana, T0).Case;
        var decided = DecisionRules.Record(photos, Template, "pay", null, Ana, T0).Case;

        var change = StageEvaluation.EvaluateAndMoveOn(decided, Template, 2, T0)!;

        Assert.Equal([TimelineEntryTypes.StageExited, TimelineEntryTypes.StageEntered], change.Entries.Select(e => e.Type));
        Assert.Equal(("pay", 3), (change.Case.CurrentStage.Key, change.Case.CurrentStage.Visit));
        Assert.NotNull(change.Case.CurrentStage.EnteredAt);
    }

    [Fact]
    public void EvaluateAndMoveOn_StageWithOnExitAutomations_OnlyEvaluates()
    {
        var pending = CaseLifecycle.RequestAdvance(IntakeDone(), Template, null, Ana, T0).Case;

        var change = StageEvaluation.EvaluateAndMoveOn(pending, Template, 1, T0);

        Assert.Equal("intake", (change?.Case ?? pending).CurrentStage.Key);
    }

    [Fact]
    public void NextWakeAt_IsTheEarliestOfTheSlaAndOpenDueTimes()
    {
        var entered = Entered();
        var withoutTask = TaskRules.Complete(entered, "t1", null, Ana, T0).Case;
        var breached = StageEvaluation.Evaluate(withoutTask, Template, 1, T0.AddHours(3))!.Case;

        Assert.Equal(T0.AddHours(1), StageEvaluation.NextWakeAt(entered));
        Assert.Equal(T0.AddHours(2), StageEvaluation.NextWakeAt(withoutTask));
        Assert.Null(StageEvaluation.NextWakeAt(breached));
    }
}
