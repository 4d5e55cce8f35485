using CaseFy.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>The metrics page an admin reaches from the board: totals, time per stage and closed per day.</summary>
public sealed class MetricsPageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] Stages = ["intake", "review"];

    [Fact]
    public async Task MetricsPage_FromTheBoard_ShowsTotalsStageTimesAndTodaysClosures()
    {
        var template = await portal.Api.CreateTemplateAsync(Stages);
        var done = await portal.Api.OpenCaseAsync(template.Id, "Done");
        var open = await portal.Api.OpenCaseAsync(template.Id, "Still open");
        await CaseDriver.DriveToClosureAsync(portal.Api, done.Id, Stages);
        await portal.Api.WaitForStageEnteredAsync(open.Id, "intake");

        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync("Maria Lead", "Admin");
        await page.GotoAsync($"/#/?template={template.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Metrics" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Metrics");

        // The totals follow the outbox within seconds: reload until the closed case is counted.
        var closed = page.Locator(".metric-total").Filter(new() { HasText = "Closed cases" });
        for (var attempt = 0; attempt < 30 && (await closed.InnerTextAsync()).Trim().StartsWith('0'); attempt++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
        }

        await Expect(closed).ToContainTextAsync("1");
        await Expect(page.Locator(".metric-total").Filter(new() { HasText = "Open cases" })).ToContainTextAsync("1");
        var intake = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Stage intake" }) });
        await Expect(intake.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("1");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByLabel($"{today}: 1 closed")).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("metrics");
        browser.AssertNoConsoleErrors();
    }
}
