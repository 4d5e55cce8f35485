using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>A newcomer's first hour: sign in, describe a process, open a case and work it to the end.</summary>
public sealed class NewcomerJourneyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Newcomer_CreatesTemplateOpensCaseAndWorksIt_SeesCaseAdvanceAndTimeline()
    {
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync("Nora Newcomer", "Admin");

        // A template with two stages, made in the editor.
        await page.GetByRole(AriaRole.Link, new() { Name = "New template" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Supplier onboarding");
        await page.GetByLabel("Stage 1 name").FillAsync("Collect documents");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add stage" }).ClickAsync();
        await page.GetByLabel("Stage 2 name").FillAsync("Approve supplier");
        await Expect(page.GetByLabel("Key").Nth(1)).ToHaveValueAsync("approve-supplier");
        await browser.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create template" }).ClickAsync();
        await Expect(page.GetByText("Version 1")).ToBeVisibleAsync();

        // A case, from the board's dialog.
        await page.GetByRole(AriaRole.Link, new() { Name = "Open its board" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New case" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Acme Ltd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Acme Ltd", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Now: Collect documents" })).ToBeVisibleAsync();

        // Work it: advance, and the page follows the orchestration without a reload.
        var advance = page.GetByRole(AriaRole.Button, new() { Name = "Advance to Approve supplier" });
        await Expect(advance).ToBeEnabledAsync();
        await browser.AssertAccessibleAsync();
        await page.GetByLabel("Reason").FillAsync("All documents are in");
        await advance.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Now: Approve supplier" })).ToBeVisibleAsync();
        await Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Approve supplier");
        await browser.ScreenshotAsync("case-page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Close case" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case closed" })).ToBeVisibleAsync();

        // The timeline, newest first.
        var entries = page.Locator(".timeline .tl-item");
        await Expect(entries.First).ToHaveAttributeAsync("data-type", "CaseClosed");
        await Expect(entries.Last).ToHaveAttributeAsync("data-type", "CaseCreated");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("All documents are in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify integrity" }).ClickAsync();
        await Expect(page.Locator(".verify-result")).ToContainTextAsync("Intact: all 6 entries");

        // The board shows the process and its column.
        await page.GetByRole(AriaRole.Link, new() { Name = "Board", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Collect documents" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        browser.AssertNoConsoleErrors();
        Assert.Empty(browser.Dialogs);
    }
}
