using System.Net;
using System.Net.Http.Json;
using CaseFy.Model.Json;
using CaseFy.Model.Templates;
using CaseFy.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>The current stage's checklist on the case page (complete a task, record the decision), "My tasks", and a new
/// template version from the editor that keeps what the editor does not show.</summary>
public sealed class CaseWorkTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    // Opened through the API by the test host's admin, who becomes the owner and so the assignee of "owner" tasks.
    private const string Owner = TestHost.AdminName;

    [Fact]
    public async Task Checklist_CompleteTaskThenDecide_CaseMovesOnByItself()
    {
        var (_, browser) = await OpenOnCasePageAsync("Invoice 3307 from Northwind");
        await using var owner = browser;
        var page = browser.Page;

        var checklist = page.GetByRole(AriaRole.List, new() { Name = "Checklist of this stage" });
        await Expect(checklist).ToContainTextAsync("Check the invoice");
        await Expect(checklist).ToContainTextAsync(Owner);
        await Expect(checklist).ToContainTextAsync("Required");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Decision: Pay the invoice?" })).ToBeVisibleAsync();
        await Expect(page.GetByText("This stage moves on by itself once its checklist is done.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Advance to Payout" })).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("case-checklist");

        await page.GetByRole(AriaRole.Button, new() { Name = "Complete “Check the invoice”" }).ClickAsync();
        await Expect(checklist).ToContainTextAsync("Completed by " + Owner);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Complete “Check the invoice”" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Now: Review" })).ToBeVisibleAsync(); // the decision is still missing

        await page.GetByRole(AriaRole.Radio, new() { Name = "Pay" }).CheckAsync();
        await page.GetByLabel("Why (optional)").FillAsync("Within budget");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();

        // An automatic stage: with the task done and the decision recorded, the orchestration moves the case on.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Now: Payout" })).ToBeVisibleAsync();
        await Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Payout");
        var timeline = page.GetByRole(AriaRole.List, new() { Name = "Timeline, newest first" });
        await Expect(timeline).ToContainTextAsync("Decision recorded");
        await Expect(timeline).ToContainTextAsync("Within budget");
        await Expect(timeline).ToContainTextAsync("Task completed");
        await browser.AssertAccessibleAsync();
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Checklist_TaskCompletedElsewhereWhileDeciding_KeepsTheChoiceTheWordsAndTheFocus()
    {
        var (caseId, browser) = await OpenOnCasePageAsync("Invoice 5120 from Fabrikam");
        await using var owner = browser;
        var page = browser.Page;
        var why = page.GetByLabel("Why (optional)");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Pay" }).CheckAsync();
        await why.FillAsync("Within budget");

        // Someone else completes the task: the page's poll redraws the checklist while this person is writing.
        var task = (await portal.Api.GetCaseAsync(caseId)).Tasks.Single();
        using (var completed = await portal.Api.PostJsonAsync($"/api/cases/{caseId}/tasks/{task.Id}/complete", "{}"))
        {
            await CaseFyClient.ExpectAsync(completed, HttpStatusCode.OK);
        }

        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Checklist of this stage" })).ToContainTextAsync("Completed by " + Owner);
        await Expect(why).ToHaveValueAsync("Within budget");
        await Expect(why).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Pay" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Now: Payout" })).ToBeVisibleAsync();
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task MyTasks_TaskAssignedToMe_ListedWithItsCase()
    {
        var caseId = await OpenCaseAsync("Invoice 4411 from Contoso", withDecision: false);
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync(Owner, "Admin");
        await page.GotoAsync("/#/");
        await page.GetByRole(AriaRole.Link, new() { Name = "My tasks" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Invoice 4411 from Contoso" });
        await Expect(row).ToContainTextAsync("Check the invoice");
        await Expect(row).ToContainTextAsync("Due in");
        await browser.AssertAccessibleAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = "Invoice 4411 from Contoso" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/cases/{caseId}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Invoice 4411 from Contoso");
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task TemplateEditor_RenameStageOfATemplateWithTasks_SavesNextVersionKeepingTasksAndDecision()
    {
        var template = await CreateTemplateAsync(withDecision: true);
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync(Owner, "Admin");
        await page.GotoAsync($"/#/templates/{template.Id}");
        await page.GetByLabel("Stage 1 name").FillAsync("Invoice review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as new version" }).ClickAsync();
        await Expect(page.GetByText("Version 2 ·")).ToBeVisibleAsync();

        using var response = await portal.Api.Http.GetAsync(new Uri($"/api/templates/{template.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        var saved = await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseTemplate, TestContext.Current.CancellationToken);
        Assert.Equal((2, "Invoice review", "review"), (saved!.Version, saved.Stages[0].Name, saved.Stages[0].Key));
        Assert.Equal("Check the invoice", Assert.Single(saved.Stages[0].Tasks).Title);
        Assert.Equal("Pay the invoice?", saved.Stages[0].Decision?.Question);
        Assert.Equal(template.Stages[0].Advance, saved.Stages[0].Advance);
        browser.AssertNoConsoleErrors();
    }

    private async Task<string> OpenCaseAsync(string title, bool withDecision)
    {
        var template = await CreateTemplateAsync(withDecision);
        var opened = await portal.Api.OpenCaseAsync(template.Id, title);
        await portal.Api.WaitForAsync(opened.Id, c => c.CurrentStage.EnteredAt is not null && c.Tasks.Count == 1);
        return opened.Id;
    }

    /// <summary>A case with a task and a decision, open on its page in the owner's browser.</summary>
    private async Task<(string CaseId, PortalPage Browser)> OpenOnCasePageAsync(string title)
    {
        var caseId = await OpenCaseAsync(title, withDecision: true);
        var browser = await portal.NewPageAsync();
        await browser.SignInAsync(Owner, "Admin");
        await browser.Page.GotoAsync($"/#/cases/{caseId}");
        return (caseId, browser);
    }

    private async Task<CaseTemplate> CreateTemplateAsync(bool withDecision)
    {
        var decision = withDecision
            ? ""","decision":{"question":"Pay the invoice?","options":[{"key":"pay","label":"Pay","outcome":"next"},{"key":"reject","label":"Reject","outcome":"close:rejected"}]}"""
            : "";
        using var response = await portal.Api.PostJsonAsync("/api/templates", $$"""
            {"name":"Invoice approval","stages":[
              {"key":"review","name":"Review","advance":"auto",
               "tasks":[{"key":"check","title":"Check the invoice","assignee":"owner","dueInHours":48,"required":true}]{{decision}}},
              {"key":"payout","name":"Payout"}]}
            """);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseTemplate, TestContext.Current.CancellationToken))!;
    }
}
