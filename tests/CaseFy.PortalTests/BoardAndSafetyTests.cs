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
        await browser.ScreenshotAsync("board");

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
