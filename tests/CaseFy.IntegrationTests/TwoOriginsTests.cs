using System.Net;
using System.Text.Json;
using CaseFy.Application.Http;
using CaseFy.Model.Ports;
using CaseFy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The local host runs the API and the portal on two origins, as Azure does: the portal's <c>config.json</c> names
/// the API, the API answers CORS for the portal's origin only (bearer tokens, no credentials), neither origin serves
/// the other's content, and the portal's CSP may connect to exactly this run's API and Blob endpoint.
/// </summary>
public sealed class TwoOriginsTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>, IDisposable
{
    private readonly HttpClient _http = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string ApiOrigin => host.Host.Address.GetLeftPart(UriPartial.Authority);

    private string PortalOrigin => host.Host.PortalAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task PortalConfig_NamesTheApi()
    {
        using var response = await _http.GetAsync(new Uri(host.Host.PortalAddress, "/config.json"), Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        using var config = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(ApiOrigin, config.RootElement.GetProperty("apiBaseUrl").GetString());
        Assert.NotEqual(ApiOrigin, PortalOrigin);
    }

    [Theory]
    [InlineData("api", "/")]
    [InlineData("api", "/portal.html")]
    [InlineData("portal", "/api/health")]
    public async Task EachOrigin_ServesOnlyItsOwnContent(string origin, string path)
    {
        using var response = await _http.GetAsync(new Uri(origin == "api" ? host.Host.Address : host.Host.PortalAddress, path), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Preflight_FromThePortalOrigin_IsAnsweredWithoutCredentials(string method)
    {
        using var response = await PreflightAsync(PortalOrigin, method, "authorization,content-type,if-match");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(PortalOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains(method, response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        var allowed = response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToUpperInvariant();
        Assert.All(ApiCorsPolicy.RequestHeaders, h => Assert.Contains(h.ToUpperInvariant(), allowed, StringComparison.Ordinal));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("null")]
    public async Task Preflight_FromAnotherOrigin_GetsNoCorsHeaders(string origin)
    {
        using var response = await PreflightAsync(origin, "POST", "authorization");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Preflight_FromTheApiOwnOrigin_GetsNoCorsHeaders()
    {
        using var response = await PreflightAsync(ApiOrigin, "POST", "authorization");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task CrossOriginAnswer_ExposesTheHeadersThePortalReads()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Host.Address, "/api/config"));
        request.Headers.Add("Origin", PortalOrigin);

        using var response = await _http.SendAsync(request, Ct);

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal(PortalOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var exposed = response.Headers.GetValues("Access-Control-Expose-Headers").Single();
        Assert.All(["ETag", "Location", "Retry-After", "Content-Disposition"], h => Assert.Contains(h, exposed, StringComparison.OrdinalIgnoreCase));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task PortalCsp_ConnectsToExactlyThisApiAndBlobEndpoint()
    {
        var blob = host.Services.GetRequiredService<IDocumentStore>().ServiceOrigin.GetLeftPart(UriPartial.Authority);

        using var page = await _http.GetAsync(new Uri(host.Host.PortalAddress, "/"), Ct);

        await CaseFyClient.ExpectAsync(page, HttpStatusCode.OK);
        var connect = page.Headers.GetValues("Content-Security-Policy").Single().Split(';')
            .Select(d => d.Trim()).Single(d => d.StartsWith("connect-src ", StringComparison.Ordinal))
            .Split(' ').Skip(1).ToList();
        Assert.Equal(["'self'", "https://login.microsoftonline.com", ApiOrigin, blob], connect);
    }

    [Theory]
    [InlineData("https://portal.example", true)]
    [InlineData("http://127.0.0.1:7072/", true)]
    [InlineData("https://*.azurestaticapps.net", false)]
    [InlineData("*", false)]
    [InlineData("https://portal.example/app", false)]
    [InlineData("ftp://portal.example", false)]
    [InlineData("portal.example", false)]
    public void CorsSettings_AcceptOnlyOrigins(string value, bool valid) =>
        Assert.Equal(valid, CorsSettings.IsOrigin(value));

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> PreflightAsync(string origin, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(host.Host.Address, "/api/cases"));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await _http.SendAsync(request, Ct);
    }
}
