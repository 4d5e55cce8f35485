using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>
/// The portal and the API on two origins, as in Azure: a page from the portal's origin reads the API's address from
/// <c>config.json</c> and calls it cross-origin (CORS preflights for the bearer token and JSON bodies), and its CSP
/// lets it connect nowhere else.
/// </summary>
public sealed class CrossOriginTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private string ApiOrigin => portal.ApiAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task Page_FromThePortalOrigin_CallsTheApiCrossOrigin()
    {
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        var apiCalls = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                apiCalls.Enqueue(request.Url);
            }
        };
        var template = await portal.Api.CreateTemplateAsync("review", "done");
        var opened = await portal.Api.OpenCaseAsync(template.Id, "Cross-origin matter");
        await portal.Api.WaitForStageEnteredAsync(opened.Id, "review");
        await browser.SignInAsync("Cora Cross", "Admin");

        // GETs with a bearer token and a JSON POST: each preflighted by the browser, then sent.
        await page.GotoAsync($"/#/cases/{opened.Id}");
        await page.GetByLabel("Add a comment").FillAsync("Sent across origins");
        var posted = await page.RunAndWaitForRequestFinishedAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync(),
            new() { Predicate = r => r.Method == "POST" && r.Url.EndsWith("/comments", StringComparison.Ordinal) });
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Comments, newest first" })).ToContainTextAsync("Sent across origins");

        Assert.NotEqual(ApiOrigin, portal.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal($"{ApiOrigin}/api/cases/{opened.Id}/comments", posted.Url);
        Assert.Equal(200, (await posted.ResponseAsync())!.Status);
        Assert.All(apiCalls, url => Assert.StartsWith(ApiOrigin + "/", url, StringComparison.Ordinal));
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Csp_AllowsTheApiAndRefusesAnyOtherOrigin()
    {
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync("/#/signin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to CaseFy" })).ToBeVisibleAsync();

        // The browser refuses the request itself (a CSP violation), before any connection is made.
        var refused = await ViolationAsync(page, "http://127.0.0.1:9/collect");
        var allowed = await ViolationAsync(page, ApiOrigin + "/api/health");

        Assert.Equal("connect-src", refused);
        Assert.Null(allowed);
        Assert.Contains(browser.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    /// <summary>Fetches <paramref name="url"/> from the page; the CSP directive that refused it, or null.</summary>
    private static Task<string?> ViolationAsync(IPage page, string url) =>
        page.EvaluateAsync<string?>(
            """
            async url => {
              let violated = null;
              const listen = e => { violated = e.effectiveDirective; };
              document.addEventListener('securitypolicyviolation', listen);
              try { await fetch(url, { credentials: 'omit' }); } catch { }
              await new Promise(r => setTimeout(r, 100));
              document.removeEventListener('securitypolicyviolation', listen);
              return violated;
            }
            """, url);
}
