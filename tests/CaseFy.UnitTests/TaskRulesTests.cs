using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

public sealed class TaskRulesTests
{
    private static readonly DateTimeOffset Later = T0.AddHours(3);

    [Fact]
    public void Add_ByRole_ResolvesTheOwnerAndIsNotRequiredByDefault()
    {
        var change = TaskRules.Add(Entered(), new NewTask(" Call back ", null, "owner", Later, null), Bo, T0);

        var task = change.Case.Tasks[^1];
        Assert.Equal(("t2", "Call back", Ana, "owner", false, Later), (task.Id, task.Title, task.Assignee, task.AssigneeRole, task.Required, task.DueAt));
        var entry = Assert.Single(change.Entries);
        Assert.Equal((TimelineEntryTypes.TaskCreated, Bo), (entry.Type, entry.Actor));
        Assert.Equal(("t2", "false", "ana-oid", "owner"), (entry.Data["taskId"], entry.Data["required"], entry.Data["assigneeId"], entry.Data["assigneeRole"]));
    }

    [Fact]
    public void Add_ToAPerson_KeepsNoRoleAndMayBeRequired()
    {
        var task = TaskRules.Add(EnteredWithBo(), new NewTask("Sign", Bo, null, null, true), Ana, T0).Case.Tasks[^1];

        Assert.Equal((Bo, (string?)null, true, (DateTimeOffset?)null), (task.Assignee, task.AssigneeRole, task.Required, task.DueAt));
    }

    [Fact]
    public void Add_BeyondTheTaskLimit_IsRefused()
    {
        var full = Entered() with { Tasks = [.. Enumerable.Repeat(Entered().Tasks[0], CaseLimits.MaxTasks)] };

        Assert.Throws<CaseRuleException>(() => TaskRules.Add(full, new NewTask("One more", null, null, null, null), Ana, T0));
    }

