using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseFy.LocalHost.Identity;
using CaseFy.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The development issuer as an OpenID provider, over real HTTP as the portal's oidc-client-ts uses it: the
/// authorization code flow with PKCE gives the access token the API accepts, and the faults a client or an attacker
/// can make (wrong verifier, replayed code, foreign redirect URI, no PKCE) are refused.
/// </summary>
public sealed class DevOidcProviderTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>, IDisposable
{
    private const string Verifier = "a-perfectly-good-code-verifier-of-at-least-43-characters";

    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Host.Address };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The portal runs on its own origin; the issuer is on the API's.
    private string Portal => host.Host.PortalAddress.GetLeftPart(UriPartial.Authority) + "/";

    private string Issuer => host.Host.Address.GetLeftPart(UriPartial.Authority) + "/dev-issuer";

    [Fact]
    public async Task Discovery_Anonymous_NamesTheEndpointsAndRequiresS256()
    {
        using var metadata = JsonDocument.Parse(await _browser.GetStringAsync(new Uri("/dev-issuer/.well-known/openid-configuration", UriKind.Relative), Ct));
        var root = metadata.RootElement;

        Assert.Equal(Issuer, root.GetProperty("issuer").GetString());
        Assert.Equal($"{Issuer}/authorize", root.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{Issuer}/token", root.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{Issuer}/logout", root.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["S256"], root.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        using var keys = JsonDocument.Parse(await _browser.GetStringAsync(new Uri(root.GetProperty("jwks_uri").GetString()!), Ct));
        var key = Assert.Single(keys.RootElement.GetProperty("keys").EnumerateArray());
        Assert.False(key.TryGetProperty("d", out _), "The key set must not publish the private key.");
    }

    [Fact]
    public async Task CodeFlow_SignInAsMemberWithRightVerifier_GivesAnAccessTokenTheApiAcceptsAndAnIdToken()
    {
        var code = await SignInAsync("Oidc Member", "CaseFy.Member", state: "state-1", nonce: "nonce-1");

        using var response = await RedeemAsync(code, Verifier);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var tokens = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var idToken = new JsonWebToken(tokens.RootElement.GetProperty("id_token").GetString());
        Assert.Equal(Issuer, idToken.Issuer);
        Assert.Equal(DevIssuer.ClientId, Assert.Single(idToken.Audiences));
        Assert.Equal("nonce-1", idToken.GetClaim("nonce").Value);
        Assert.Equal(DevIssuer.ObjectIdFor("Oidc Member"), idToken.Subject);
        using var api = new HttpClient { BaseAddress = host.Host.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.RootElement.GetProperty("access_token").GetString());
        using var cases = await api.GetAsync(new Uri("/api/cases", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
        using var templates = await api.PostAsync(new Uri("/api/templates", UriKind.Relative), JsonContent.Create(new { name = "x" }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, templates.StatusCode); // a member, as chosen on the page
    }

    [Fact]
    public async Task Token_WrongVerifierThenRightOne_BothRefusedBecauseTheCodeIsSpent()
    {
        var code = await SignInAsync("Oidc Guesser", "CaseFy.Admin");

        using var wrong = await RedeemAsync(code, Verifier.Replace('a', 'b'));
        using var right = await RedeemAsync(code, Verifier);

        await ExpectOAuthErrorAsync(wrong, "invalid_grant");
        await ExpectOAuthErrorAsync(right, "invalid_grant");
    }

    [Fact]
    public async Task Token_CodeRedeemedTwice_SecondIsRefused()
    {
        var code = await SignInAsync("Oidc Replayer", "CaseFy.Viewer");

        using var first = await RedeemAsync(code, Verifier);
        using var second = await RedeemAsync(code, Verifier);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await ExpectOAuthErrorAsync(second, "invalid_grant");
    }

    [Theory]
    [InlineData("client_id", "someone-else", "invalid_client")]
    [InlineData("redirect_uri", "http://127.0.0.1:1/", "invalid_grant")]
    [InlineData("grant_type", "password", "unsupported_grant_type")]
    [InlineData("code", "", "invalid_request")]
    public async Task Token_WrongParameter_IsOAuthError(string name, string value, string error)
    {
        var code = await SignInAsync("Oidc Mistaken", "CaseFy.Viewer");
        var form = TokenForm(code, Verifier);
        form[name] = value;

        using var response = await _browser.PostAsync(new Uri("/dev-issuer/token", UriKind.Relative), new FormUrlEncodedContent(form), Ct);

        await ExpectOAuthErrorAsync(response, error);
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("http://127.0.0.1:1/")]
    [InlineData("not a uri")]
    [InlineData("the API's own origin")]
    public async Task Authorize_ForeignRedirectUri_ShowsRefusalAndNeverRedirects(string redirectUri)
    {
        var query = AuthorizeQuery() with { RedirectUri = redirectUri == "the API's own origin" ? host.Host.Address.ToString() : redirectUri };

        using var page = await _browser.GetAsync(new Uri(query.Url, UriKind.Relative), Ct);
        using var post = await _browser.PostAsync(new Uri("/dev-issuer/authorize", UriKind.Relative), new FormUrlEncodedContent(query.Form("Mallory", "CaseFy.Admin")), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("not the portal", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Null(post.Headers.Location);
    }

    [Theory]
    [InlineData("code_challenge_method", "plain", "invalid_request")]
    [InlineData("code_challenge", "", "invalid_request")]
    [InlineData("response_type", "token", "unsupported_response_type")]
    [InlineData("scope", "profile", "invalid_scope")]
    public async Task Authorize_WithoutPkceOrCodeFlow_RedirectsBackWithError(string name, string value, string error)
    {
        var query = AuthorizeQuery();
        var parameters = query.Parameters();
        parameters[name] = value;

        using var response = await _browser.GetAsync(new Uri(QueryHelpers.AddQueryString("/dev-issuer/authorize", parameters), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.StartsWith(Portal, response.Headers.Location.ToString(), StringComparison.Ordinal);
        Assert.Equal(error, back["error"].ToString());
        Assert.Equal("state-x", back["state"].ToString());
        Assert.False(back.ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_NameMissingOrMarkup_PageAsksAgainAndShowsTheNameAsText()
    {
        var query = AuthorizeQuery();

        using var empty = await _browser.PostAsync(new Uri("/dev-issuer/authorize", UriKind.Relative), new FormUrlEncodedContent(query.Form(" ", "CaseFy.Admin")), Ct);
        using var markup = await _browser.GetAsync(new Uri(AuthorizeQuery(state: "\"><script>alert(1)</script>").Url, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Enter a name", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(empty.Headers.Location);
        Assert.DoesNotContain("<script>", await markup.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // No script at all; the form may post here and be sent back to the portal's origin only.
        var csp = markup.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Contains($"form-action 'self' {Portal.TrimEnd('/')};", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_PortalOrForeignAddress_RedirectsOnlyToThePortal()
    {
        using var home = await _browser.GetAsync(new Uri($"/dev-issuer/logout?post_logout_redirect_uri={Uri.EscapeDataString(Portal)}&state=s", UriKind.Relative), Ct);
        using var foreign = await _browser.GetAsync(new Uri("/dev-issuer/logout?post_logout_redirect_uri=https%3A%2F%2Fattacker.example%2F", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(Portal + "?state=s", home.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Null(foreign.Headers.Location);
    }

    public void Dispose() => _browser.Dispose();

    private static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private AuthorizeParameters AuthorizeQuery(string state = "state-x", string? nonce = null) =>
        new(Portal, Challenge(Verifier), state, nonce);

    // The page's form posted as the browser would, then the code taken from the redirect back to the portal.
    private async Task<string> SignInAsync(string name, string role, string state = "state-x", string? nonce = null)
    {
        var query = AuthorizeQuery(state, nonce);
        using var page = await _browser.GetAsync(new Uri(query.Url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Your name", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var posted = await _browser.PostAsync(new Uri("/dev-issuer/authorize", UriKind.Relative), new FormUrlEncodedContent(query.Form(name, role)), Ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var back = posted.Headers.Location!;
        Assert.Equal(Portal, back.GetLeftPart(UriPartial.Path));
        var parameters = QueryHelpers.ParseQuery(back.Query);
        Assert.Equal(state, parameters["state"].ToString());
        return parameters["code"].ToString();
    }

    private Dictionary<string, string> TokenForm(string code, string verifier) => new()
    {
        ["grant_type"] = "authorization_code",
        ["client_id"] = DevIssuer.ClientId,
        ["redirect_uri"] = Portal,
        ["code"] = code,
        ["code_verifier"] = verifier,
    };

    private Task<HttpResponseMessage> RedeemAsync(string code, string verifier) =>
        _browser.PostAsync(new Uri("/dev-issuer/token", UriKind.Relative), new FormUrlEncodedContent(TokenForm(code, verifier)), Ct);

    private static async Task ExpectOAuthErrorAsync(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
        Assert.False(body.RootElement.TryGetProperty("access_token", out _));
    }

    /// <summary>An authorization request as oidc-client-ts sends it.</summary>
    private sealed record AuthorizeParameters(string RedirectUri, string CodeChallenge, string State, string? Nonce)
    {
        public Dictionary<string, string?> Parameters() => new()
        {
            ["client_id"] = DevIssuer.ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid profile api://casefy-local/access_as_user",
            ["state"] = State,
            ["nonce"] = Nonce,
            ["code_challenge"] = CodeChallenge,
            ["code_challenge_method"] = "S256",
        };

        public string Url => QueryHelpers.AddQueryString("/dev-issuer/authorize", Parameters());

        public Dictionary<string, string> Form(string name, string role)
        {
            var form = Parameters().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);
            form["name"] = name;
            form["role"] = role;
            return form;
        }
    }
}
