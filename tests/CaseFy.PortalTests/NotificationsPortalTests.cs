using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFy.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>The unread count in the header and the notifications page, fed by the outbox consumer.</summary>
public sealed class NotificationsPortalTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnreadBadge_AfterAnOutsideUpload_AppearsAndTheInboxLinksTheCaseAndMarksItRead()
    {
        var template = await portal.Api.CreateTemplateFromJsonAsync("""
            {"name":"Supplier check","stages":[{"key":"collect","name":"Collect","documents":[
              {"key":"certificate","name":"Insurance certificate","provider":"external","contentTypes":["application/pdf"],"maxBytes":2048}]}]}
            """);
        var opened = await portal.Api.OpenCaseAsync(template.Id, "Supplier check: Acme");
        await portal.Api.WaitForStageEnteredAsync(opened.Id, "collect");
        var link = await portal.Api.CreatePortalLinkAsync(opened.Id, "Olive Outside", """["view","upload"]""");

        // The case's owner (the API client's person) in the browser: nothing unread yet.
        await using var team = await portal.NewPageAsync();
        await team.SignInAsync(TestHost.AdminName);
        var badge = team.Page.Locator("#nav .unread-badge");
        await Expect(team.Page.GetByRole(AriaRole.Link, new() { Name = "Notifications" })).ToBeVisibleAsync();
        await Expect(badge).ToBeHiddenAsync();

        using (var outsider = new HttpClient { BaseAddress = portal.ApiAddress })
        using (var file = new ByteArrayContent([0x25, 0x50, 0x44, 0x46]))
        {
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
            using var form = new MultipartFormDataContent { { file, "file", "certificate.pdf" } };
            using var uploaded = await outsider.PostAsync(new Uri($"/api/portal/{link.Token}/documents/certificate", UriKind.Relative), form, Ct);
            Assert.Equal(HttpStatusCode.NoContent, uploaded.StatusCode);
        }

        // The badge polls every 10 s; the notification is written within seconds of the upload.
        await Expect(badge).ToHaveTextAsync("1", new() { Timeout = 45_000 });
        await team.Page.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        var item = team.Page.Locator(".notification.unread");
        await Expect(item).ToContainTextAsync("Olive Outside uploaded certificate.pdf");
        await Expect(item.GetByRole(AriaRole.Link, new() { Name = "Supplier check: Acme" })).ToHaveAttributeAsync("href", $"#/cases/{opened.Id}");
        await Expect(team.Page.GetByRole(AriaRole.Button, new() { Name = "Load more" })).ToBeHiddenAsync();
        await team.AssertAccessibleAsync();
        await team.ScreenshotAsync("notifications");

        await item.GetByRole(AriaRole.Button, new() { Name = "Mark read" }).ClickAsync();
        await Expect(team.Page.Locator(".notification.unread")).ToHaveCountAsync(0);
        await Expect(badge).ToBeHiddenAsync();
        team.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Inbox_TaskAndSlaDueWithinTheirLeadTimes_ShowsBothReminders()
    {
        // Lead times as long as the task's due time and the SLA: both reminders are due as soon as the stage is entered.
        var template = await portal.Api.CreateTemplateFromJsonAsync("""
            {"name":"Reminded","reminders":{"taskLeadHours":1,"slaLeadHours":2},"stages":[{"key":"collect","name":"Collect",
              "slaHours":2,"tasks":[{"key":"call","title":"Call the supplier","dueInHours":1}]}]}
            """);

        // Opened by a member of their own, who owns it and its task: the other test's admin inbox is left alone.
        using var rita = new CaseFyClient(new HttpClient { BaseAddress = portal.ApiAddress });
        using (var minted = await rita.Http.PostAsJsonAsync("/api/dev/token", new { name = "Rita Reminded", roles = new[] { "CaseFy.Member" } }, Ct))
        {
            var token = (await minted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();
            rita.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var opened = await rita.OpenCaseAsync(template.Id, "Reminded supplier");
        await rita.WaitForStageEnteredAsync(opened.Id, "collect");

        await using var team = await portal.NewPageAsync();
        await team.SignInAsync("Rita Reminded", "Member");
        await Expect(team.Page.Locator("#nav .unread-badge")).Not.ToBeHiddenAsync(new() { Timeout = 45_000 });
        await team.Page.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();

        var ours = team.Page.Locator(".notification", new() { Has = team.Page.GetByRole(AriaRole.Link, new() { Name = "Reminded supplier" }) });
        await Expect(ours.Filter(new() { HasText = "Your task is due soon: Call the supplier" })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(ours.Filter(new() { HasText = "The SLA runs out soon in stage Collect" })).ToHaveCountAsync(1);
        await team.AssertAccessibleAsync();
        team.AssertNoConsoleErrors();
    }
}
