using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
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
        Assert.True(change.Case.CurrentStage.ReadyToAdvance);
    }

    [Fact]
    public void EnterAndEvaluate_StageWithoutOnEnterAutomations_EntersAndEvaluatesInOneChangeOnce()
    {
        var template = Template with { Stages = [Template.Stages[2], Template.Stages[0]] };
        var opened = CaseLifecycle.Open("c1", "Claim 7", template, Ana, T0).Case;

        var change = StageEvaluation.EnterAndEvaluate(opened, template, T0)!;

        Assert.Equal([TimelineEntryTypes.StageEntered], change.Entries.Select(e => e.Type));
        Assert.True(change.Case.CurrentStage.ReadyToAdvance);
        Assert.True(StageEvaluation.EvaluatesOnEntry(change.Case, template));
        Assert.Null(StageEvaluation.EnterAndEvaluate(change.Case, template, T0.AddMinutes(1)));

        // An advance asked for before the orchestration's entry ran is the evaluation's to carry out, with no write here.
        var pending = CaseLifecycle.RequestAdvance(change.Case, template, null, Ana, T0).Case;
        Assert.Null(StageEvaluation.EnterAndEvaluate(pending, template, T0.AddMinutes(1)));
    }

    [Fact]
    public void EnterOrEvaluate_StageEnteredAlreadyAndChangedSince_IsEvaluated()
    {
        // Entered by the change that carried an advance out; the decision and the photos came after, and their signal
        // reached the previous generation only: the next generation's entry must see them.
        var template = Template with { Stages = [Template.Stages[1], Template.Stages[2]] };
        var entered = StageEvaluation.EnterAndEvaluate(CaseLifecycle.Open("c1", "Claim 7", template, Ana, T0).Case, template, T0)!.Case;
        var photos = DocumentRules.Accept(DocumentRules.RecordUpload(entered, template, File(entered, "photos", "image/png"), Ana, T0)!.Case, "photos", Ana, T0).Case;
        var decided = DecisionRules.Record(photos, template, "pay", null, Ana, T0).Case;

        var change = StageEvaluation.EnterOrEvaluate(decided, template, T0.AddMinutes(1))!;

        Assert.Null(StageEvaluation.EnterAndEvaluate(decided, template, T0.AddMinutes(1)));
        Assert.Equal([TimelineEntryTypes.StageExited, TimelineEntryTypes.StageEntered], change.Entries.Select(e => e.Type));
        Assert.Equal(("pay", 2), (change.Case.CurrentStage.Key, change.Case.CurrentStage.Visit));
        Assert.Null(StageEvaluation.EnterOrEvaluate(change.Case, template, T0.AddMinutes(2)));
    }

    [Fact]
    public void EnterAndEvaluate_StageWithOnEnterAutomations_OnlyEnters()
    {
        var withAutomation = Template.Stages[2] with { OnEnter = [new AutomationDefinition { Type = AutomationType.PublishEvent, Event = "paying" }] };
        var template = Template with { Stages = [withAutomation, Template.Stages[0]] };
        var opened = CaseLifecycle.Open("c1", "Claim 7", template, Ana, T0).Case;

        var change = StageEvaluation.EnterAndEvaluate(opened, template, T0)!;

        Assert.Equal([TimelineEntryTypes.StageEntered], change.Entries.Select(e => e.Type));
        Assert.False(change.Case.CurrentStage.ReadyToAdvance);
        Assert.False(StageEvaluation.EvaluatesOnEntry(change.Case, template));
    }

    [Fact]
    public void EvaluateAndMoveOn_StageWithOnExitAutomations_OnlyEvaluates()
    {
        var pending = CaseLifecycle.RequestAdvance(IntakeDone(), Template, null, Ana, T0).Case;

        var change = StageEvaluation.EvaluateAndMoveOn(pending, Template, 1, T0);

        Assert.Equal("intake", (change?.Case ?? pending).CurrentStage.Key);
    }

    [Fact]
    public void Advance_OutOfAStageWithNothingToRun_IsCarriedOutInTheRequestsOwnChange()
    {
        var template = Template with { Stages = [Template.Stages[2], new("done", "Done")] };
        var entered = StageEvaluation.EnterAndEvaluate(CaseLifecycle.Open("c1", "Claim 7", template, Ana, T0).Case, template, T0)!.Case;

        var change = StageEvaluation.Advance(entered, template, "all paid", Ana, T0.AddMinutes(1));

        Assert.Equal([TimelineEntryTypes.StageExited, TimelineEntryTypes.StageEntered], change.Entries.Select(e => e.Type));
        Assert.Equal(("all paid", Ana), (change.Entries[0].Data["reason"], change.Entries[0].Actor));
        Assert.Equal(("done", 2, true), (change.Case.CurrentStage.Key, change.Case.CurrentStage.Visit, change.Case.CurrentStage.ReadyToAdvance));
        Assert.NotNull(change.Case.CurrentStage.EnteredAt);
        Assert.Null(change.Case.PendingAdvance);

        // Out of the last stage: closed in the same change.
        var closed = StageEvaluation.Advance(change.Case, template, null, Ana, T0.AddMinutes(2));
        Assert.Equal([TimelineEntryTypes.StageExited, TimelineEntryTypes.CaseClosed], closed.Entries.Select(e => e.Type));
        Assert.Equal(CaseStatus.Closed, closed.Case.Status);
    }

    [Fact]
    public void Advance_IntoAStageWithOnEnterAutomations_LeavesItForTheOrchestrationToEnter()
    {
        var template = Template with { Stages = [Template.Stages[2], Template.Stages[0]] };
        var entered = StageEvaluation.EnterAndEvaluate(CaseLifecycle.Open("c1", "Claim 7", template, Ana, T0).Case, template, T0)!.Case;

        var change = StageEvaluation.Advance(entered, template, null, Ana, T0);

        Assert.Equal([TimelineEntryTypes.StageExited], change.Entries.Select(e => e.Type));
        Assert.Equal(("intake", 2), (change.Case.CurrentStage.Key, change.Case.CurrentStage.Visit));
        Assert.Null(change.Case.CurrentStage.EnteredAt);
    }

    public static TheoryData<string> EngineRunsFirst => ["on-exit automations", "on-enter automations not all run", "breach webhook not run"];

    [Theory]
    [MemberData(nameof(EngineRunsFirst))]
    public void Advance_WhileTheEngineHasAutomationsToRunInTheStage_IsOnlyRecorded(string state)
    {
        var hook = new AutomationDefinition { Type = AutomationType.PublishEvent, Event = "paying" };
        var pay = Template.Stages[2];
        var (stage, done) = state switch
        {
            "on-exit automations" => (pay with { OnExit = [hook] }, Array.Empty<string>()),
            "on-enter automations not all run" => (pay with { OnEnter = [hook, hook] }, ["enter-0"]),
            _ => (pay with { SlaHours = 1, OnBreach = new BreachAction("owner", "https://example.org/breach", "fedcba9876543210") }, [AutomationRules.RunId(AutomationPhase.Enter, 0)]),
        };
        var template = Template with { Stages = [stage, new("done", "Done")] };
        var entered = CaseLifecycle.EnterStage(CaseLifecycle.Open("c1", "Claim 7", template, Ana, T0).Case, template, T0)!.Case;
        entered = entered with { CurrentStage = entered.CurrentStage with { AutomationsDone = done } };
        var at = state == "breach webhook not run" ? T0.AddHours(2) : T0;

        var change = StageEvaluation.Advance(entered, template, null, Ana, at);

        Assert.Equal(("pay", 1), (change.Case.CurrentStage.Key, change.Case.CurrentStage.Visit));
        Assert.Equal(new AdvanceRequest(0, null, Ana, at), change.Case.PendingAdvance);
        Assert.DoesNotContain(change.Entries, e => e.Type == TimelineEntryTypes.StageExited);

        // Once the engine has run them, the same request is carried out at once.
        var ran = entered with { CurrentStage = entered.CurrentStage with { AutomationsDone = ["enter-0", "enter-1", "breach"], SlaBreached = at > T0 } };
        Assert.Equal(state != "on-exit automations", StageEvaluation.Advance(ran, template, null, Ana, at).Case.CurrentStage.Visit == 2);
    }

    [Fact]
    public void NextWakeAt_IsTheEarliestOfTheSlaOpenDueTimesAndRemindersNotYetSent()
    {
        var entered = Entered();
        var reminded = StageEvaluation.Evaluate(entered, Template, 1, T0.AddHours(0.8))!.Case;
        var withoutTask = TaskRules.Complete(entered, "t1", null, Ana, T0).Case;
        var slaReminded = StageEvaluation.Evaluate(withoutTask, Template, 1, T0.AddHours(1.8))!.Case;
        var breached = StageEvaluation.Evaluate(withoutTask, Template, 1, T0.AddHours(3))!.Case;

        Assert.Equal(T0.AddHours(0.75), StageEvaluation.NextWakeAt(entered, Template));
        Assert.Equal(T0.AddHours(1), StageEvaluation.NextWakeAt(reminded, Template));
        Assert.Equal(T0.AddHours(1.75), StageEvaluation.NextWakeAt(withoutTask, Template));
        Assert.Equal(T0.AddHours(2), StageEvaluation.NextWakeAt(slaReminded, Template));
        Assert.Equal(T0.AddHours(2), StageEvaluation.NextWakeAt(withoutTask, Template with { Reminders = null }));
        Assert.Null(StageEvaluation.NextWakeAt(breached, Template));
    }

    [Fact]
    public void Evaluate_WithinTheTasksLeadTime_RemindsOnceAndTheOverdueStillFollows()
    {
        Assert.Null(StageEvaluation.Evaluate(Entered(), Template, 1, T0.AddHours(0.7)));

        var reminded = StageEvaluation.Evaluate(Entered(), Template, 1, T0.AddHours(0.8))!;

        var entry = Assert.Single(reminded.Entries);
        Assert.Equal((TimelineEntryTypes.TaskDueSoon, "t1", "2026-11-25T10:00:00.0000000Z"), (entry.Type, entry.Data["taskId"], entry.Data["dueAt"]));
        Assert.True(reminded.Case.Tasks[0].Reminded);
        Assert.False(reminded.Case.Overdue);
        Assert.Null(StageEvaluation.Evaluate(reminded.Case, Template, 1, T0.AddHours(0.9)));
        var overdue = StageEvaluation.Evaluate(reminded.Case, Template, 1, T0.AddHours(1.1))!;
        Assert.Equal([TimelineEntryTypes.TaskOverdue], overdue.Entries.Select(e => e.Type));
    }

    [Fact]
    public void Evaluate_WithinTheSlaLeadTime_RemindsOnceThenTheBreachComesAlone()
    {
        var current = TaskRules.Complete(Entered(), "t1", null, Ana, T0).Case;

        var reminded = StageEvaluation.Evaluate(current, Template, 1, T0.AddHours(1.8))!;

        var entry = Assert.Single(reminded.Entries);
        Assert.Equal((TimelineEntryTypes.SlaDueSoon, "Intake"), (entry.Type, entry.Data["stageName"]));
        Assert.True(reminded.Case.CurrentStage.SlaReminded);
        Assert.Null(StageEvaluation.Evaluate(reminded.Case, Template, 1, T0.AddHours(1.9)));
        var breached = StageEvaluation.Evaluate(reminded.Case, Template, 1, T0.AddHours(2.1))!;
        Assert.Equal([TimelineEntryTypes.SlaBreached, TimelineEntryTypes.TaskCreated], breached.Entries.Select(e => e.Type));
    }

    [Fact]
    public void Evaluate_TemplateWithoutReminders_NeverRemindsOfTheSlaOrTasks()
    {
        var withoutReminders = Template with { Reminders = null };

        Assert.Null(StageEvaluation.Evaluate(Entered(), withoutReminders, 1, T0));
        Assert.Null(StageEvaluation.Evaluate(Entered(), withoutReminders, 1, T0.AddHours(0.9)));
        var overdue = StageEvaluation.Evaluate(Entered(), withoutReminders, 1, T0.AddHours(1.9))!;
        Assert.Equal([TimelineEntryTypes.TaskOverdue], overdue.Entries.Select(e => e.Type));
    }

    [Fact]
    public void Evaluate_FirstLookPastTheDueTime_IsTheOverdueWithoutALateReminder()
    {
        var change = StageEvaluation.Evaluate(Entered(), Template, 1, T0.AddHours(1.5))!;

        Assert.Equal([TimelineEntryTypes.TaskOverdue], change.Entries.Select(e => e.Type));
        Assert.False(change.Case.Tasks[0].Reminded);
    }

    [Fact]
    public void Evaluate_TaskCreatedInsideItsLeadTime_IsRemindedAtOnce()
    {
        var added = TaskRules.Add(Entered(), new NewTask("Call back", null, null, T0.AddMinutes(20), null), Ana, T0.AddMinutes(10)).Case;

        var change = StageEvaluation.Evaluate(added, Template, 1, T0.AddMinutes(10))!;

        var entry = Assert.Single(change.Entries);
        Assert.Equal((TimelineEntryTypes.TaskDueSoon, "Call back"), (entry.Type, entry.Data["title"]));
    }

    [Fact]
    public void Evaluate_AfterAHold_RemindsAtTheShiftedTime()
    {
        var held = CaseFlexibility.Hold(Entered(), null, Ana, T0.AddHours(0.5)).Case;
        Assert.Null(StageEvaluation.Evaluate(held, Template, 1, T0.AddHours(0.8)));
        var resumed = CaseFlexibility.Resume(held, null, Ana, T0.AddHours(1.5)).Case;

        Assert.Equal(T0.AddHours(1.75), StageEvaluation.NextWakeAt(resumed, Template));
        Assert.Null(StageEvaluation.Evaluate(resumed, Template, 1, T0.AddHours(1.7)));
        var reminded = StageEvaluation.Evaluate(resumed, Template, 1, T0.AddHours(1.8))!;
        Assert.Equal([TimelineEntryTypes.TaskDueSoon], reminded.Entries.Select(e => e.Type));
        Assert.Equal("2026-11-25T11:00:00.0000000Z", reminded.Entries[0].Data["dueAt"]);
    }

    [Fact]
    public void Evaluate_NewDueTimeAfterTheReminder_IsRemindedAgain()
    {
        var reminded = StageEvaluation.Evaluate(Entered(), Template, 1, T0.AddHours(0.8))!.Case;

        var moved = TaskRules.SetDue(reminded, "t1", T0.AddHours(1.5), Ana, T0.AddHours(0.9))!.Case;

        Assert.False(moved.Tasks[0].Reminded);
        Assert.Null(StageEvaluation.Evaluate(moved, Template, 1, T0.AddHours(1.2)));
        Assert.Equal([TimelineEntryTypes.TaskDueSoon], StageEvaluation.Evaluate(moved, Template, 1, T0.AddHours(1.3))!.Entries.Select(e => e.Type));
    }
}
