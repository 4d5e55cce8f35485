using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Timeline;
using FsCheck;
using FsCheck.Fluent;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

/// <summary>
/// <see cref="CaseHistory"/>: the fold of a case's timeline gives back the stored case (all but the engine's working
/// state), at the end and at every moment in between, over random sequences of every kind of action.
/// </summary>
public sealed class CaseHistoryTests
{
    [Fact]
    public void Fold_OfAnySequenceOfActions_GivesBackTheCase()
    {
        Check.One(CaseInvariantProperties.Runs, Prop.ForAll(CaseInvariantProperties.Sequences, steps =>
        {
            var run = CaseRun.Play(steps);

            AssertSameCase(run.Case, CaseHistory.Fold(run.Entries, Template));
        }));
    }

    [Fact]
    public void AsOf_AnyMomentOfAnySequence_GivesTheCaseAsItStoodThen()
    {
        Check.One(CaseInvariantProperties.Runs, Prop.ForAll(CaseInvariantProperties.Sequences, steps =>
        {
            var run = CaseRun.Play(steps);

            foreach (var step in run.Steps.Where(s => s.Change is { Entries.Count: > 0 }))
            {
                AssertSameCase(step.After, CaseHistory.AsOf(run.Entries, Template, step.At));
                AssertSameCase(step.After, CaseHistory.AsOf(run.Entries, Template, step.At.AddMinutes(9)));
            }
        }));
    }

    [Fact]
    public void AsOf_BeforeTheCaseWasOpened_IsNothing()
    {
        var opened = CaseLifecycle.Open("c1", "Claim", Template, Ana, T0);

        Assert.Null(CaseHistory.AsOf(opened.Entries, Template, T0.AddTicks(-1)));
        Assert.NotNull(CaseHistory.AsOf(opened.Entries, Template, T0));
    }

    [Fact]
    public void AsOf_BetweenTwoChanges_LeavesOutTheLaterOne()
    {
        var entered = CaseLifecycle.EnterStage(CaseLifecycle.Open("c1", "Claim", Template, Ana, T0).Case, Template, T0)!;
        var completed = TaskRules.Complete(entered.Case, "t1", "done", Bo, T0.AddHours(1));
        TimelineEntry[] entries = [.. CaseLifecycle.Open("c1", "Claim", Template, Ana, T0).Entries, .. entered.Entries, .. completed.Entries];

        var before = CaseHistory.AsOf(entries, Template, T0.AddMinutes(59))!;
        var after = CaseHistory.AsOf(entries, Template, T0.AddHours(1))!;

        Assert.Equal(CaseTaskStatus.Open, before.Tasks.Single(t => t.Id == "t1").Status);
        Assert.Equal((CaseTaskStatus.Completed, "done", Bo), (after.Tasks.Single(t => t.Id == "t1").Status, after.Tasks.Single(t => t.Id == "t1").Note, after.Tasks.Single(t => t.Id == "t1").CompletedBy));
        Assert.Equal(entered.Case.TimelineLength, before.TimelineLength);
        Assert.Equal("check", after.Tasks.Single(t => t.Id == "t1").Key);
    }

    [Fact]
    public void Fold_OfATimelineNotStartingWithCaseCreated_IsRefused()
    {
        var entered = CaseLifecycle.EnterStage(Opened(), Template, T0)!;

        Assert.Throws<InvalidOperationException>(() => CaseHistory.Fold(entered.Entries, Template));
    }

    /// <summary>Compares what the fold rebuilds: the case without a pending advance, "ready to advance", portal links and update time.</summary>
    internal static void AssertSameCase(CaseRecord expected, CaseRecord? folded)
    {
        Assert.NotNull(folded);
        var want = Rebuildable(expected);
        var got = Rebuildable(folded);
        Assert.True(JsonNode.DeepEquals(want, got), $"expected {want.ToJsonString()}\n     got {got.ToJsonString()}");
    }

    private static JsonNode Rebuildable(CaseRecord c) => JsonSerializer.SerializeToNode(
        c with
        {
            PendingAdvance = null,
            UpdatedAt = default,
            PortalLinks = [],
            CurrentStage = c.CurrentStage with { ReadyToAdvance = false },
        },
        CaseFyJsonContext.Default.CaseRecord)!;
}
