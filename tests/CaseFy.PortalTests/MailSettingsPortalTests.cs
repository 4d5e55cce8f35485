using CaseFy.LocalHost.Identity;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>The mail panel on the notifications page: choose immediate mail, then a task assigned to you arrives as a mail.</summary>
public sealed class MailSettingsPortalTests(MailPortalFixture portal) : IClassFixture<MailPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MailPanel_ChooseImmediate_ThenATaskAssignedToYouIsMailedWithTheCaseLink()
    {
        var template = await portal.Api.CreateTemplateFromJsonAsync("""{"name":"Mailed tasks","stages":[{"key":"work","name":"Work"}]}""");
        var opened = await portal.Api.OpenCaseAsync(template.Id, "Office move");
        await portal.Api.WaitForStageEnteredAsync(opened.Id, "work");
        var mia = DevIssuer.ObjectIdFor("Mia Mail");
        await PostOkAsync($"/api/cases/{opened.Id}/participants", $$"""{"id":"{{mia}}","name":"Mia Mail","role":"member"}""");

        await using var team = await portal.NewPageAsync();
        await team.SignInAsync("Mia Mail", "Member", "mia@example.org");
        await team.Page.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        var panel = team.Page.GetByRole(AriaRole.Region, new() { Name = "Mail" });
        await Expect(panel.Locator(".mail-address")).ToHaveTextAsync("mia@example.org");
        await Expect(panel.GetByRole(AriaRole.Radio, new() { Name = "No mail" })).ToBeCheckedAsync();
        await panel.GetByRole(AriaRole.Radio, new() { Name = "Each notification at once" }).CheckAsync();
        await Expect(panel.GetByText("Saved: each notification at once.")).ToBeVisibleAsync();
        await team.AssertAccessibleAsync();
        await team.ScreenshotAsync("mail-settings");

        await PostOkAsync($"/api/cases/{opened.Id}/tasks", $$$"""{"title":"Book the movers","assignee":{"id":"{{{mia}}}","name":"Mia Mail"}}""");
        var mail = await WaitForMailToAsync("mia@example.org");

        Assert.Equal("A task was assigned to you: Office move", mail.Subject);
        Assert.Contains("\"Book the movers\"", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{portal.BaseAddress.GetLeftPart(UriPartial.Authority)}/#/cases/{opened.Id}", mail.TextBody, StringComparison.Ordinal);

        // Kept: the page shows the choice again after a reload.
        await team.Page.ReloadAsync();
        await Expect(panel.GetByRole(AriaRole.Radio, new() { Name = "Each notification at once" })).ToBeCheckedAsync();
        team.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task MailPanel_SignInWithoutAnAddress_OffersOnlyNoMailAndSaysWhy()
    {
        await using var team = await portal.NewPageAsync();
        await team.SignInAsync("Nils NoMail", "Viewer");
        await team.Page.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        var panel = team.Page.GetByRole(AriaRole.Region, new() { Name = "Mail" });

        await Expect(panel.GetByText("Your sign-in carries no e-mail address")).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Radio, new() { Name = "No mail" })).ToBeCheckedAsync();
        await Expect(panel.GetByRole(AriaRole.Radio, new() { Name = "Each notification at once" })).ToBeDisabledAsync();
        await Expect(panel.GetByRole(AriaRole.Radio, new() { Name = "A daily digest (at 07:00 UTC)" })).ToBeDisabledAsync();
        await team.AssertAccessibleAsync();
        team.AssertNoConsoleErrors();
    }

    private async Task PostOkAsync(string path, string json)
    {
        using var response = await portal.Api.PostJsonAsync(path, json);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private async Task<MimeMessage> WaitForMailToAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            foreach (var file in Directory.GetFiles(portal.PickupFolder, "*.eml"))
            {
                var mail = await MimeMessage.LoadAsync(file, Ct);
                if (mail.To.Mailboxes.Any(m => m.Address == address))
                {
                    return mail;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no mail to {address} after 60 s");
            await Task.Delay(200, Ct);
        }
    }
}
