using System.Net;
using System.Net.Http.Json;
using CaseFy.Model.Json;
using CaseFy.Model.Templates;
using CaseFy.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>The template editor's reminder lead times, its per-stage fields (documents, tasks, decision, automations, SLA, advance mode), the
/// API's validation errors shown next to the field they name, the versions list and archiving.</summary>
public sealed class TemplateEditorTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Editor_EveryPerStageFieldFilledIn_TemplateStoredWithThem()
    {
        await using var browser = await portal.NewPageAsync(new ViewportSize { Width = 1280, Height = 1500 });
        var page = browser.Page;
        await browser.OpenNewTemplateAsync("Supplier onboarding");
        await page.GetByLabel("Remind of tasks (hours before due)").FillAsync("8");
        await page.GetByLabel("Remind of the SLA (hours before)").FillAsync("0.5");
        await page.GetByLabel("Stage 1 name").FillAsync("Collect documents");
        var stage1 = page.Locator(".stage-row").Nth(0);
        await stage1.GetByLabel("Advance").SelectOptionAsync("auto");

        await stage1.GetByRole(AriaRole.Button, new() { Name = "Add document to required documents" }).ClickAsync();
        var document = stage1.GetByRole(AriaRole.Group, new() { Name = "Document 1" });
        await document.GetByLabel("Name", new() { Exact = true }).FillAsync("Insurance certificate");
        await Expect(document.GetByLabel("Key")).ToHaveValueAsync("insurance-certificate");
        await document.GetByLabel("Provided by").SelectOptionAsync("external");
        await document.GetByLabel("Accepted types").FillAsync("application/pdf, image/png");
        await document.GetByLabel("Max size (MB)").FillAsync("5");

        await stage1.GetByRole(AriaRole.Button, new() { Name = "Add task to tasks" }).ClickAsync();
        var task = stage1.GetByRole(AriaRole.Group, new() { Name = "Task 1" });
        await task.GetByLabel("Title").FillAsync("Check the certificate");
        await task.GetByLabel("Assignee role").FillAsync("compliance");
        await task.GetByLabel("Due in (hours)").FillAsync("24");

        await stage1.GetByRole(AriaRole.Button, new() { Name = "Ask for a decision" }).ClickAsync();
        await stage1.GetByLabel("Question").FillAsync("Approve the supplier?");
        var option2 = stage1.GetByRole(AriaRole.Group, new() { Name = "Option 2" });
        await option2.GetByLabel("Then").SelectOptionAsync("close");
        await option2.GetByLabel("Outcome").FillAsync("declined");

        await stage1.GetByRole(AriaRole.Button, new() { Name = "Add automation to when the stage starts" }).ClickAsync();
        var onEnter = stage1.GetByRole(AriaRole.Group, new() { Name = "When the stage starts" });
        await onEnter.GetByLabel("Do", new() { Exact = true }).SelectOptionAsync("publishEvent");
        await onEnter.GetByLabel("Event name").FillAsync("collection-started");
        await stage1.GetByLabel("SLA (hours)").FillAsync("72");
        await stage1.GetByLabel("When breached, escalate to").FillAsync("owner");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add stage" }).ClickAsync();
        await page.GetByLabel("Stage 2 name").FillAsync("Approve supplier");
        await browser.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "New template" }).ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("template-editor");

        var id = await browser.CreateTemplateInEditorAsync();
        var saved = await portal.Api.GetTemplateAsync(id);
        Assert.Equal(new ReminderSettings(8, 0.5), saved.Reminders);
        var stage = saved.Stages[0];
        Assert.Equal(("collect-documents", AdvanceMode.Auto, 72d, "owner"), (stage.Key, stage.Advance, stage.SlaHours, stage.OnBreach?.EscalateTo));
        var doc = Assert.Single(stage.Documents);
        Assert.Equal(("insurance-certificate", DocumentProvider.External, 5L * 1024 * 1024), (doc.Key, doc.Provider, doc.MaxBytes));
        Assert.Equal(["application/pdf", "image/png"], doc.ContentTypes);
        Assert.Equal(new TaskDefinition("check-the-certificate", "Check the certificate", "compliance", 24, true), Assert.Single(stage.Tasks));
        Assert.Equal("Approve the supplier?", stage.Decision?.Question);
        Assert.Equal(["next", "close:declined"], stage.Decision!.Options.Select(o => o.Outcome));
        var automation = Assert.Single(stage.OnEnter);
        Assert.Equal((AutomationType.PublishEvent, "collection-started"), (automation.Type, automation.Event));
        Assert.Equal(("approve-supplier", AdvanceMode.Manual), (saved.Stages[1].Key, saved.Stages[1].Advance));
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Editor_ApiRejectsFields_ErrorsShownNextToThoseFields()
    {
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.OpenNewTemplateAsync("Broken process");
        await page.GetByLabel("Stage 1 name").FillAsync("Intake");
        var stage1 = page.Locator(".stage-row").Nth(0);
        await stage1.GetByRole(AriaRole.Button, new() { Name = "Add document to required documents" }).ClickAsync();
        var document = stage1.GetByRole(AriaRole.Group, new() { Name = "Document 1" });
        await document.GetByLabel("Name", new() { Exact = true }).FillAsync("Passport");
        await document.GetByLabel("Accepted types").FillAsync("pdf");
        await stage1.GetByRole(AriaRole.Button, new() { Name = "Add automation to when the stage is done" }).ClickAsync();
        var onExit = stage1.GetByRole(AriaRole.Group, new() { Name = "When the stage is done" });
        await onExit.GetByLabel("Do", new() { Exact = true }).SelectOptionAsync("webhook");
        await onExit.GetByLabel("URL").FillAsync("http://example.com/hook");
        await page.GetByLabel("Remind of the SLA (hours before)").FillAsync("1000");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create template" }).ClickAsync();

        var types = document.GetByLabel("Accepted types");
        await Expect(types).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(document).ToContainTextAsync("A media type is lowercase 'type/subtype'");
        await Expect(onExit.GetByLabel("URL")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(onExit).ToContainTextAsync("An absolute https URL");
        await Expect(page.GetByLabel("Remind of the SLA (hours before)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByText("A reminder lead time is more than 0 and at most 720 hours")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Stage 1 name")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/templates/new$"));
        await browser.AssertAccessibleAsync();

        await types.FillAsync("application/pdf");
        await onExit.GetByLabel("URL").FillAsync("https://example.com/hook");
        await page.GetByLabel("Remind of the SLA (hours before)").FillAsync("");
        await browser.CreateTemplateInEditorAsync();
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Editor_TemplateWithTwoVersionsArchived_ListsVersionsThenMarksArchivedAndOffersNoNewCase()
    {
        var template = await portal.Api.CreateTemplateAsync("draft", "final");
        using (var request = new HttpRequestMessage(HttpMethod.Put, $"/api/templates/{template.Id}"))
        {
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
            request.Content = new StringContent("""{"name":"Contract review","stages":[{"key":"draft","name":"Draft"},{"key":"legal","name":"Legal"},{"key":"final","name":"Final"}]}""", System.Text.Encoding.UTF8, "application/json");
            using var updated = await portal.Api.Http.SendAsync(request, TestContext.Current.CancellationToken);
            await CaseFyClient.ExpectAsync(updated, HttpStatusCode.OK);
        }

        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync("Tara Templates", "Admin");
        await page.GotoAsync($"/#/templates/{template.Id}");
        var versions = page.GetByRole(AriaRole.Region, new() { Name = "Versions" });
        await Expect(versions.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(versions.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Version 2");
        await Expect(versions).ToContainTextAsync("Draft → Legal → Final");
        await versions.GetByRole(AriaRole.Button, new() { Name = "Edit from this version: version 1" }).ClickAsync();
        await Expect(page.GetByLabel("Stage 3 name")).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Archive", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("No new cases can be opened from it.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Archive template" }).ClickAsync();
        await Expect(page.Locator(".title-row .badge")).ToHaveTextAsync("Archived");
        await Expect(page.GetByText("Archived: no new cases can be opened from this template.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Archive", Exact = true })).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Open its board" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Legal" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Archived: no new cases")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New case" })).ToHaveCountAsync(0);
        browser.AssertNoConsoleErrors();
    }
}
