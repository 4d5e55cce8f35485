using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>
/// The public intake form in the browser (issue 18): a stranger opens /intake.html#slug on a phone, is told what is
/// missing under the field concerned, sends the form, gets the case's own link once and follows it to the external page.
/// </summary>
public sealed class IntakePortalTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task IntakeForm_FilledByAStranger_OpensACaseTheyCanFollow()
    {
        var slug = $"apply-{Guid.NewGuid():N}"[..20];
        await CreateApplicationsTemplateAsync(slug);

        await using var stranger = await portal.NewPageAsync(Phone);
        var page = stranger.Page;
        await page.GotoAsync($"/intake.html#{slug}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Applications", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Why this role?")).ToBeVisibleAsync();
        await stranger.AssertAccessibleAsync();

        // Sent without the required answer: the API's error shows under that field, nothing is opened.
        await page.GetByLabel("Your name (required)").FillAsync("Jane Applicant");
        await page.GetByLabel("Your e-mail address (required)").FillAsync("jane@example.com");
        await page.GetByLabel("Years of experience").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var motivation = page.GetByLabel("Motivation (required)");
        await Expect(motivation).ToHaveAttributeAsync("aria-invalid", "true");

        await stranger.ScreenshotAsync("intake-form");

        await motivation.FillAsync("I like well-run processes.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you, your case was opened" })).ToBeVisibleAsync();
        await stranger.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Follow your case" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Jane Applicant");
        await Expect(page.GetByText("Hello Jane Applicant.", new() { Exact = false })).ToBeVisibleAsync();
        stranger.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task TemplateEditor_ClosingTheForm_KeepsItsSettingsAndRefusesSubmissionsAtOnce()
    {
        var slug = $"apply-{Guid.NewGuid():N}"[..20];
        var template = await CreateApplicationsTemplateAsync(slug);

        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync("Tara Templates", "Admin");
        await page.GotoAsync($"/#/templates/{template.Id}");
        var open = page.GetByLabel("Open: the form takes submissions");
        await Expect(open).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Address (/intake.html#…)", new() { Exact = true })).ToHaveValueAsync(slug);
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Public intake form" }).GetByLabel("Motivation")).ToBeCheckedAsync();
        await browser.AssertAccessibleAsync();

        await open.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as new version" }).ClickAsync();
        await Expect(page.GetByText("Saved as version 2.")).ToBeVisibleAsync();
        browser.AssertNoConsoleErrors();

        // Closed with the saved version; the form's address and fields are kept for reopening.
        using var form = await portal.Api.Http.GetAsync(new Uri($"/api/intake/{slug}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        var saved = await portal.Api.GetTemplateAsync(template.Id);
        Assert.Equal(2, saved.Version);
        Assert.NotNull(saved.Intake);
        Assert.False(saved.Intake.Enabled);
        Assert.Equal(slug, saved.Intake.Slug);
        Assert.Equal(["motivation", "experience"], saved.Intake.Fields);
    }

    private Task<CaseFy.Model.Templates.CaseTemplate> CreateApplicationsTemplateAsync(string slug) =>
        portal.Api.CreateTemplateFromJsonAsync($$$"""
            {"name":"Applications","description":"Apply for a place on the programme.","stages":[{"key":"screen","name":"Screen"}],
             "fields":[
               {"key":"motivation","label":"Motivation","type":"longText","required":true,"filledBy":"external","help":"Why this role?"},
               {"key":"experience","label":"Years of experience","type":"number","filledBy":"both","min":0,"max":60}],
             "intake":{"enabled":true,"slug":"{{{slug}}}","fields":["motivation","experience"]}}
            """);
}
