using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>A newcomer's first hour: sign in, describe a process, open a case and work it to the end.</summary>
public sealed class NewcomerJourneyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Newcomer_CreatesTemplateOpensCaseAndWorksIt_SeesCaseAdvanceAndTimeline()
    {
        await using var browser = await portal.NewPageAsync(new ViewportSize { Width = 1280, Height = 1000 });
        var page = browser.Page;
        await browser.SignInAsync("Nora Newcomer", "Admin");

        // A template with two stages, the first asking for a document, a task and a decision, made in the editor.
        await page.GetByRole(AriaRole.Link, new() { Name = "New template" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Supplier onboarding");
        await page.GetByLabel("Stage 1 name").FillAsync("Collect documents");
        var stage1 = page.Locator(".stage-row").Nth(0);
        await stage1.GetByLabel("Advance").SelectOptionAsync("auto");
        await stage1.GetByRole(AriaRole.Button, new() { Name = "Add document to required documents" }).ClickAsync();
        await stage1.GetByRole(AriaRole.Group, new() { Name = "Document 1" }).GetByLabel("Name", new() { Exact = true }).FillAsync("Bank details");
        await stage1.GetByRole(AriaRole.Button, new() { Name = "Add task to tasks" }).ClickAsync();
        await stage1.GetByRole(AriaRole.Group, new() { Name = "Task 1" }).GetByLabel("Title").FillAsync("Call the supplier");
        await stage1.GetByRole(AriaRole.Group, new() { Name = "Task 1" }).GetByLabel("Due in (hours)").FillAsync("48");
        await stage1.GetByRole(AriaRole.Button, new() { Name = "Ask for a decision" }).ClickAsync();
        await stage1.GetByLabel("Question").FillAsync("Approve the supplier?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add stage" }).ClickAsync();
        await page.GetByLabel("Stage 2 name").FillAsync("Approve supplier");
        await Expect(page.Locator(".stage-row").Nth(1).GetByLabel("Key")).ToHaveValueAsync("approve-supplier");
        await browser.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create template" }).ClickAsync();
        await Expect(page.GetByText("Version 1 ·")).ToBeVisibleAsync();

        // A case, from the board's dialog.
        await page.GetByRole(AriaRole.Link, new() { Name = "Open its board" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New case" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Acme Ltd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Acme Ltd", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Now: Collect documents" })).ToBeVisibleAsync();

        // Work it: upload and accept the document, comment, complete the task, decide; the page follows the
        // orchestration without a reload.
        var checklist = page.GetByRole(AriaRole.List, new() { Name = "Checklist of this stage" });
        var document = checklist.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Bank details" });
        await document.GetByLabel("File for “Bank details”").SetInputFilesAsync(new FilePayload { Name = "acme-bank-details.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await document.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(document).ToContainTextAsync("Uploaded, to review");
        await document.GetByRole(AriaRole.Button, new() { Name = "Accept “Bank details”" }).ClickAsync();
        await Expect(document).ToContainTextAsync("Accepted");
        await page.GetByLabel("Add a comment").FillAsync("IBAN matches the signed contract.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Comments, newest first" })).ToContainTextAsync("IBAN matches");
        await browser.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Acme Ltd", Level = 1 }).ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("case-page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Complete “Call the supplier”" }).ClickAsync();
        await Expect(checklist).ToContainTextAsync("Completed by Nora Newcomer");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Yes" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Now: Approve supplier" })).ToBeVisibleAsync();
        await Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Approve supplier");

        await page.GetByLabel("Reason").FillAsync("All checks passed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close case" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case closed" })).ToBeVisibleAsync();

        // The timeline, newest first, and its hash chain intact.
        var entries = page.Locator(".timeline .tl-item");
        await Expect(entries.First).ToHaveAttributeAsync("data-type", "CaseClosed");
        await Expect(entries.Last).ToHaveAttributeAsync("data-type", "CaseCreated");
        var timeline = page.Locator(".timeline");
        foreach (var what in new[] { "Document uploaded", "Document accepted", "Comment added", "Task completed", "Decision recorded", "Stage exited", "All checks passed" })
        {
            await Expect(timeline).ToContainTextAsync(what);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Verify integrity" }).ClickAsync();
        await Expect(page.Locator(".verify-result")).ToContainTextAsync("Intact: all");

        // The board shows the process and its column.
        await page.GetByRole(AriaRole.Link, new() { Name = "Board", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Collect documents" })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        browser.AssertNoConsoleErrors();
        Assert.Empty(browser.Dialogs);
    }
}
