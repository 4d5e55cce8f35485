using CaseFy.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>
/// A conversation with an outside party through the browser: the team writes on the case page, the outside party reads
/// it on their phone on the external page and answers, and the team's case page shows the answer; the same with a file
/// each way, downloaded on both sides.
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

    [Fact]
    public async Task Attachment_OutsidePartyDownloadsTheTeamsFileAndAnswersWithOne_TheTeamSeesIt()
    {
        var template = await portal.Api.CreateTemplateFromJsonAsync("""{"name":"Contracts","stages":[{"key":"sign","name":"Sign"}]}""");
        var opened = await portal.Api.OpenCaseAsync(template.Id, "Contract: Gail Signer");
        await portal.Api.WaitForStageEnteredAsync(opened.Id, "sign");
        var link = await portal.Api.CreatePortalLinkAsync(opened.Id, "Gail Signer", """["view","message"]""");
        byte[] contract = "%PDF-1.4 the contract"u8.ToArray(), signed = "signed by Gail"u8.ToArray();

        // The team writes with a file on the case page.
        await using var team = await portal.NewPageAsync();
        await team.SignInAsync(TestHost.AdminName);
        await team.Page.GotoAsync($"/#/cases/{opened.Id}");
        var gails = team.Page.GetByRole(AriaRole.Region, new() { Name = "Messages with outside people" }).GetByRole(AriaRole.Group, new() { Name = "Gail Signer" });
        await gails.GetByLabel("Write to Gail Signer").FillAsync("Here is the contract to sign.");
        await gails.GetByLabel("Attach a file (optional)").SetInputFilesAsync(new FilePayload { Name = "contract.pdf", MimeType = "application/pdf", Buffer = contract });
        await gails.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        var teamList = gails.GetByRole(AriaRole.List, new() { Name = "Messages with Gail Signer, oldest first" });
        await Expect(teamList.GetByRole(AriaRole.Button, new() { Name = "Download contract.pdf" })).ToBeVisibleAsync();

        // Gail, on her phone, downloads it and answers with her signed copy.
        await using var outsider = await portal.NewPageAsync(Phone);
        var page = outsider.Page;
        await page.GotoAsync(link.Url);
        var list = page.GetByRole(AriaRole.Region, new() { Name = "Messages" }).GetByRole(AriaRole.List, new() { Name = "Messages with the team, oldest first" });
        await Expect(list).ToContainTextAsync("Here is the contract to sign.");
        var download = await page.RunAndWaitForDownloadAsync(() => list.GetByRole(AriaRole.Button, new() { Name = "Download contract.pdf" }).ClickAsync());
        Assert.Equal("contract.pdf", download.SuggestedFilename);
        Assert.Equal(contract, await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        await page.GetByLabel("Write to the team").FillAsync("Signed, see attached.");
        await page.GetByLabel("Attach a file (optional)").SetInputFilesAsync(new FilePayload { Name = "signed.txt", MimeType = "text/plain", Buffer = signed });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await Expect(list.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(list.GetByRole(AriaRole.Listitem).Last.GetByRole(AriaRole.Button, new() { Name = "Download signed.txt" })).ToBeVisibleAsync();
        await outsider.AssertAccessibleAsync();

        // The team's page polls: the answer arrives with its file, which the team downloads.
        var answer = teamList.GetByRole(AriaRole.Button, new() { Name = "Download signed.txt" });
        await Expect(answer).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var teamDownload = await team.Page.RunAndWaitForDownloadAsync(() => answer.ClickAsync());
        Assert.Equal(signed, await File.ReadAllBytesAsync(await teamDownload.PathAsync(), TestContext.Current.CancellationToken));
        await team.AssertAccessibleAsync();
        outsider.AssertNoConsoleErrors();
        team.AssertNoConsoleErrors();
    }
}
