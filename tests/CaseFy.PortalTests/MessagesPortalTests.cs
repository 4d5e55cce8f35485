using CaseFy.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>
/// A conversation with an outside party through the browser: the team writes on the case page, the outside party reads
/// it on their phone on the external page and answers, and the team's case page shows the answer.
/// </summary>
public sealed class MessagesPortalTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Conversation_TeamWritesOutsidePartyReadsAndAnswers_TheTeamSeesTheAnswer()
    {
        var template = await portal.Api.CreateTemplateFromJsonAsync("""{"name":"Onboarding","stages":[{"key":"welcome","name":"Welcome"}]}""");
        var opened = await portal.Api.OpenCaseAsync(template.Id, "Onboarding: Erin Newhire");
        await portal.Api.WaitForStageEnteredAsync(opened.Id, "welcome");
        var link = await portal.Api.CreatePortalLinkAsync(opened.Id, "Erin Newhire", """["view","message"]""");
        var other = await portal.Api.CreatePortalLinkAsync(opened.Id, "Frank Referee", """["view","message"]""");
        using (var secret = await portal.Api.PostJsonAsync($"/api/cases/{opened.Id}/messages", $$"""{"text":"For Frank only","linkId":"{{other.Link.Id}}"}"""))
        {
            await CaseFyClient.ExpectAsync(secret, System.Net.HttpStatusCode.OK);
        }

        // The team member writes on the case page, in Erin's conversation.
        await using var team = await portal.NewPageAsync();
        await team.SignInAsync(TestHost.AdminName);
        await team.Page.GotoAsync($"/#/cases/{opened.Id}");
        var conversations = team.Page.GetByRole(AriaRole.Region, new() { Name = "Messages with outside people" });
        var erins = conversations.GetByRole(AriaRole.Group, new() { Name = "Erin Newhire" });
        await erins.GetByLabel("Write to Erin Newhire").FillAsync("Welcome! Which day suits you for the first meeting?");
        await erins.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await Expect(erins.GetByRole(AriaRole.List, new() { Name = "Messages with Erin Newhire, oldest first" }))
            .ToContainTextAsync("Which day suits you");

        // Erin, on her phone: the team's message, nothing of Frank's conversation; she answers.
        await using var outsider = await portal.NewPageAsync(Phone);
        var page = outsider.Page;
        await page.GotoAsync(link.Url);
        var messages = page.GetByRole(AriaRole.Region, new() { Name = "Messages" });
        var list = messages.GetByRole(AriaRole.List, new() { Name = "Messages with the team, oldest first" });
        await Expect(list.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(list).ToContainTextAsync($"{TestHost.AdminName}");
        await Expect(list).ToContainTextAsync("Welcome! Which day suits you for the first meeting?");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("For Frank only");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "What has happened, newest first" })).ToContainTextAsync("The team wrote to you");
        await page.GetByLabel("Write to the team").FillAsync("Monday at 10 works for me.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await Expect(list.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(list.GetByRole(AriaRole.Listitem).Last).ToContainTextAsync("You");
        await Expect(list.GetByRole(AriaRole.Listitem).Last).ToContainTextAsync("Monday at 10 works for me.");
        await outsider.AssertAccessibleAsync();
        await outsider.ScreenshotAsync("external-messages");

        // The team's case page polls: Erin's answer arrives in her conversation, Frank's stays apart.
        var erinsList = erins.GetByRole(AriaRole.List, new() { Name = "Messages with Erin Newhire, oldest first" });
        await Expect(erinsList).ToContainTextAsync("Monday at 10 works for me.", new() { Timeout = 30_000 });
        await Expect(erinsList.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(conversations.GetByRole(AriaRole.Group, new() { Name = "Frank Referee" })).ToContainTextAsync("For Frank only");
        await team.AssertAccessibleAsync();
        await team.ScreenshotAsync("case-messages");
        outsider.AssertNoConsoleErrors();
        team.AssertNoConsoleErrors();
    }
}
