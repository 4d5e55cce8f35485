using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;
using FsCheck;
using FsCheck.Fluent;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

/// <summary>
/// Invariants of the case model over random action sequences (FsCheck): every action a person, the orchestration or an
/// automation can take on the sample claims case, in any order, ten minutes apart so due times and the SLA pass too.
/// A refused action (<see cref="CaseRuleException"/>, <see cref="CaseItemMissingException"/>) changes nothing.
/// </summary>
public sealed class CaseInvariantProperties
{
    internal static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300).WithEndSize(60);

    // The orchestration's steps and the work that meets a stage's criteria come up more often than the rest, so runs
    // get through stages and reach the interesting moments (an advance pending while someone undoes work).
    internal static readonly Arbitrary<(int Action, int Choice)[]> Sequences =
        Gen.Zip(Gen.Frequency(Enumerable.Range(0, CaseActions.Count).Select(a => (CaseActions.Weight(a), Gen.Constant(a)))), Gen.Choose(0, 3))
            .ArrayOf().ToArbitrary();

    [Fact]
    public void AnySequenceOfActions_KeepsTheTimelineDenseAndItsChainValid()
    {
        Check.One(Runs, Prop.ForAll(Sequences, steps =>
        {
            var run = CaseRun.Play(steps);

            Assert.Equal(Enumerable.Range(1, run.Entries.Count).Select(i => (long)i), run.Entries.Select(e => e.Seq));
            Assert.Equal(run.Entries.Count, run.Case.TimelineLength);
            var verifier = new TimelineVerifier(run.Case.TimelineLength, run.Case.TimelineHead);
            run.Entries.ForEach(e => verifier.Accept(e));
            var verdict = verifier.Finish();
            Assert.True(verdict.Valid, verdict.Reason);
        }));
    }

    [Fact]
    public void AnySequenceOfActions_LeavesAStageOnlyWithItsExitCriteriaMetOrByMoveOrClose()
    {
        Check.One(Runs, Prop.ForAll(Sequences, steps =>
        {
            foreach (var step in CaseRun.Play(steps).Steps)
            {
                var before = step.Before;
                var leaves = before.Status != CaseStatus.Closed && before.CurrentStage.EnteredAt is not null
                    && (step.After.CurrentStage.Visit != before.CurrentStage.Visit || step.After.Status == CaseStatus.Closed);
                if (leaves && step.Action is not (CaseActions.Move or CaseActions.Close))
                {
                    var criteria = ExitCriteria.Evaluate(before, Template.Stages[before.CurrentStage.Index]);
                    Assert.True(criteria.Met, $"{step.Action} left '{before.CurrentStage.Key}' missing {string.Join(", ", criteria.Missing)}");
                }
            }
        }));
    }

    [Fact]
    public void AnyStoredAction_AppliedTwice_ChangesNothingTheSecondTime()
    {
        Check.One(Runs, Prop.ForAll(Sequences, steps =>
        {
            foreach (var step in CaseRun.Play(steps).Steps.Where(s => s.Change is not null && CaseActions.IsStored(s.Action)))
            {
                var again = CaseActions.Apply(step.Action, step.Change!.Case, step.Choice, step.At, step.Before);
                Assert.True(again is null, $"{step.Action} applied twice changed the case again");
            }
        }));
    }
}
