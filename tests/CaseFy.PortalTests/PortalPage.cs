using CaseFy.LocalHost.Storage;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CaseFy.PortalTests;

/// <summary>One page in its own browser context, with what the tests look for on every page: console errors
/// (a Content-Security-Policy violation is one), dialogs (an executed XSS payload would open one), axe results.</summary>
public sealed class PortalPage : IAsyncDisposable
{
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _dialogs = [];

    public PortalPage(PortalFixture fixture, IBrowserContext context, IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        Fixture = fixture;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // A refused request (404 of an expired link, 401) is logged by Chromium too; those are expected.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public PortalFixture Fixture { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Dialogs => _dialogs;

    /// <summary>What the page logged as errors so far (for failure messages).</summary>
    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    /// <summary>
    /// Where screenshots go: the tracked docs/screenshots/ only when asked (<c>CASEFY_SCREENSHOTS=1</c>), a temporary
    /// folder otherwise, so a test run leaves the checkout as it found it.
    /// </summary>
    public static string ScreenshotFolder => ScreenshotFolderFor(Environment.GetEnvironmentVariable("CASEFY_SCREENSHOTS"));

    public static string ScreenshotFolderFor(string? setting) => setting == "1"
        ? Path.Combine(RepoPaths.FindRoot(), "docs", "screenshots")
        : Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "casefy-screenshots")).FullName;

    /// <summary>
    /// Signs in like a person would, through the real OpenID Connect redirect: the portal's "Sign in" button, the
    /// development issuer's "sign in as" page (name and role), and back to the portal with a code it exchanges.
    /// </summary>
    public async Task SignInAsync(string name, string role = "Admin", string? email = null)
    {
        await Page.GotoAsync("/#/signin");
        var start = Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });
        var signOut = Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Assertions.Expect(start.Or(signOut)).ToBeVisibleAsync();
        if (await signOut.IsVisibleAsync())
        {
            return;
        }

        await start.ClickAsync();
        await SignInAsOnIssuerPageAsync(name, role, email);
        await Assertions.Expect(signOut).ToBeVisibleAsync();
    }

    /// <summary>Fills in and sends the development issuer's "sign in as" page (the browser must be on it).</summary>
    public async Task SignInAsOnIssuerPageAsync(string name, string role = "Admin", string? email = null)
    {
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in as" })).ToBeVisibleAsync();
        await Page.GetByLabel("Your name").FillAsync(name);
        if (email is not null)
        {
            await Page.GetByLabel("E-mail (optional)").FillAsync(email);
        }

        await Page.GetByRole(AriaRole.Radio, new() { Name = role }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in as an admin and opens the template editor on a new template named <paramref name="name"/>.</summary>
    public async Task OpenNewTemplateAsync(string name)
    {
        await SignInAsync("Tara Templates", "Admin");
        await Page.GotoAsync("/#/templates/new");
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
    }

    /// <summary>Creates the template the editor holds; returns its id once the editor shows its version 1.</summary>
    public async Task<string> CreateTemplateInEditorAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create template" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Version 1 ·")).ToBeVisibleAsync();
        return Page.Url.Split("#/templates/")[1];
    }

    /// <summary>axe-core on the page as it is now: no serious or critical violation.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, "axe: " + string.Join("; ", bad.Select(v =>
            $"{v.Id} [{v.Impact}] {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>Nothing went wrong in the page: no console error, no script error, no CSP violation.</summary>
    public void AssertNoConsoleErrors() =>
        Assert.True(_consoleErrors.Count == 0, "Console errors: " + string.Join(" | ", _consoleErrors));

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), Animations = ScreenshotAnimations.Disabled });

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
