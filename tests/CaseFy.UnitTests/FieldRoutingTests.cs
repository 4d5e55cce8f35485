using System.Text.Json;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

/// <summary>Routing on a field's value: the condition, a decision option's routes, and the on-enter route automation.</summary>
public sealed class FieldRoutingTests
{
    private static readonly FieldDefinition[] Fields =
    [
        new("amount", "Amount", FieldType.Money) { Currency = "EUR" },
        new("incident", "Incident", FieldType.Date),
        new("kind", "Kind", FieldType.Choice) { Options = ["car", "home"] },
        new("police", "Police", FieldType.Boolean),
    ];

    private static JsonElement Json(string json) => JsonElement.Parse(json);

    private static Dictionary<string, JsonElement> Data(string json) =>
        JsonSerializer.Deserialize(json, CaseFy.Model.Json.CaseFyJsonContext.Default.DictionaryStringJsonElement)!;

    [Theory]
    [InlineData("amount", ConditionOperator.Gt, "10000", """{"amount":10000.01}""", true)]
    [InlineData("amount", ConditionOperator.Gt, "10000", """{"amount":10000}""", false)]
    [InlineData("amount", ConditionOperator.Gte, "10000", """{"amount":10000.00}""", true)]
    [InlineData("amount", ConditionOperator.Lt, "10000", """{"amount":9999}""", true)]
    [InlineData("amount", ConditionOperator.Lte, "10000", """{"amount":10001}""", false)]
    [InlineData("amount", ConditionOperator.Eq, "1.5", """{"amount":1.50}""", true)]
    [InlineData("amount", ConditionOperator.Ne, "1.5", """{"amount":2}""", true)]
    [InlineData("amount", ConditionOperator.Gt, "0", """{}""", false)]
    [InlineData("amount", ConditionOperator.Ne, "0", """{}""", false)]
    [InlineData("incident", ConditionOperator.Lt, "\"2026-03-03\"", """{"incident":"2026-03-02"}""", true)]
    [InlineData("incident", ConditionOperator.Gte, "\"2026-03-03\"", """{"incident":"2026-03-02"}""", false)]
    [InlineData("kind", ConditionOperator.Eq, "\"home\"", """{"kind":"home"}""", true)]
    [InlineData("kind", ConditionOperator.Eq, "\"home\"", """{"kind":"car"}""", false)]
    [InlineData("kind", ConditionOperator.Ne, "\"home\"", """{"kind":"car"}""", true)]
    [InlineData("police", ConditionOperator.Eq, "true", """{"police":true}""", true)]
    [InlineData("police", ConditionOperator.Eq, "true", """{"police":false}""", false)]
    public void Holds_ComparesByTheFieldsType(string field, ConditionOperator op, string value, string data, bool expected)
    {
        var condition = new FieldCondition(field, op, Json(value));

        Assert.Equal(expected, condition.Holds(Data(data), Fields));
    }

    [Fact]
    public void Describe_ASensitiveField_LeavesOutTheComparedValue()
    {
        FieldDefinition[] fields = [new("salary", "Salary", FieldType.Number) { Sensitive = true }, new("age", "Age", FieldType.Number)];

        Assert.Equal("salary eq (sensitive)", new FieldCondition("salary", ConditionOperator.Eq, Json("50000")).Describe(fields));
        Assert.Equal("age gte 18", new FieldCondition("age", ConditionOperator.Gte, Json("18")).Describe(fields));
    }

    [Fact]
    public void Decision_OptionWithARouteThatHolds_RecordsTheRoutesOutcomeAndWhy()
    {
        var template = RoutedTemplate();
        var inAssess = InAssess(template, """{"amount":25000}""");

        var decided = DecisionRules.Record(inAssess, template, "pay", null, Ana, T0);

        Assert.Equal("goToStage:intake", decided.Case.Decisions[^1].Outcome);
        var entry = decided.Entries.Single(e => e.Type == TimelineEntryTypes.DecisionRecorded);
        Assert.Equal(("goToStage:intake", "amount gt 10000"), (entry.Data["outcome"], entry.Data["routedBy"]));
    }

