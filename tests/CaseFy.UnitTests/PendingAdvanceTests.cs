using CaseFy.Model.Cases;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

/// <summary>
/// While an advance is pending the stage's criteria must stay met: undoing work is refused until the case has left.
/// (The invariant property found a case leaving 'intake' with its form rejected after the advance was asked for.)
/// </summary>
public sealed class PendingAdvanceTests
{
    private static CaseRecord Leaving() => CaseLifecycle.RequestAdvance(IntakeDone(), Template, null, Ana, T0).Case;

    public static TheoryData<string> UndoingWork => ["reopen task", "reject document", "replace accepted document", "add required task"];

    [Theory]
    [MemberData(nameof(UndoingWork))]
    public void UndoingWork_WhileLeaving_IsRefusedAndTheExitFindsTheCriteriaMet(string action)
    {
        var leaving = Leaving();

        Assert.Throws<CaseRuleException>(() => Undo(action, leaving));
        Assert.True(ExitCriteria.Evaluate(leaving, Template.Stages[0]).Met);
        Assert.Equal("assess", CaseLifecycle.ExitStage(leaving, Template, 0, T0)!.Case.CurrentStage.Key);
    }

    [Theory]
    [MemberData(nameof(UndoingWork))]
    public void UndoingWork_WithNoAdvancePending_IsAllowed(string action)
    {
        Assert.NotNull(Undo(action, IntakeDone()));
    }

    [Fact]
    public void NotRequiredTask_WhileLeaving_IsAllowed()
    {
        Assert.NotNull(TaskRules.Add(Leaving(), new NewTask("Later", null, null, null, false), Ana, T0));
    }

    private static CaseChange? Undo(string action, CaseRecord current) => action switch
    {
        "reopen task" => TaskRules.Reopen(current, "t1", null, Bo, T0),
        "reject document" => DocumentRules.Reject(current, "form", "blurry", Bo, T0),
        "replace accepted document" => DocumentRules.RecordUpload(current, Template, File(current, "form"), Bo, T0),
        _ => TaskRules.Add(current, new NewTask("Also", null, "owner", null, true), Bo, T0),
    };
}
