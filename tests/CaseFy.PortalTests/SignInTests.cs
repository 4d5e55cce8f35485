using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>
/// Signing in and out through OpenID Connect (authorization code + PKCE, oidc-client-ts): against the development
/// issuer end to end, and in <c>entra</c> mode up to the configured authority's authorize endpoint (Entra ID itself
/// cannot run here: a stand-in on the authority's address answers, the real library runs).
/// </summary>
public sealed class SignInTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string EntraAuthority = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0";
    private const string EntraClientId = "99999999-8888-7777-6666-555555555555";

    [Fact]
    public async Task SignIn_FromADeepLinkThroughTheIssuerPage_ShowsWhoAndReturnsThereThenSignOutEndsTheSession()
    {
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync("/#/tasks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dev-issuer/authorize\\?.*code_challenge_method=S256"));
        await browser.AssertAccessibleAsync();
        await browser.SignInAsOnIssuerPageAsync("Sina Signin", "Member");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My tasks" })).ToBeVisibleAsync();
        Assert.EndsWith("/#/tasks", page.Url, StringComparison.Ordinal); // the code and state are gone from the address
        await Expect(page.Locator(".who-name")).ToHaveTextAsync("Sina Signin");
        await Expect(page.Locator(".role-badge")).ToHaveTextAsync("Member");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to CaseFy" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => /session|oidc\\.user/.test(k)).length"));
        await page.GotoAsync("/#/cases");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task SignIn_CancelledOnTheIssuerPage_SaysSoAndStaysSignedOut()
    {
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync("/#/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Sign-in was cancelled.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SignIn_EntraMode_SendsTheBrowserToTheAuthorityWithPkce()
    {
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        var config = $$$"""{"signIn":{"mode":"entra","authority":"{{{EntraAuthority}}}","clientId":"{{{EntraClientId}}}","scopes":["api://{{{EntraClientId}}}/access_as_user"]}}""";
        await page.RouteAsync("**/api/config", route => route.FulfillAsync(portal.ApiAnswer(config)));
        // A stand-in on Entra ID's address: its discovery document (fetched under the portal's CSP and CORS) and its
        // authorize endpoint, which records where the browser was sent.
        await page.RouteAsync(url => url == $"{EntraAuthority}/.well-known/openid-configuration", route => route.FulfillAsync(new()
        {
            ContentType = "application/json",
            Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
            Body = $$"""
                {"issuer":"{{EntraAuthority}}","authorization_endpoint":"{{Authority("oauth2/v2.0/authorize")}}",
                 "token_endpoint":"{{Authority("oauth2/v2.0/token")}}","end_session_endpoint":"{{Authority("oauth2/v2.0/logout")}}",
                 "jwks_uri":"{{Authority("discovery/v2.0/keys")}}","response_types_supported":["code"],
                 "code_challenge_methods_supported":["S256"]}
                """,
        }));
        await page.RouteAsync(url => url.StartsWith(Authority("oauth2/v2.0/authorize") + "?", StringComparison.Ordinal), route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = "<!doctype html><title>Stand-in for Entra ID</title><h1>Stand-in for Entra ID</h1>",
        }));

        await page.GotoAsync("/#/signin");
        await Expect(page.GetByText("organisation's Microsoft account")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stand-in for Entra ID" })).ToBeVisibleAsync();
        var sent = new Uri(page.Url);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(sent.Query);
        Assert.Equal(Authority("oauth2/v2.0/authorize"), sent.GetLeftPart(UriPartial.Path));
        Assert.Equal(EntraClientId, query["client_id"].ToString());
        Assert.Equal(portal.BaseAddress.GetLeftPart(UriPartial.Authority) + "/", query["redirect_uri"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", query["code_challenge"].ToString());
        Assert.False(string.IsNullOrEmpty(query["state"].ToString()));
        Assert.Equal(["openid", "profile", $"api://{EntraClientId}/access_as_user"], query["scope"].ToString().Split(' '));
        Assert.False(query.ContainsKey("code_verifier"), "The PKCE verifier never leaves the browser before the token request.");
    }

    private static string Authority(string path) => EntraAuthority.Replace("/v2.0", "/" + path, StringComparison.Ordinal);
}