    [Fact]
    public void Decision_OptionWhoseRouteDoesNotHold_TakesItsOwnOutcome()
    {
        var template = RoutedTemplate();
        var inAssess = InAssess(template, """{"amount":500}""");

        var decided = DecisionRules.Record(inAssess, template, "pay", null, Ana, T0);

        Assert.Equal("next", decided.Case.Decisions[^1].Outcome);
        Assert.False(decided.Entries.Single().Data.ContainsKey("routedBy"));
    }

    [Fact]
    public void RouteAutomation_ConditionHolds_RecordsTheRunThenMovesTheCase()
    {
        var template = RoutedTemplate();
        var opened = Opened(template, """{"amount":25000}""");
        var entered = CaseLifecycle.EnterStage(opened.Case, template, T0)!;

        var change = AutomationRules.Apply(entered.Case, template, template.Stages[0].OnEnter[0], 1, "enter-0", T0)!;

        Assert.Equal([TimelineEntryTypes.AutomationRan, TimelineEntryTypes.StageMoved], change.Entries.Select(e => e.Type));
        Assert.Equal(("pay", 2, null), (change.Case.CurrentStage.Key, change.Case.CurrentStage.Visit, change.Case.CurrentStage.EnteredAt));
        Assert.Empty(change.Case.CurrentStage.AutomationsDone);
        Assert.Equal(("routed to pay", "amount gt 10000"), (change.Entries[0].Data["outcome"], change.Entries[0].Data["condition"]));
        Assert.Equal("route: amount gt 10000", change.Entries[1].Data["reason"]);
        CaseHistoryTests.AssertSameCase(change.Case, CaseHistory.Fold([.. opened.Entries, .. entered.Entries, .. change.Entries], template));
    }

    [Fact]
    public void RouteAutomation_ConditionDoesNotHold_OnlyRecordsTheRun()
    {
        var template = RoutedTemplate();
        var entered = EnteredWith(template, """{"amount":100}""");

        var change = AutomationRules.Apply(entered, template, template.Stages[0].OnEnter[0], 1, "enter-0", T0)!;

        Assert.Equal([TimelineEntryTypes.AutomationRan], change.Entries.Select(e => e.Type));
        Assert.Equal("intake", change.Case.CurrentStage.Key);
        Assert.Equal(["enter-0"], change.Case.CurrentStage.AutomationsDone);
        Assert.Equal("condition not met", change.Entries[0].Data["outcome"]);
        Assert.Null(AutomationRules.Apply(change.Case, template, template.Stages[0].OnEnter[0], 1, "enter-0", T0));
    }

    private static CaseTemplate RoutedTemplate()
    {
        var big = new FieldCondition("amount", ConditionOperator.Gt, Json("10000"));
        var decision = Template.Stages[1].Decision!;
        return Template with
        {
            Fields = Fields,
            Stages =
            [
                Template.Stages[0] with { OnEnter = [new AutomationDefinition { Type = AutomationType.Route, When = big, Outcome = "goToStage:pay" }] },
                Template.Stages[1] with
                {
                    Decision = decision with { Options = [decision.Options[0] with { Routes = [new ConditionalRoute(big, "goToStage:intake")] }, .. decision.Options.Skip(1)] },
                },
                Template.Stages[2],
            ],
        };
    }

    private static CaseChange Opened(CaseTemplate template, string data) => CaseLifecycle.Open("c1", "Claim", template, Ana, T0, Data(data));

    private static CaseRecord EnteredWith(CaseTemplate template, string data) => CaseLifecycle.EnterStage(Opened(template, data).Case, template, T0)!.Case;

    private static CaseRecord InAssess(CaseTemplate template, string data)
    {
        var entered = EnteredWith(template, data);
        var moved = CaseFlexibility.Move(entered, template, "assess", "test", Ana, T0).Case;
        return CaseLifecycle.EnterStage(moved, template, T0)!.Case;
    }
}