    public static TheoryData<string> Refusals => ["add", "assign", "due", "complete", "reopen"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public void EveryAction_OnAClosedCase_IsRefused(string action)
    {
        var closed = Closed();

        Assert.Throws<CaseRuleException>(() => Act(action, closed, "t1"));
    }

    [Theory]
    [InlineData("assign")]
    [InlineData("due")]
    [InlineData("complete")]
    [InlineData("reopen")]
    public void EveryAction_OnAnUnknownTask_IsMissing(string action)
    {
        Assert.Throws<CaseItemMissingException>(() => Act(action, Entered(), "t99"));
    }

    [Fact]
    public void Assign_ToAPerson_RecordsThemAndDropsTheRole()
    {
        var change = TaskRules.Assign(EnteredWithBo(), "t1", Bo, null, Ana, T0)!;

        Assert.Equal((Bo, (string?)null), (change.Case.Tasks[0].Assignee, change.Case.Tasks[0].AssigneeRole));
        Assert.Equal((TimelineEntryTypes.TaskAssigned, "bo-oid"), (change.Entries[0].Type, change.Entries[0].Data["assigneeId"]));
    }

    [Fact]
    public void Assign_TheSameAssigneeAgain_IsNoChange()
    {
        var assigned = TaskRules.Assign(EnteredWithBo(), "t1", Bo, null, Ana, T0)!.Case;

        Assert.Null(TaskRules.Assign(assigned, "t1", Bo, null, Ana, T0));
    }

    [Fact]
    public void AssignOrAdd_ToSomeoneNotOnTheCase_IsMissingTheAssignee()
    {
        var assign = Assert.Throws<CaseItemMissingException>(() => TaskRules.Assign(Entered(), "t1", Bo, null, Ana, T0));
        var add = Assert.Throws<CaseItemMissingException>(() => TaskRules.Add(Entered(), new NewTask("Sign", Bo, null, null, null), Ana, T0));

        Assert.Equal((TaskRules.AssigneeItem, TaskRules.AssigneeItem), (assign.Message, add.Message));
    }

    [Fact]
    public void Assign_AParticipantByIdInAnotherCaseOrName_RecordsThemAsTheCaseKnowsThem()
    {
        var task = TaskRules.Assign(EnteredWithBo(), "t1", new Actor("BO-OID", "Someone else"), null, Ana, T0)!.Case.Tasks[0];

        Assert.Equal(Bo, task.Assignee);
    }

    [Fact]
    public void Assign_ToARoleNobodyHolds_LeavesItUnassignedWithTheRole()
    {
        var task = TaskRules.Assign(Entered(), "t1", null, "hr-partner", Ana, T0)!.Case.Tasks[0];

        Assert.Equal(((Actor?)null, "hr-partner"), (task.Assignee, task.AssigneeRole));
    }

    [Fact]
    public void SetDue_NewTime_IsRecordedAndClearingItToo()
    {
        var set = TaskRules.SetDue(Entered(), "t1", Later, Ana, T0)!;
        var cleared = TaskRules.SetDue(set.Case, "t1", null, Ana, T0)!;

        Assert.Equal(Later, set.Case.Tasks[0].DueAt);
        Assert.Equal(Later, DateTimeOffset.Parse(set.Entries[0].Data["dueAt"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(cleared.Case.Tasks[0].DueAt);
        Assert.False(cleared.Entries[0].Data.ContainsKey("dueAt"));
        Assert.Equal(TimelineEntryTypes.TaskDueChanged, cleared.Entries[0].Type);
    }

    [Fact]
    public void SetDue_SameTime_IsNoChange()
    {
        var current = Entered();

        Assert.Null(TaskRules.SetDue(current, "t1", current.Tasks[0].DueAt, Ana, T0));
    }

    [Fact]
    public void SetDue_IntoTheFuture_ClearsTheOverdueMark()
    {
        var overdue = StageEvaluation.Evaluate(Entered(), Template, 1, T0.AddHours(1.5))!.Case;
        Assert.True(overdue.Tasks[0].Overdue);

        var moved = TaskRules.SetDue(overdue, "t1", T0.AddHours(5), Ana, T0.AddHours(1.5))!.Case;

        Assert.False(moved.Tasks[0].Overdue);
    }

    [Fact]
    public void Complete_OpenTask_RecordsWhoWhenAndTheNote()
    {
        var change = TaskRules.Complete(Entered(), "t1", "  done  ", Bo, Later);

        var task = change.Case.Tasks[0];
        Assert.Equal((CaseTaskStatus.Completed, Later, Bo, "done"), (task.Status, task.CompletedAt!.Value, task.CompletedBy, task.Note));
        Assert.Equal((TimelineEntryTypes.TaskCompleted, "done"), (change.Entries[0].Type, change.Entries[0].Data["note"]));
    }

    [Fact]
    public void Complete_Twice_IsRefused()
    {
        var done = TaskRules.Complete(Entered(), "t1", null, Bo, T0).Case;

        Assert.Throws<CaseRuleException>(() => TaskRules.Complete(done, "t1", null, Bo, T0));
    }

    [Fact]
    public void Reopen_CompletedTask_ClearsTheCompletionAndRecordsTheReason()
    {
        var done = TaskRules.Complete(Entered(), "t1", "x", Bo, T0).Case;

        var change = TaskRules.Reopen(done, "t1", " not really ", Ana, T0);

        var task = change.Case.Tasks[0];
        Assert.Equal((CaseTaskStatus.Open, (DateTimeOffset?)null, (Actor?)null, (string?)null), (task.Status, task.CompletedAt, task.CompletedBy, task.Note));
        Assert.Equal((TimelineEntryTypes.TaskReopened, "not really"), (change.Entries[0].Type, change.Entries[0].Data["reason"]));
    }

    [Fact]
    public void Reopen_OpenTask_IsRefused()
    {
        Assert.Throws<CaseRuleException>(() => TaskRules.Reopen(Entered(), "t1", null, Ana, T0));
    }

    private static CaseChange? Act(string action, CaseRecord current, string taskId) => action switch
    {
        "add" => TaskRules.Add(current, new NewTask("T", null, null, null, null), Ana, T0),
        "assign" => TaskRules.Assign(current, taskId, Ana, null, Ana, T0),
        "due" => TaskRules.SetDue(current, taskId, Later, Ana, T0),
        "complete" => TaskRules.Complete(current, taskId, null, Ana, T0),
        _ => TaskRules.Reopen(current, taskId, null, Ana, T0),
    };
}
