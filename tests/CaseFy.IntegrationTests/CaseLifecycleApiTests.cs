using System.Net;
using System.Net.Http.Json;
using CaseFy.Application.Cases;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;
using CaseFy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests;

/// <summary>The walking skeleton's slice through HTTP, the local host, a real Azurite and the real engine.</summary>
public sealed class CaseLifecycleApiTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly string[] Stages = ["intake", "review", "decide"];

    private CaseFyClient Api => host.Api;

    [Fact]
    public async Task Health_WhenStorageAndEngineRun_ReportsHealthy()
    {
        using var response = await Api.Http.GetAsync(new Uri("/api/health", UriKind.Relative), TestContext.Current.CancellationToken);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal("""{"status":"healthy","storage":"ok","engine":"ok"}""", body);
    }

    [Fact]
    public async Task CreateTemplate_ValidDraft_StoresVersionOneReadableById()
    {
        var created = await Api.CreateTemplateAsync(Stages);

        var read = await Api.Http.GetFromJsonAsync(
            $"/api/templates/{created.Id}", CaseFyJsonContext.Default.CaseTemplate, TestContext.Current.CancellationToken);

        Assert.Equal(1, created.Version);
        Assert.Equal(Stages, created.Stages.Select(s => s.Key));
        Assert.Equivalent(created, read);
    }

    [Fact]
    public async Task OpenCase_NewCase_IsOpenInFirstStageWhichTheOrchestrationEnters()
    {
        var template = await Api.CreateTemplateAsync(Stages);

        var opened = await Api.OpenCaseAsync(template.Id, "Onboard Ana");
        var entered = await Api.WaitForStageEnteredAsync(opened.Id, "intake");

        Assert.Equal(CaseStatus.Open, opened.Status);
        Assert.Equal("Onboard Ana", opened.Title);
        Assert.Equal((template.Id, 1), (opened.TemplateId, opened.TemplateVersion));
        Assert.Equal(("intake", "Stage intake"), (entered.CurrentStage.Key, entered.CurrentStage.Name));
    }

    [Fact]
    public async Task Advance_ThroughEveryStage_ClosesCaseWithExactTimeline()
    {
        var template = await Api.CreateTemplateAsync(Stages);
        var opened = await Api.OpenCaseAsync(template.Id, "Claim 42");

        var closed = await CaseDriver.DriveToClosureAsync(Api, opened.Id, Stages);
        var timeline = await Api.GetTimelineAsync(opened.Id);

        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedAt);
        ExpectedTimeline.AssertExactly(timeline, ExpectedTimeline.ForClosedCase(Stages));
        var exits = timeline.Where(e => e.Type == TimelineEntryTypes.StageExited).ToList();
        Assert.Equal(Stages.Select(s => $"done with {s}"), exits.Select(e => e.Data["reason"]));
        Assert.All(timeline, e => Assert.Equal(TimeSpan.Zero, e.At.Offset));
    }

    [Fact]
    public async Task Advance_StagesWithoutAutomations_TheRequestCarriesItOutAndTheEngineOnlyCatchesUp()
    {
        using var engine = new EngineSpans();
        var template = await Api.CreateTemplateAsync(Stages);
        var opened = await Api.OpenCaseAsync(template.Id, "Evaluated on entry");

        var entered = await Api.WaitForAsync(opened.Id, c => c.CurrentStage.EnteredAt is not null);
        using var advance = await Api.AdvanceAsync(opened.Id, "done");
        await CaseFyClient.ExpectAsync(advance, HttpStatusCode.Accepted);
        var answered = await advance.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseRecord, TestContext.Current.CancellationToken);

        // The entry's own change evaluated the first stage; the advance's answer is the case in the next stage, entered
        // and evaluated. The engine then only catches up: the old generation learns the new visit from the signal and
        // continues as new without an evaluation, and the new generation's entry finds the stage entered.
        Assert.True(entered.CurrentStage.ReadyToAdvance);
        Assert.Equal(("review", 2, true), (answered!.CurrentStage.Key, answered.CurrentStage.Visit, answered.CurrentStage.ReadyToAdvance));
        Assert.NotNull(answered.CurrentStage.EnteredAt);
        Assert.Null(answered.PendingAdvance);
        Assert.Equal(["EnterStageActivity", "EnterStageActivity"], await engine.WaitForActivitiesAsync(opened.Id, 2));
        using var comment = await Api.PostJsonAsync($"/api/cases/{opened.Id}/comments", """{"text":"still here"}""");
        await CaseFyClient.ExpectAsync(comment, HttpStatusCode.OK);
        Assert.Equal(["EnterStageActivity", "EnterStageActivity", "EvaluateStageActivity"], await engine.WaitForActivitiesAsync(opened.Id, 3));
    }

    [Fact]
    public async Task Signals_OfAnOpenCaseInAnEnteredStage_GoStraightToTheInstance_AClosingSendsNone_AReopenLooksItUpFirst()
    {
        using var engine = new EngineSpans();
        var template = await Api.CreateTemplateAsync("first", "last");
        var opened = await Api.OpenCaseAsync(template.Id, "Straight to the instance");
        await Api.WaitForStageEnteredAsync(opened.Id, "first");

        using var comment = await Api.PostJsonAsync($"/api/cases/{opened.Id}/comments", """{"text":"noted"}""");
        await CaseFyClient.ExpectAsync(comment, HttpStatusCode.OK);
        using var advance = await Api.AdvanceAsync(opened.Id, "done");
        await CaseFyClient.ExpectAsync(advance, HttpStatusCode.Accepted);
        using var move = await Api.PostJsonAsync($"/api/cases/{opened.Id}/move", """{"stage":"first","reason":"once more"}""");
        await CaseFyClient.ExpectAsync(move, HttpStatusCode.OK);
        await Api.WaitForStageEnteredAsync(opened.Id, "first");
        await CaseDriver.DriveToClosureAsync(Api, opened.Id, ["first", "last"]);
        using var reopen = await Api.PostJsonAsync($"/api/cases/{opened.Id}/reopen", """{"reason":"came back"}""");
        await CaseFyClient.ExpectAsync(reopen, HttpStatusCode.OK);
        var reopened = await Api.WaitForAsync(opened.Id, c => c.Status == CaseStatus.Open && c.CurrentStage is { Visit: 5, EnteredAt: not null });

        // An open case in an entered stage proves its instance runs, whether the action keeps the stage visit (a comment)
        // or begins the next one (an advance carried out by its request, a move); the advance that closes the case tells
        // the orchestration nothing (it has nothing to do until a reopen), and the reopen looks the instance up.
        Assert.Equal(
            [("comment", false), ("advance", false), ("move", false), ("advance", false), ("reopen", true)],
            engine.SignalsOf(opened.Id));
        Assert.Equal("last", reopened.CurrentStage.Key);
    }

    [Fact]
    public async Task Signal_ToACaseWhoseStartWasLost_LooksTheInstanceUpAndStartsIt()
    {
        using var engine = new EngineSpans();
        var template = await Api.CreateTemplateAsync(Stages);

        // Stored as POST /api/cases stores it, by a process that died before it started the orchestration.
        var lost = CaseLifecycle.Open(CaseIds.New(), "Start lost", template, new Actor("someone", "Someone"), DateTimeOffset.UtcNow);
        await host.Services.GetRequiredService<ICaseStore>().CreateAsync(lost, TestContext.Current.CancellationToken);
        using var comment = await Api.PostJsonAsync($"/api/cases/{lost.Case.Id}/comments", """{"text":"anyone there?"}""");
        await CaseFyClient.ExpectAsync(comment, HttpStatusCode.OK);
        var entered = await Api.WaitForStageEnteredAsync(lost.Case.Id, "intake");

        Assert.Equal([("comment", true)], engine.SignalsOf(lost.Case.Id));
        Assert.Equal(1, entered.CurrentStage.Visit);
    }

    [Fact]
    public async Task Advance_ClosedCase_IsConflictAndChangesNothing()
    {
        var template = await Api.CreateTemplateAsync("only");
        var opened = await Api.OpenCaseAsync(template.Id, "Short one");
        await CaseDriver.DriveToClosureAsync(Api, opened.Id, ["only"]);
        var before = await Api.GetTimelineAsync(opened.Id);

        using var response = await Api.AdvanceAsync(opened.Id, "again");

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before.Count, (await Api.GetTimelineAsync(opened.Id)).Count);
    }

    [Fact]
    public async Task Advance_WhileAnAdvanceIsPending_IsConflict()
    {
        var template = await Api.CreateTemplateAsync(Stages);
        var opened = await Api.OpenCaseAsync(template.Id, "Double click");
        await Api.WaitForStageEnteredAsync(opened.Id, "intake");

        // Both requests are recorded before the orchestration can act on the first, unless it is very quick:
        // then the second advances the next stage, which is also a correct answer.
        using var first = await Api.AdvanceAsync(opened.Id);
        using var second = await Api.AdvanceAsync(opened.Id);

        await CaseFyClient.ExpectAsync(first, HttpStatusCode.Accepted);
        Assert.Contains(second.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.Accepted });
        var settled = await Api.WaitForAsync(opened.Id, c => c.PendingAdvance is null && c.CurrentStage.EnteredAt is not null);
        var expectedStage = second.StatusCode == HttpStatusCode.Conflict ? "review" : "decide";
        Assert.Equal(expectedStage, settled.CurrentStage.Key);
    }

    [Fact]
    public async Task Advance_RightAfterOpeningAndRightAfterAnAdvance_WaitsForTheEntryInsteadOfRefusing()
    {
        var template = await Api.CreateTemplateAsync(Stages);
        var opened = await Api.OpenCaseAsync(template.Id, "In a hurry");

        // No wait for the orchestration: the first stage is still being entered when these arrive.
        using var first = await Api.AdvanceAsync(opened.Id, "straight away");
        await CaseFyClient.ExpectAsync(first, HttpStatusCode.Accepted);
        using var second = await Api.PostJsonAsync($"/api/cases/{opened.Id}/advance", """{"fromStage":"review"}""");
        await CaseFyClient.ExpectAsync(second, HttpStatusCode.Accepted);

        var settled = await Api.WaitForStageEnteredAsync(opened.Id, "decide");
        var exits = (await Api.GetTimelineAsync(opened.Id)).Where(e => e.Type == TimelineEntryTypes.StageExited).ToList();
        Assert.Equal(["intake", "review"], exits.Select(e => e.Stage));
        Assert.Null(settled.PendingAdvance);
    }

    [Fact]
    public async Task Advance_FromAStageTheCaseHasLeft_IsConflictAndDoesNotAdvanceTheNextOne()
    {
        var template = await Api.CreateTemplateAsync(Stages);
        var opened = await Api.OpenCaseAsync(template.Id, "Two people, one click each");
        await Api.WaitForStageEnteredAsync(opened.Id, "intake");
        using var first = await Api.PostJsonAsync($"/api/cases/{opened.Id}/advance", """{"fromStage":"intake"}""");
        await CaseFyClient.ExpectAsync(first, HttpStatusCode.Accepted);
        await Api.WaitForStageEnteredAsync(opened.Id, "review");

        using var late = await Api.PostJsonAsync($"/api/cases/{opened.Id}/advance", """{"reason":"me too","fromStage":"intake"}""");

        await CaseFyClient.ExpectAsync(late, HttpStatusCode.Conflict);
        var now = await Api.GetCaseAsync(opened.Id);
        Assert.Equal(("review", null), (now.CurrentStage.Key, now.PendingAdvance));
    }

    [Fact]
    public async Task ListCases_NewestFirst_PagesWithContinuationToken()
    {
        var template = await Api.CreateTemplateAsync(Stages);
        var first = await Api.OpenCaseAsync(template.Id, "First");
        var second = await Api.OpenCaseAsync(template.Id, "Second");
        var third = await Api.OpenCaseAsync(template.Id, "Third");

        var page1 = await Api.ListCasesAsync(pageSize: 2);
        var page2 = await Api.ListCasesAsync(pageSize: 2, page1.ContinuationToken);

        Assert.Equal([third.Id, second.Id], page1.Items.Select(c => c.Id));
        Assert.NotNull(page1.ContinuationToken);
        Assert.Equal(first.Id, page2.Items[0].Id);
    }

    [Fact]
    public async Task Timeline_ReadInSmallPages_HasNoGapOrDuplicate()
    {
        var template = await Api.CreateTemplateAsync(Stages);
        var opened = await Api.OpenCaseAsync(template.Id, "Paged");
        await CaseDriver.DriveToClosureAsync(Api, opened.Id, Stages);

        var pagedByTwo = await Api.GetTimelineAsync(opened.Id, pageSize: 2);
        var pagedByThree = await Api.GetTimelineAsync(opened.Id, pageSize: 3);

        ExpectedTimeline.AssertExactly(pagedByTwo, ExpectedTimeline.ForClosedCase(Stages));
        Assert.Equal(pagedByTwo.Select(e => e.Hash), pagedByThree.Select(e => e.Hash));
    }
}
