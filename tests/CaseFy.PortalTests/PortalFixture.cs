using CaseFy.Testing;
using Microsoft.Playwright;

namespace CaseFy.PortalTests;

/// <summary>
/// One Azurite, one local host (the API and, on its own origin, the built portal) and one headless Debian Chromium
/// per test class; each test opens its own browser context, so tests share no cookies or storage.
/// </summary>
public class PortalFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "casefy-chromium", Guid.NewGuid().ToString("N"));
    private TestStorage? _storage;
    private TestHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public CaseFyClient Api => _host!.Api;

    /// <summary>Command-line settings for the local host (none: its defaults).</summary>
    protected virtual string[] HostSettings => [];

    /// <summary>The portal's address: its own origin, not the API's (as in Azure), so every page's API call crosses origins.</summary>
    public Uri BaseAddress => _host!.PortalAddress;

    /// <summary>The API's address.</summary>
    public Uri ApiAddress => _host!.Address;

    /// <summary>The case table in Azurite, around CaseFy (such as appending a long stretch of timeline quickly).</summary>
    public StoredCases Storage => new(_storage!.ConnectionString);

    /// <summary>The local host's services, for what a test cannot do through the API (such as letting time pass).</summary>
    public IServiceProvider Services => _host!.Services;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        // The orchestration works asynchronously on a shared 2-core machine: give the page time to follow it.
        Assertions.SetDefaultExpectTimeout(20_000);
        var browser = LaunchBrowserAsync();
        _storage = await TestStorage.StartAsync(ct);
        _host = await TestHost.StartAsync(_storage.ConnectionString, TestHost.NewTaskHub(), ct, HostSettings);
        await browser;
    }

    /// <summary>A fresh browser context (no cookies, no storage) with a page that records console errors and dialogs.</summary>
    public async Task<PortalPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 860 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        return new PortalPage(this, context, await context.NewPageAsync());
    }

    /// <summary>
    /// A JSON answer standing in for the API's: it comes from another origin, so it carries the API's CORS header
    /// for the portal, or the browser withholds it from the page.
    /// </summary>
    public RouteFulfillOptions ApiAnswer(string json, int status = 200) => new()
    {
        Status = status,
        ContentType = "application/json",
        Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = BaseAddress.GetLeftPart(UriPartial.Authority) },
        Body = json,
    };

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        GC.SuppressFinalize(this);
    }

    private async Task LaunchBrowserAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is missing at {ChromiumPath}: apt-get install -y chromium (eng/test.sh does).");
        Directory.CreateDirectory(_profile);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--disable-gpu",
            ],
            // Keep Chromium's profile and caches out of $HOME.
            Env = new Dictionary<string, string>
            {
                ["XDG_CONFIG_HOME"] = Path.Combine(_profile, "config"),
                ["XDG_CACHE_HOME"] = Path.Combine(_profile, "cache"),
            },
        });
    }
}
