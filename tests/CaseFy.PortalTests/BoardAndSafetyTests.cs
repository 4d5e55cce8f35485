using System.Net;
using System.Net.Http.Json;
using CaseFy.Model.Json;
using CaseFy.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>The board and list with several cases, one of them titled with an XSS attempt that must stay text.</summary>
public sealed class BoardAndSafetyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string XssTitle = "<img src=x onerror=alert(1)><script>alert(2)</script>";

    [Fact]
    public async Task Board_CaseTitledWithMarkup_ShowsTitleAsTextAndRunsNothing()
    {
        var templateId = await CreateTemplateAsync();
        string[] titles = ["Onboard Ana Silva", "Onboard Bo Chen", "Onboard Carla Diaz", XssTitle];
        var cases = new List<string>();
        foreach (var title in titles)
        {
            cases.Add((await portal.Api.OpenCaseAsync(templateId, title)).Id);
        }

        await portal.Api.WaitForStageEnteredAsync(cases[1], "paperwork");
        using (var advanced = await portal.Api.AdvanceAsync(cases[1], "Signed"))
        {
            await CaseFyClient.ExpectAsync(advanced, HttpStatusCode.Accepted);
        }

        await portal.Api.WaitForStageEnteredAsync(cases[1], "equipment");
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync("Maria Lead", "Admin");

        await page.GotoAsync($"/#/?template={templateId}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = XssTitle })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Equipment" })).ToContainTextAsync("Onboard Bo Chen");
        Assert.Equal(0, await page.Locator(".board img, .board script").CountAsync());
        await browser.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = XssTitle }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(XssTitle);
        await Expect(page.Locator(".timeline")).ToContainTextAsync(XssTitle);
        Assert.Equal(0, await page.Locator("main img, main script").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = XssTitle })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();

        Assert.Empty(browser.Dialogs);
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Board_CasesAcrossStages_CardsShowOwnerOpenTasksAndOverdue()
    {
        // Equipment has a 3.6-second SLA: a case there is overdue almost at once, as one would be after days.
        var template = await portal.Api.CreateTemplateFromJsonAsync("""
            {"name":"New starter","description":"From signed offer to first day","stages":[
              {"key":"paperwork","name":"Paperwork","tasks":[{"key":"contract","title":"Sign the contract","assignee":"owner","dueInHours":48,"required":false}]},
              {"key":"equipment","name":"Equipment","slaHours":0.001},
              {"key":"first-day","name":"First day"}]}
            """);
        var cases = new Dictionary<string, string>();
        foreach (var title in new[] { "Onboard Ana Silva", "Onboard Bo Chen", "Onboard Carla Diaz", "Onboard Dev Patel" })
        {
            cases[title] = (await portal.Api.OpenCaseAsync(template.Id, title)).Id;
        }

        var bo = cases["Onboard Bo Chen"];
        await portal.Api.WaitForStageEnteredAsync(bo, "paperwork");
        using (var advanced = await portal.Api.AdvanceAsync(bo, "Contract signed"))
        {
            await CaseFyClient.ExpectAsync(advanced, HttpStatusCode.Accepted);
        }

        await portal.Api.WaitForAsync(bo, c => c.CurrentStage.Key == "equipment" && c.Overdue);
        foreach (var id in cases.Values.Where(id => id != bo))
        {
            await portal.Api.WaitForAsync(id, c => c.Tasks.Count == 1);
        }

        await using var browser = await portal.NewPageAsync(new ViewportSize { Width = 1280, Height = 560 });
        var page = browser.Page;
        await browser.SignInAsync("Maria Lead", "Admin");
        await page.GotoAsync($"/#/?template={template.Id}");
        var paperwork = page.GetByRole(AriaRole.Region, new() { Name = "Paperwork" });
        var equipment = page.GetByRole(AriaRole.Region, new() { Name = "Equipment" });
        await Expect(paperwork.Locator(".case-card")).ToHaveCountAsync(3);
        await Expect(paperwork.Locator(".case-card").Filter(new() { HasText = "Onboard Ana Silva" })).ToContainTextAsync("1 task open");
        await Expect(equipment.Locator(".case-card")).ToContainTextAsync("Onboard Bo Chen");
        await Expect(equipment.Locator(".case-card")).ToContainTextAsync("Overdue");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "First day" })).ToContainTextAsync("No cases here");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("board");
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task List_FilteredByTitleText_ShowsOnlyMatchingCases()
    {
        var templateId = await CreateTemplateAsync();
        await portal.Api.OpenCaseAsync(templateId, "Lease renewal Harbor Street");
        await portal.Api.OpenCaseAsync(templateId, "Lease renewal Mill Road");
        await portal.Api.OpenCaseAsync(templateId, "Water damage claim");
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync("Maria Lead", "Admin");

        await page.GotoAsync($"/#/cases?templateId={templateId}");
        await page.GetByLabel("Title contains").FillAsync("Lease renewal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator("tbody")).Not.ToContainTextAsync("Water damage");
        await browser.AssertAccessibleAsync();
        browser.AssertNoConsoleErrors();
    }

    private async Task<string> CreateTemplateAsync()
    {
        using var response = await portal.Api.PostJsonAsync("/api/templates", """
            {"name":"Employee onboarding","description":"From signed offer to first day",
             "stages":[{"key":"paperwork","name":"Paperwork"},{"key":"equipment","name":"Equipment"},{"key":"first-day","name":"First day"}]}
            """);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        var template = await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseTemplate, TestContext.Current.CancellationToken);
        return template!.Id;
    }
}
