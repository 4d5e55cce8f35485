using System.Net;
using CaseFy.LocalHost.Identity;
using CaseFy.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>The case page's actions (hold, resume, move, close early, reopen), comments and people, each refreshing the
/// page in place and showing on the timeline; and who sees which of them.</summary>
public sealed class CaseActionsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    // Cases are opened through the API by the test host's admin, who becomes their owner.
    private const string Owner = TestHost.AdminName;

    [Fact]
    public async Task Actions_HoldResumeMoveCloseEarlyReopen_EachRefreshesInPlaceAndIsOnTheTimeline()
    {
        var caseId = await OpenCaseAsync("Lease 12 Harbor Street");
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync(Owner, "Admin");
        await page.GotoAsync($"/#/cases/{caseId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Now: Application" })).ToBeVisibleAsync();
        // A marker a full page load would wipe out: every step below must keep it.
        await page.EvaluateAsync("() => { window.casefyMarker = 'same page'; }");
        var timeline = page.GetByRole(AriaRole.List, new() { Name = "Timeline, newest first" });
        var status = page.Locator(".title-row .badge").First;

        await page.GetByRole(AriaRole.Button, new() { Name = "Put on hold" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Reason").FillAsync("Waiting for the landlord");
        await browser.AssertAccessibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Put on hold" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("On hold");
        await Expect(timeline.Locator(".tl-item").First).ToContainTextAsync("Case on hold");
        await Expect(timeline.Locator(".tl-item").First).ToContainTextAsync("Waiting for the landlord");

        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Open");
        await Expect(timeline.Locator(".tl-item").First).ToContainTextAsync("Case resumed");

        // Moving needs a reason: the API's error shows under the reason field, and nothing moves.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to stage…" }).ClickAsync();
        await dialog.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "Signing" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Expect(dialog.GetByLabel("Reason (required)")).ToHaveAttributeAsync("aria-invalid", "true");
        await browser.AssertAccessibleAsync();
        await dialog.GetByLabel("Reason (required)").FillAsync("Checks were done offline");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Now: Signing" })).ToBeVisibleAsync();
        await Expect(timeline).ToContainTextAsync("Stage moved");
        await Expect(timeline).ToContainTextAsync("Checks were done offline");

        await page.GetByRole(AriaRole.Button, new() { Name = "Close early…" }).ClickAsync();
        await dialog.GetByLabel("Reason (required)").FillAsync("The tenant withdrew");
        await dialog.GetByLabel("Outcome").FillAsync("withdrawn");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close the case" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case closed" })).ToBeVisibleAsync();
        await Expect(page.GetByText("with the outcome withdrawn")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Put on hold" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen…" }).ClickAsync();
        await dialog.GetByLabel("Reason").FillAsync("The tenant is back");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reopen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Now: Signing" })).ToBeVisibleAsync();
        await Expect(timeline).ToContainTextAsync("The tenant is back");
        await Expect(timeline).ToContainTextAsync("Case closed");

        Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.casefyMarker"));
        var types = (await portal.Api.GetTimelineAsync(caseId)).Select(e => e.Type).ToList();
        Assert.Equal(
            ["CaseOnHold", "CaseResumed", "StageMoved", "CaseClosed", "CaseReopened"],
            types.Where(t => t is "CaseOnHold" or "CaseResumed" or "StageMoved" or "CaseClosed" or "CaseReopened"));
        await browser.AssertAccessibleAsync();
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task CommentsAndPeople_AddCommentAddPersonChangeRoleHandOverRemove_ListedAndOnTheTimeline()
    {
        const string Markup = "Called the landlord <b>twice</b> <img src=x onerror=alert(1)>";
        var caseId = await OpenCaseAsync("Lease 7 Mill Road");
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync(Owner, "Admin");
        await page.GotoAsync($"/#/cases/{caseId}");
        var timeline = page.GetByRole(AriaRole.List, new() { Name = "Timeline, newest first" });

        await page.GetByLabel("Add a comment").FillAsync(Markup);
        await page.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync();
        var comments = page.GetByRole(AriaRole.List, new() { Name = "Comments, newest first" });
        await Expect(comments).ToContainTextAsync(Markup);
        await Expect(page.GetByLabel("Add a comment")).ToHaveValueAsync("");
        Assert.Equal(0, await page.Locator("main b, main img").CountAsync());
        await Expect(timeline).ToContainTextAsync("Comment added");

        var people = page.GetByRole(AriaRole.Region, new() { Name = "People", Exact = true });
        await people.GetByRole(AriaRole.Button, new() { Name = "Add a person" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Pia Partner");
        await dialog.GetByLabel("Entra object id").FillAsync("not-a-guid");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(dialog.GetByLabel("Entra object id")).ToHaveAttributeAsync("aria-invalid", "true");
        await dialog.GetByLabel("Entra object id").FillAsync(DevIssuer.ObjectIdFor("Pia Partner"));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var role = people.GetByLabel("Role of Pia Partner");
        await Expect(role).ToHaveValueAsync("member");
        await Expect(timeline.Locator(".tl-item").First).ToContainTextAsync("Participant added");

        await role.SelectOptionAsync("viewer");
        await Expect(timeline.Locator(".tl-item").First).ToContainTextAsync("Participant role changed");
        await Expect(role).ToHaveValueAsync("viewer");

        await people.GetByRole(AriaRole.Button, new() { Name = "Make owner: Pia Partner" }).ClickAsync();
        await Expect(people.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Pia Partner" })).ToContainTextAsync("Owner");
        await Expect(page.Locator(".case-header .meta")).ToContainTextAsync("Owner: Pia Partner");
        await Expect(timeline.Locator(".tl-item").First).ToContainTextAsync("Owner changed");
        await browser.AssertAccessibleAsync();

        // The previous owner stays as a member; an admin may still remove them.
        await people.GetByRole(AriaRole.Button, new() { Name = $"Remove {Owner}" }).ClickAsync();
        await Expect(people.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(timeline.Locator(".tl-item").First).ToContainTextAsync("Participant removed");
        browser.AssertNoConsoleErrors();
        Assert.Empty(browser.Dialogs);
    }

    [Theory]
    [InlineData("member", "Member", true)]
    [InlineData("viewer", "Member", false)]
    public async Task Actions_ForAMemberOrViewerOfTheCase_OnlyWhatTheApiAllows(string caseRole, string appRole, bool works)
    {
        var name = $"Sam {caseRole}";
        var caseId = await OpenCaseAsync($"Lease for a {caseRole}");
        using (var added = await portal.Api.PostJsonAsync(
            $"/api/cases/{caseId}/participants", $$"""{"id":"{{DevIssuer.ObjectIdFor(name)}}","name":"{{name}}","role":"{{caseRole}}"}"""))
        {
            await CaseFyClient.ExpectAsync(added, HttpStatusCode.OK);
        }

        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync(name, appRole);
        await page.GotoAsync($"/#/cases/{caseId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Now: Application" })).ToBeVisibleAsync();

        // Hold and comment are work; move, close early and people are the owner's (or an admin's).
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Put on hold" })).ToHaveCountAsync(works ? 1 : 0);
        var commentBox = Expect(page.GetByLabel("Add a comment"));
        await (works ? commentBox.ToBeVisibleAsync() : commentBox.ToBeHiddenAsync());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move to stage…" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Close early…" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add a person" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "People", Exact = true })).ToContainTextAsync(name);
        await browser.AssertAccessibleAsync();
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task CreateCase_WithSomeoneElseAsOwner_OpensTheCaseOwnedByThem()
    {
        var template = await portal.Api.CreateTemplateFromJsonAsync("""
            {"name":"Lease handover","stages":[{"key":"application","name":"Application"},{"key":"signing","name":"Signing"}]}
            """);
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync(Owner, "Admin");
        await page.GotoAsync($"/#/?template={template.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "New case" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New case" });
        await Expect(dialog.GetByLabel("Process")).ToHaveValueAsync(template.Id);
        await dialog.GetByLabel("Title").FillAsync("Lease 3 Quay Lane");
        await dialog.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync("other");
        await dialog.GetByLabel("Owner’s name").FillAsync("Oscar Other");
        await dialog.GetByLabel("Owner’s Entra object id").FillAsync("12345");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Expect(dialog.GetByLabel("Owner’s Entra object id")).ToHaveAttributeAsync("aria-invalid", "true");
        await browser.AssertAccessibleAsync();

        await dialog.GetByLabel("Owner’s Entra object id").FillAsync(DevIssuer.ObjectIdFor("Oscar Other"));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lease 3 Quay Lane", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".case-header .meta")).ToContainTextAsync("Owner: Oscar Other");
        var people = page.GetByRole(AriaRole.Region, new() { Name = "People", Exact = true });
        await Expect(people.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Oscar Other" })).ToContainTextAsync("Owner");
        await Expect(people.GetByLabel($"Role of {Owner}")).ToHaveValueAsync("member");
        browser.AssertNoConsoleErrors();
    }

    private async Task<string> OpenCaseAsync(string title)
    {
        var template = await portal.Api.CreateTemplateFromJsonAsync("""
            {"name":"Lease application","stages":[{"key":"application","name":"Application"},{"key":"checks","name":"Checks"},{"key":"signing","name":"Signing"}]}
            """);
        var opened = await portal.Api.OpenCaseAsync(template.Id, title);
        await portal.Api.WaitForStageEnteredAsync(opened.Id, "application");
        return opened.Id;
    }
}
