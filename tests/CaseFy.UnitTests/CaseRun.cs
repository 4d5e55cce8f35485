using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

/// <summary>A case of the sample template driven through a sequence of <see cref="CaseActions"/>, ten minutes apart.</summary>
internal sealed record CaseRun(CaseRecord Case, List<TimelineEntry> Entries, List<CaseRun.Step> Steps)
{
    public sealed record Step(int Action, int Choice, DateTimeOffset At, CaseRecord Before, CaseRecord After, CaseChange? Change);

    public static CaseRun Play(IEnumerable<(int Action, int Choice)> actions)
    {
        var open = CaseLifecycle.Open("c1", "Claim", Template, Ana, T0);
        var run = new CaseRun(open.Case, [.. open.Entries], []);
        var at = T0;
        foreach (var (action, choice) in actions)
        {
            at = at.AddMinutes(10);
            CaseChange? change;
            try
            {
                change = CaseActions.Apply(action, run.Case, choice, at);
            }
            catch (Exception e) when (e is CaseRuleException or CaseItemMissingException)
            {
                change = null;
            }

            run.Steps.Add(new Step(action, choice, at, run.Case, change?.Case ?? run.Case, change));
            if (change is not null)
            {
                run.Entries.AddRange(change.Entries);
                run = run with { Case = change.Case };
            }
        }

        return run;
    }
}
