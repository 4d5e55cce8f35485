using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.UnitTests;

public sealed class ExitCriteriaTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ana = new("ana", "Ana");

    private static readonly CaseTemplate Template = new()
    {
        Id = "tpl",
        Version = 1,
        Name = "Claims",
        Stages =
        [
            new("assess", "Assess")
            {
                Documents = [new DocumentRequirement("form", "Form", DocumentProvider.External, ["application/pdf"], 1000)],
                Tasks = [new TaskDefinition("check", "Check", "owner", DueInHours: 1, Required: true)],
                Decision = new DecisionDefinition("Covered?",
                [
                    new DecisionOption("pay", "Pay", "next"),
                    new DecisionOption("again", "Again", "goToStage:assess"),
                    new DecisionOption("reject", "Reject", "close:rejected"),
                ]),
                Advance = AdvanceMode.Auto,
            },
            new("pay", "Pay"),
        ],
        CreatedAt = T0,
        CreatedBy = Actor.System,
    };

    private static CaseRecord Entered() =>
        CaseLifecycle.EnterStage(CaseLifecycle.Open("c1", "Claim", Template, Ana, T0).Case, Template, T0)!.Case;

    // The assess stage's task done and its document accepted: only the decision is left.
    private static CaseRecord Complete(CaseRecord current)
    {
        current = TaskRules.Complete(current, "t1", null, Ana, T0).Case;
        var upload = new UploadedFile("form", DocumentRules.BlobName("c1", "form", 1), "form.pdf", "application/pdf", 10);
        current = DocumentRules.RecordUpload(current, Template, upload, Ana, T0)!.Case;
        return DocumentRules.Accept(current, "form", Ana, T0).Case;
    }

    [Fact]
    public void Evaluate_FreshStage_ListsDecisionDocumentAndTask()
    {
        var result = ExitCriteria.Evaluate(Entered(), Template.Stages[0]);

        Assert.False(result.Met);
        Assert.Equal(["decision", "document:form", "task:t1"], result.Missing);
    }

    [Fact]
    public void Evaluate_RejectingDecision_NeedsNothingElseAndRoutesToClose()
    {
        var decided = DecisionRules.Record(Entered(), Template, "reject", "no cover", Ana, T0).Case;

        var result = ExitCriteria.Evaluate(decided, Template.Stages[0]);

        Assert.True(result.Met);
        Assert.Equal(new StageRoute(StageRouteKind.Close, "rejected"), result.Route);
    }

    [Fact]
    public void Evaluation_AutoStageMet_RequestsAdvanceAndExitFollowsRoute()
    {
        var current = DecisionRules.Record(Complete(Entered()), Template, "again", null, Ana, T0).Case;

        var evaluated = StageEvaluation.Evaluate(current, Template, visit: 1, T0)!.Case;
        var exited = CaseLifecycle.ExitStage(evaluated, Template, 0, T0)!.Case;

        Assert.NotNull(evaluated.PendingAdvance);
        Assert.Equal(("assess", 2, (DateTimeOffset?)null), (exited.CurrentStage.Key, exited.CurrentStage.Visit, exited.CurrentStage.EnteredAt));
        Assert.Null(StageEvaluation.Evaluate(evaluated, Template, visit: 1, T0));
    }

    [Fact]
    public void EvaluateAndMoveOn_AutoStageMetWithoutExitAutomations_ExitsAndEntersNextInOneChange()
    {
        var decided = DecisionRules.Record(Complete(Entered()), Template, "pay", null, Ana, T0).Case;

        var change = StageEvaluation.EvaluateAndMoveOn(decided, Template, visit: 1, T0)!;

        Assert.Equal([TimelineEntryTypes.StageExited, TimelineEntryTypes.StageEntered], change.Entries.Select(e => e.Type));
        Assert.Equal(("pay", 2, (DateTimeOffset?)T0), (change.Case.CurrentStage.Key, change.Case.CurrentStage.Visit, change.Case.CurrentStage.EnteredAt));
        Assert.Null(change.Case.PendingAdvance);
        Assert.Equal(decided.TimelineLength + 2, change.Case.TimelineLength);
        Assert.Null(StageEvaluation.EvaluateAndMoveOn(change.Case, Template, visit: 1, T0));
    }

    [Fact]
    public void EvaluateAndMoveOn_ClosingRoute_ClosesWithoutEnteringAnything()
    {
        var decided = DecisionRules.Record(Complete(Entered()), Template, "reject", null, Ana, T0).Case;

        var change = StageEvaluation.EvaluateAndMoveOn(decided, Template, visit: 1, T0)!;

        Assert.Equal([TimelineEntryTypes.StageExited, TimelineEntryTypes.CaseClosed], change.Entries.Select(e => e.Type));
        Assert.Equal((CaseStatus.Closed, "rejected"), (change.Case.Status, change.Case.Outcome));
    }

    [Fact]
    public void EvaluateAndMoveOn_StageWithExitAutomations_OnlyRequestsTheAdvance()
    {
        var automation = new AutomationDefinition { Type = AutomationType.PublishEvent, Event = "assessed" };
        var template = Template with { Stages = [Template.Stages[0] with { OnExit = [automation] }, Template.Stages[1]] };
        var decided = DecisionRules.Record(Complete(Entered()), template, "pay", null, Ana, T0).Case;

        var change = StageEvaluation.EvaluateAndMoveOn(decided, template, visit: 1, T0)!;

        Assert.Empty(change.Entries);
        Assert.Equal(("assess", 0), (change.Case.CurrentStage.Key, change.Case.PendingAdvance?.StageIndex));
    }

    [Fact]
    public void Evaluation_PastDueTask_MarksOverdueOnceAndCaseShowsOverdue()
    {
        var overdue = StageEvaluation.Evaluate(Entered(), Template, visit: 1, T0.AddHours(2))!;

        Assert.True(overdue.Case.Overdue);
        Assert.Single(overdue.Entries, e => e.Type == TimelineEntryTypes.TaskOverdue);
        Assert.Null(StageEvaluation.Evaluate(overdue.Case, Template, visit: 1, T0.AddHours(3)));
    }

    [Fact]
    public void Automation_RunTwice_IsRecordedOnce()
    {
        var automation = new AutomationDefinition { Type = AutomationType.PublishEvent, Event = "claim-received" };
        var once = AutomationRules.Apply(Entered(), Template, automation, visit: 1, "enter-0", T0)!;

        Assert.Equal([TimelineEntryTypes.EventRaised, TimelineEntryTypes.AutomationRan], once.Entries.Select(e => e.Type));
        Assert.Equal("claim-received", once.Entries[0].Data["event"]);
        Assert.True(LifecycleEntryTypes.IsLifecycle(once.Entries[0].Type));
        Assert.Null(AutomationRules.Apply(once.Case, Template, automation, visit: 1, "enter-0", T0));
    }
}
