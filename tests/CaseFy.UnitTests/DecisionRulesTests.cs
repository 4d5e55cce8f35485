using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

public sealed class DecisionRulesTests
{
    [Fact]
    public void Record_AnOption_StoresItForThisVisitWithTheRationale()
    {
        var change = DecisionRules.Record(InAssess(), Template, "reject", "  not covered ", Bo, T0);

        var decision = Assert.Single(change.Case.Decisions);
        Assert.Equal(new CaseDecision("assess", 2, "reject", "close:rejected", "not covered", T0, Bo), decision);
        Assert.Equal((TimelineEntryTypes.DecisionRecorded, "Reject", "not covered"), (change.Entries[0].Type, change.Entries[0].Data["label"], change.Entries[0].Data["rationale"]));
    }

    public static TheoryData<string> Refusals => ["no decision in stage", "decided already", "closed", "too many decisions"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Record_WhenTheCaseCannotTakeADecision_IsRefused(string state)
    {
        var decision = new CaseDecision("old", 1, "pay", "next", null, T0, Ana);
        var current = state switch
        {
            "no decision in stage" => Entered(),
            "decided already" => DecisionRules.Record(InAssess(), Template, "pay", null, Ana, T0).Case,
            "closed" => CaseFlexibility.Close(InAssess(), "gone", null, Ana, T0).Case,
            _ => InAssess() with { Decisions = [.. Enumerable.Repeat(decision, CaseLimits.MaxDecisions)] },
        };

        Assert.Throws<CaseRuleException>(() => DecisionRules.Record(current, Template, "pay", null, Ana, T0));
    }

    [Fact]
    public void Record_AnUnknownOption_IsMissing()
    {
        Assert.Throws<CaseItemMissingException>(() => DecisionRules.Record(InAssess(), Template, "maybe", null, Ana, T0));
    }
}
