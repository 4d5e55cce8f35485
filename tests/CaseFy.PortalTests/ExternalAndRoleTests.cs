using System.Net;
using System.Net.Http.Json;
using CaseFy.LocalHost.Identity;
using CaseFy.Model.Json;
using CaseFy.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>The external case page opened from a portal link in a fresh browser, and what each role sees.</summary>
public sealed class ExternalAndRoleTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Unavailable = "This link is not available";

    [Fact]
    public async Task PortalLink_OpenedOnAPhoneThenRevoked_ShowsCaseThenOneNeutralMessage()
    {
        var (_, caseId) = await OpenCaseAsync("Claim 7781: water damage");
        await using var team = await portal.NewPageAsync();
        await team.SignInAsync("Olivia Owner", "Admin");
        await team.Page.GotoAsync($"/#/cases/{caseId}");
        await team.Page.GetByText("Create a link").ClickAsync();
        await team.Page.GetByLabel("Their name").FillAsync("Pat Policyholder");
        await team.Page.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var url = await team.Page.Locator(".link-url").InputValueAsync();
        Assert.Contains("/portal.html#", url, StringComparison.Ordinal);
        await team.AssertAccessibleAsync();

        // A fresh browser context: no session, nothing shared with the team member's browser.
        await using var outsider = await portal.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await outsider.Page.GotoAsync(url);
        await Expect(outsider.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Claim 7781: water damage");
        await Expect(outsider.Page.GetByText("Hello Pat Policyholder")).ToBeVisibleAsync();
        await Expect(outsider.Page.Locator("[aria-current=step]")).ToContainTextAsync("Assessment");
        await outsider.AssertAccessibleAsync();
        await outsider.ScreenshotAsync("external-page");

        await team.Page.GetByRole(AriaRole.Button, new() { Name = "Revoke the link for Pat Policyholder" }).ClickAsync();
        await Expect(team.Page.GetByText("revoked", new() { Exact = true })).ToBeVisibleAsync();
        await outsider.Page.ReloadAsync();
        await Expect(outsider.Page.GetByRole(AriaRole.Heading, new() { Name = Unavailable })).ToBeVisibleAsync();
        await outsider.AssertAccessibleAsync();

        await outsider.Page.GotoAsync("/portal.html#AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        await Expect(outsider.Page.GetByRole(AriaRole.Heading, new() { Name = Unavailable })).ToBeVisibleAsync();
        outsider.AssertNoConsoleErrors();
        team.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Viewer_OnBoardAndCase_SeesNoWorkActions()
    {
        var (templateId, caseId) = await OpenCaseAsync("Read-only look");
        await AddParticipantAsync(caseId, "Victor Viewer", "viewer");
        await using var viewer = await portal.NewPageAsync();
        await viewer.SignInAsync("Victor Viewer", "Viewer");

        await viewer.Page.GotoAsync($"/#/?template={templateId}");
        await Expect(viewer.Page.GetByRole(AriaRole.Link, new() { Name = "Read-only look" })).ToBeVisibleAsync();
        await Expect(viewer.Page.GetByRole(AriaRole.Button, new() { Name = "New case" })).ToHaveCountAsync(0);
        await Expect(viewer.Page.GetByRole(AriaRole.Link, new() { Name = "New template" })).ToHaveCountAsync(0);
        await Expect(viewer.Page.Locator(".role-badge")).ToHaveTextAsync("Viewer");

        await viewer.Page.GotoAsync($"/#/cases/{caseId}");
        await Expect(viewer.Page.GetByText("You can read this case.")).ToBeVisibleAsync();
        await Expect(viewer.Page.GetByRole(AriaRole.Button, new() { Name = "Advance to Decision" })).ToHaveCountAsync(0);
        await Expect(viewer.Page.GetByRole(AriaRole.Heading, new() { Name = "Links for outside people" })).ToHaveCountAsync(0);
        await viewer.AssertAccessibleAsync();
        viewer.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Member_OnBoard_CanOpenCasesButNotEditTemplates()
    {
        var (templateId, _) = await OpenCaseAsync("Member view");
        await using var member = await portal.NewPageAsync();
        await member.SignInAsync("Mia Member", "Member");

        await member.Page.GotoAsync($"/#/?template={templateId}");
        await Expect(member.Page.GetByRole(AriaRole.Button, new() { Name = "New case" })).ToBeVisibleAsync();
        await Expect(member.Page.GetByRole(AriaRole.Link, new() { Name = "New template" })).ToHaveCountAsync(0);
        await member.Page.GotoAsync("/#/templates/new");
        await Expect(member.Page.GetByText("Only admins can create or change templates.")).ToBeVisibleAsync();
        member.AssertNoConsoleErrors();
    }

    /// <summary>Members and viewers see only the cases they take part in; the dev issuer derives their id from the name.</summary>
    private async Task AddParticipantAsync(string caseId, string name, string role)
    {
        using var response = await portal.Api.PostJsonAsync(
            $"/api/cases/{caseId}/participants", $$"""{"id":"{{DevIssuer.ObjectIdFor(name)}}","name":"{{name}}","role":"{{role}}"}""");
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
    }

    private async Task<(string TemplateId, string CaseId)> OpenCaseAsync(string title)
    {
        using var response = await portal.Api.PostJsonAsync("/api/templates", """
            {"name":"Home insurance claim","stages":[{"key":"assessment","name":"Assessment"},{"key":"decision","name":"Decision"}]}
            """);
        await CaseFyClient.ExpectAsync(response, HttpStatusCode.Created);
        var template = await response.Content.ReadFromJsonAsync(CaseFyJsonContext.Default.CaseTemplate, TestContext.Current.CancellationToken);
        var opened = await portal.Api.OpenCaseAsync(template!.Id, title);
        await portal.Api.WaitForStageEnteredAsync(opened.Id, "assessment");
        return (template.Id, opened.Id);
    }
}
