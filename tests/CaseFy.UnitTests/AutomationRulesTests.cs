using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

public sealed class AutomationRulesTests
{
    [Theory]
    [InlineData(AutomationPhase.Enter, 2, "enter-2")]
    [InlineData(AutomationPhase.Exit, 0, "exit-0")]
    [InlineData(AutomationPhase.Breach, 7, "breach")]
    public void RunId_PerPhase_IsStableWithinTheVisit(string phase, int index, string expected)
    {
        Assert.Equal(expected, AutomationRules.RunId(phase, index));
    }

    [Theory]
    [InlineData(AutomationPhase.Enter, 0, AutomationType.CreateTask, null)]
    [InlineData(AutomationPhase.Enter, 3, AutomationType.PublishEvent, null)]
    [InlineData(AutomationPhase.Exit, 0, AutomationType.Webhook, "https://example.org/hook")]
    [InlineData(AutomationPhase.Breach, 0, AutomationType.Webhook, "https://example.org/breach")]
    public void Find_ExistingRun_IsItsAutomation(string phase, int index, AutomationType type, string? url)
    {
        var automation = AutomationRules.Find(Template, 0, phase, index);

        Assert.Equal((type, url), (automation!.Type, automation.Url));
    }

    [Theory]
    [InlineData(0, AutomationPhase.Enter, 4)]
    [InlineData(0, AutomationPhase.Exit, -1)]
    [InlineData(1, AutomationPhase.Breach, 0)]
    [InlineData(0, "other", 0)]
    public void Find_NoSuchRun_IsNull(int stage, string phase, int index)
    {
        Assert.Null(AutomationRules.Find(Template, stage, phase, index));
    }

    public static TheoryData<int, string, string> Effects => new()
    {
        { 0, TimelineEntryTypes.TaskCreated, "task created" },
        { 1, TimelineEntryTypes.DocumentRequested, "document requested" },
        { 2, TimelineEntryTypes.TaskAssigned, "1 task(s) assigned" },
        { 3, TimelineEntryTypes.EventRaised, "event raised" },
    };

    [Theory]
    [MemberData(nameof(Effects))]
    public void Apply_EachCaseChangingAutomation_RecordsItsEffectAndItsRun(int index, string effect, string outcome)
    {
        var runId = AutomationRules.RunId(AutomationPhase.Enter, index);

        var change = AutomationRules.Apply(Entered(), Template, Template.Stages[0].OnEnter[index], 1, runId, T0)!;

        Assert.Equal([effect, TimelineEntryTypes.AutomationRan], change.Entries.Select(e => e.Type));
        Assert.Equal((outcome, $"1/{runId}"), (change.Entries[^1].Data["outcome"], change.Entries[^1].Data["run"]));
        Assert.Contains(runId, change.Case.CurrentStage.AutomationsDone);
    }

    [Fact]
    public void Apply_TheSameRunTwice_IsNoChange()
    {
        var automation = Template.Stages[0].OnEnter[0];
        var once = AutomationRules.Apply(Entered(), Template, automation, 1, "enter-0", T0)!.Case;

        Assert.Null(AutomationRules.Apply(once, Template, automation, 1, "enter-0", T0));
    }

    [Fact]
    public void Apply_RequestForADocumentTheCaseHas_SaysSoWithoutANewRequest()
    {
        var automation = new AutomationDefinition { Type = AutomationType.RequestDocument, Document = "form" };

        var change = AutomationRules.Apply(Entered(), Template, automation, 1, "enter-9", T0)!;

        Assert.Equal("document already on the case", Assert.Single(change.Entries).Data["outcome"]);
    }

    [Fact]
    public void Apply_InAnotherVisitOrOnAClosedCase_IsNoChange()
    {
        var automation = Template.Stages[0].OnEnter[0];

        Assert.Null(AutomationRules.Apply(Entered(), Template, automation, 2, "enter-0", T0));
        Assert.Null(AutomationRules.Apply(Closed(), Template, automation, 1, "enter-0", T0));
    }

    [Fact]
    public void Apply_AWebhook_IsTheCallersJob()
    {
        Assert.Throws<ArgumentException>(() => AutomationRules.Apply(Entered(), Template, Template.Stages[0].OnExit[0], 1, "exit-0", T0));
    }

    [Fact]
    public void RecordOutcome_WebhookRun_IsRecordedOnce()
    {
        var recorded = AutomationRules.RecordOutcome(Entered(), AutomationType.Webhook, 1, "exit-0", "delivered", new() { ["status"] = "200" }, T0)!;

        Assert.Equal(("webhook", "delivered", "200"), (recorded.Entries[0].Data["automation"], recorded.Entries[0].Data["outcome"], recorded.Entries[0].Data["status"]));
        Assert.Null(AutomationRules.RecordOutcome(recorded.Case, AutomationType.Webhook, 1, "exit-0", "delivered", new(), T0));
    }

    [Theory]
    [InlineData(AutomationType.CreateTask, "createTask")]
    [InlineData(AutomationType.RequestDocument, "requestDocument")]
    [InlineData(AutomationType.Assign, "assign")]
    [InlineData(AutomationType.Webhook, "webhook")]
    [InlineData(AutomationType.PublishEvent, "publishEvent")]
    public void Name_EachType_IsItsJsonName(AutomationType type, string name)
    {
        Assert.Equal(name, AutomationRules.Name(type));
    }
}
